/**
 * The person-name detector through analyse(): names of people in the record are reported; places,
 * titles and famous people the sentence shows for what they are are not (LEXICON PRI-11).
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/analyse.js';
import { notAPerson } from '../../src/detectors/person-name.js';
import { repoRuleSet } from '../helpers.js';

const set = repoRuleSet((r) => r.id === 'privacy/person-name');
const names = (text: string) => analyse(text, set).findings.map((f) => f.text);

describe('person-name', () => {
  it.each([
    ['Sam moved from Milton Keynes last year.'],
    ['Jo grew up in Bradley Stoke and still has friends there.'],
    ['Ravi lives near Glen Parva with his dog.'],
    ['Sam went on a coach trip to Ben Nevis in May.'],
    ['Sam likes the penguins at Chester Zoo.'],
    ['Sam listens to Ed Sheeran on the bus.'],
    ["Sam's favourite film is Harry Potter."],
    ['Sam is reading Jane Eyre for her book club.'],
    ['Sam reads Agatha Christie novels in the evening.'],
    ['Sam sings Tom Jones songs at karaoke on Fridays.'],
    ['Jo is a big fan of Gary Barlow and has seen him twice.'],
    ["Sam watched Coronation Street with Mrs Brown's Boys after it."],
    ["Ravi loves Dr Seuss's stories and reads them to his nephew."],
  ])('leaves out a place, a title or a famous person: %s', (text) => {
    expect(names(text)).toEqual([]);
  });

  it.each([
    ['Sam moved in with Sarah Jones last year.', 'Sarah Jones'],
    ['A letter came from Sarah Jones at the housing office.', 'Sarah Jones'],
    ["Sam went to Mrs Patel's house for tea.", 'Mrs Patel'],
    ['Sam watched TV with her neighbour, Priya Shah.', 'Priya Shah'],
    ['Mrs Patel visited on Tuesday.', 'Mrs Patel'],
    ['Sarah Jones attended the review.', 'Sarah Jones'],
    ['Sam read the letter to Ravi Sharma.', 'Ravi Sharma'],
    ['Jo lives near Sarah Jones, her old friend.', 'Sarah Jones'],
    ['Sam listens to Sarah Jones, her support worker, every morning.', 'Sarah Jones'],
  ])('still reports a person in the record: %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  // The words before the name are read only when the token there could end a place or media cue;
  // these hold every such ending, with and without an article, in other cases and spacing.
  it.each([
    'moved back from', 'went to', 'lives in', 'Near', 'around', 'outside the', 'towards', 'across', 'stayed at', 'north of',
    'watched', 'watches the', 'WATCHING', 'listens to', 'reads', 'is re-reading', 'fan of', 'her favourite film is',
    'favourite singers were', 'favourite book:', 'favourite, ', 'written by', 'sings along to', 'impressions of', 'reads his',
  ])('a cue ending "%s" before the name is still read', (cue) => {
    const sentence = `Sam ${cue}  Sarah Jones.`;
    const start = sentence.indexOf('Sarah');
    expect(notAPerson(sentence, start, start + 'Sarah Jones'.length)).toBe(true);
  });

  it('a cue needs white space before the name, and an article only once', () => {
    for (const sentence of ['Sam went to(Sarah Jones).', 'Sam went to the the Sarah Jones.', 'Sam went home with Sarah Jones.']) {
      const start = sentence.indexOf('Sarah');
      expect(notAPerson(sentence, start, start + 'Sarah Jones'.length)).toBe(false);
    }
  });
});
