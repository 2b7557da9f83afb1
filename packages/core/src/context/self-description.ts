/**
 * How a person gives their own word for themselves (LEXICON §4.2): "describes herself as
 * autistic", "sees himself as a recovering addict", "I call myself Deaf". One list for each place
 * that reads it: quotes.ts (a quote after it is the person's own word), disputed.ts (the person
 * answers a reported label with it), and rules/_patterns.yaml's `self-description`, which spells the
 * same words in its regex (test/context/self-description.test.ts holds the two together). Pure.
 */

/** Verbs that take the reflexive and "as": "describes herself as", "thinks of himself as". */
export const SELF_AS_VERBS: readonly string[] = [
  'describe', 'describes', 'described',
  'refer to', 'refers to', 'referred to',
  'identify', 'identifies', 'identified',
  'see', 'sees', 'saw',
  'think of', 'thinks of', 'thought of',
];

/** Verbs that take the reflexive and then the word itself: "calls herself Deaf". */
export const SELF_NAMING_VERBS: readonly string[] = ['call', 'calls', 'called'];

/** The reflexive pronouns after them. */
export const REFLEXIVES: readonly string[] = ['himself', 'herself', 'themselves', 'themself', 'myself'];

const alt = (words: readonly string[]): string => words.map((w) => w.replace(/ /g, '\\s+')).join('|');

/**
 * RegExp source (no flags needed beyond what the caller's regex has) for a self-describing verb and
 * its reflexive, with "as" after the verbs that take it: "described himself as", "calls herself".
 */
export const SELF_DESCRIPTION_SOURCE = `(?:(?:${alt(SELF_AS_VERBS)})\\s+(?:${alt(REFLEXIVES)})\\s+as|(?:${alt(SELF_NAMING_VERBS)})\\s+(?:${alt(REFLEXIVES)}))`;
