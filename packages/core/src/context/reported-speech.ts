/**
 * The person's own account in indirect speech, outside quote marks: "Nadia explained that she
 * was aggressive towards her brother when she was younger", "Kemal admitted he had been manipulative
 * with his sister", "Tom told me he is a diabetic". The words after the speech verb are the person's account of
 * themselves, reported by the writer (LEXICON §4.2: "X said" is the person's words), so deficit,
 * dehumanising and blaming findings in them are reported at `info`, not as a warning (the writer
 * chose the wording, so it is still shown).
 *
 * Decided on the sentence's own words, cheaply:
 * - a speech verb ("said", "says", "told me", "explained", "admitted" …) then, with an optional
 *   "that", a pronoun subject (he, she, they), before the match;
 * - the speaker, the last word before the verb, is "he", "she", "they" (the same pronoun as the
 *   subject of what was said: "she said he was …" is someone else speaking) or a name, and no family
 *   word, professional, service or record is among the words just before it ("Her dad said she
 *   was…", "Staff said he was…", "The OT said…", "Dr Shah said…" stay the speaker's label, as do
 *   "I said" and "we said", the writer's own);
 * - nothing between the verb and the match ends the reported clause: no sentence or clause stop
 *   (. ; : ! ? — brackets, quote marks), and no "but", "and", "so", "although", "because", "which",
 *   "who" … ("Ali said he had a late night, but he remains uncooperative with staff" is the
 *   writer's own clause after the report), unless a later "and that he/she/they", with the
 *   report's own pronoun, carries the report on ("She explained that she was upset, and that she
 *   had refused to sit down"; added 2026-11-28, the sixty-eighth check).
 * Dehumanising labels count only when the person names themselves with one (see isOwnIndirectSpeech).
 * A named speaker is the person only where the document says nothing against it (namedSpeaker).
 * Pure; never throws.
 */
import { FAMILY_SOURCE, OTHER_SOURCE } from './quotes.js';
import { CALENDAR_WORDS } from './subject.js';

/**
 * Is a named speaker the person the record is about, speaking of themselves with `pronoun`? Given
 * by the caller, which knows the whole document (see `namedSpeaker`).
 */
export type SpeakerTest = (name: string, pronoun: 'he' | 'she' | 'they') => boolean;

/** Capitalised words that are never a name (sentence openers, pronouns, days and months). */
const NOT_NAME = new Set([
  ...'The This That These Those There Here It He She They We You I His Her Their Our My Its A An And But So If When While After Before Mr Mrs Ms Miss Mx Dr Mum Dad'.split(' '),
  ...CALENDAR_WORDS.split(' ').map((w) => w[0]!.toUpperCase() + w.slice(1)),
]);

/**
 * A SpeakerTest for one document: a named speaker is the person only when the document does not
 * introduce the name as someone else or show a gender that does not fit ("Stella lives with her
 * son, Dan … Dan said she is confined to a wheelchair": Dan is a man; "his wife, Lesley"), and the
 * name is the document's most frequent (the person a record is about is named most; "Vera's
 * daughter, Lyn, rang … Lyn says she insists" is Lyn speaking of Vera, named more often). `cast`
 * gives the document's cast (subject.ts castOf: "@Name" for someone else, "@m:Name" and "@f:Name"
 * for a gender shown), read only when a named speaker is met.
 */
export function namedSpeaker(text: string, cast: () => { get(key: string): unknown; has(key: string): boolean } | undefined): SpeakerTest {
  let counts: Map<string, number> | undefined;
  let top = 0;
  return (name, pronoun) => {
    const c = cast();
    if (c) {
      if (c.get(`@${name}`) !== undefined) return false;
      if ((pronoun === 'she' && c.has(`@m:${name}`)) || (pronoun === 'he' && c.has(`@f:${name}`))) return false;
    }
    if (!counts) {
      counts = new Map();
      for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?![\p{L}\p{N}])/gu)) {
        if (NOT_NAME.has(m[0])) continue;
        const n = (counts.get(m[0]) ?? 0) + 1;
        counts.set(m[0], n);
        if (n > top) top = n;
      }
    }
    return (counts.get(name) ?? 0) >= top;
  };
}

/** Cheap test: a word a speech verb below begins with. Most sentences have none. */
const MAYBE = /\b(?:said|says|told|tells|explain|admit|shar|mention|jok)/i;

/** A speech verb and the pronoun subject of what was said; global, to find the last one. */
const SPEECH = /\b(?:said|says|told (?:me|us|staff|her worker|his worker|their worker|the (?:worker|nurse|group|panel|meeting))|tells (?:me|us|staff)|explained|explains|admitted|admits|shared|shares|mentioned|mentions|joked|jokes)(?: that)? (?:he|she|they)(?:['’](?:s|d|ve|re))?\b/gi;

/** Words that end the reported clause before the match. */
const CLAUSE_END = /[.;:!?()[\]"“”‘«»—–]|\b(?:and|but|so|yet|or|although|though|whereas|however|because|since|as|despite|while|whilst|until|after|before|then|which|who|whom|whose|where|when|if|unless)\b/i;

/** Professionals and roles written as abbreviations or titles, besides quotes.ts OTHER_SOURCE. */
const ROLE = /^(?:OT|OTs|SW|SWs|CPN|CPNs|IRO|HCA|HCAs|RGN|RMN|PA|PAs|Dr|Prof|Professor|keyworker|key|support|social|duty|night|day|care|home)$/i;

/** Words that are never the person as speaker. */
const NOT_SPEAKER = /^(?:I|We|It|This|That|There|These|Those|The|A|An|Everyone|Everybody|Someone|Nobody|Staff|Carers?)$/;

/** "… and that she …", "…, or that they …": one more clause reported by the same speech verb. */
const CONTINUATION = /\b(?:and|or)(?: also)? that (he|she|they)(?:['’](?:s|d|ve|re))?\b/gi;
/** A stop that ends the report altogether, before any "and that": the sentence's other marks. */
const HARD_END = /[.;:!?()[\]"“”‘«»—–]/;

/**
 * Where the report goes on after the last "and that he/she/they" in `gap` with the same pronoun as
 * the report's subject (the offset just past it), or undefined when there is none, or a hard stop
 * comes before it.
 */
function lastContinuation(gap: string, subject: string): number | undefined {
  let found: RegExpExecArray | undefined;
  CONTINUATION.lastIndex = 0;
  for (let m = CONTINUATION.exec(gap); m; m = CONTINUATION.exec(gap)) found = m;
  CONTINUATION.lastIndex = 0;
  if (!found || found[1]!.toLowerCase() !== subject || HARD_END.test(gap.slice(0, found.index))) return undefined;
  return found.index + found[0].length;
}

/** How far before the match a speech verb is looked for. */
const LOOKBACK = 140;

/**
 * What may stand between the reported subject and a label the person gives themselves ("he said
 * he is a diabetic", "she says she's been clean", "he told me he is still an alcoholic").
 */
const SELF_LABEL_GAP = /^\s*(?:(?:is|was|are|were|been|has been|had been|have been|used to be|would be|will be)\s+)?(?:(?:a|an|still|now|just|only|no longer|not|always|never|very)\s+){0,3}$/i;

/**
 * Is the match at `rel` in `sentence` inside the person's own indirect speech? With `selfLabel`
 * (dehumanising labels), only when the person names themselves with it ("she told me she is
 * diabetic"): "he told me he likes his placement" is the writer's word for his home.
 */
export function isOwnIndirectSpeech(sentence: string, rel: number, selfLabel = false, isPerson?: SpeakerTest): boolean {
  const before = sentence.slice(Math.max(0, rel - LOOKBACK), rel);
  if (!MAYBE.test(before)) return false;
  let last: RegExpExecArray | undefined;
  SPEECH.lastIndex = 0;
  for (let m = SPEECH.exec(before); m; m = SPEECH.exec(before)) last = m;
  SPEECH.lastIndex = 0;
  if (!last) return false;
  const subject = /(he|she|they)(?:['’]\w+)?$/i.exec(last[0])![1]!.toLowerCase();
  let gap = before.slice(last.index + last[0].length);
  if (CLAUSE_END.test(gap)) {
    // "She explained that she was upset, and that she had refused to sit down": a further "that"
    // clause under the same speech verb, about the same person, carries the report on.
    const more = lastContinuation(gap, subject);
    if (more === undefined) return false;
    gap = gap.slice(more);
    if (CLAUSE_END.test(gap)) return false;
  }
  if (selfLabel && !SELF_LABEL_GAP.test(gap)) return false;
  // The speaker: the words of the clause before the verb, nearest last.
  const clause = before.slice(0, last.index).split(/[,;:.!?()"“”‘«»—–]|\b(?:and|but|that|so|because|when|while|although)\b/).pop() ?? '';
  const words = clause.match(/[\p{L}\p{N}'’-]+/gu)?.slice(-4) ?? [];
  const speaker = words[words.length - 1];
  if (!speaker || NOT_SPEAKER.test(speaker)) return false;
  if (!(/^(?:he|she|they)$/i.test(speaker) || /^[\p{Lu}][\p{Ll}'’-]/u.test(speaker))) return false;
  // "She said he was …": one person speaking of another.
  if (/^(?:he|she|they)$/i.test(speaker) && speaker.toLowerCase() !== subject) return false;
  // A name: the person only where the document says nothing against it (see namedSpeaker).
  if (isPerson && !/^(?:he|she|they)$/i.test(speaker) && !isPerson(speaker.replace(/['’]s$/, ''), subject as 'he' | 'she' | 'they')) return false;
  return !words.some((w) => {
    const bare = w.replace(/['’]s?$/, '');
    return OTHER_SOURCE.test(bare) || FAMILY_SOURCE.test(bare) || ROLE.test(bare) || NOT_SPEAKER.test(bare);
  });
}
