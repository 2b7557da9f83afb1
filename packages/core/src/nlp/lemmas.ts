/**
 * Inflections of a word, generated once when rules are compiled (never per sentence).
 * A thin wrapper around compromise's conjugation and pluralisation so it can be swapped.
 * Pure: no I/O.
 */
import nlp from 'compromise';

/** All inflections of `lemma` for the given part of speech (default: verb and noun forms). */
export function inflect(lemma: string, pos?: 'verb' | 'noun' | 'adjective'): string[] {
  const word = lemma.trim().toLowerCase();
  const out = new Set<string>([word]);
  if (pos === 'adjective') return [...out];
  const words = word.split(/\s+/);
  const head = words[0]!;
  const rest = words.slice(1).join(' ');
  const withRest = (w: string): string => (rest ? `${w} ${rest}` : w);
  if (pos !== 'noun') {
    const conj = nlp(head).verbs().conjugate()[0] as Record<string, string> | undefined;
    if (conj) {
      for (const key of ['Infinitive', 'PastTense', 'PresentTense', 'Gerund', 'PastParticiple']) {
        const form = conj[key];
        if (form && /^[a-z\-']+$/.test(form)) out.add(withRest(form));
      }
    }
  }
  if (pos !== 'verb') {
    // Pluralise the last word of a noun phrase.
    const last = words[words.length - 1]!;
    const plural = nlp(last).nouns().toPlural().text().toLowerCase();
    if (plural && /^[a-z\-']+$/.test(plural)) out.add([...words.slice(0, -1), plural].join(' '));
  }
  return [...out];
}
