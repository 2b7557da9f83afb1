/**
 * Negation scope on cheap tokens: is a match preceded, within its clause, by a negation cue
 * ("did not refuse", "no evidence of aggression", "is not aggressive", "no longer described as
 * challenging", "never refused")? Pure; looks at a bounded window, so it is constant time per match.
 */

const CUES = new Set(['not', 'no', 'never', 'without', 'nor', 'neither', 'none', 'nothing', 'cannot', 'hardly', 'denied', 'denies', 'absence']);
const CLAUSE_BREAK = /[,;:()\u2013\u2014]|\b(?:but|although|though|however|whereas|because|and then|which|who)\b/gi;
const WINDOW = 6;

/**
 * True when the text before `relStart` in `sentence` negates what follows. `relStart` is the
 * match's offset within the sentence.
 */
export function isNegated(sentence: string, relStart: number): boolean {
  let before = sentence.slice(Math.max(0, relStart - 80), relStart);
  // Only the current clause counts.
  let cut = -1;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(before))) cut = m.index + m[0].length;
  if (cut >= 0) before = before.slice(cut);
  const tokens = before.toLowerCase().match(/[a-z]+(?:['’][a-z]+)?/g) ?? [];
  const window = tokens.slice(-WINDOW);
  for (let i = 0; i < window.length; i++) {
    const t = window[i]!;
    if (t.endsWith("n't") || t.endsWith('n’t')) return true;
    if (CUES.has(t)) {
      if (t === 'not' && window[i + 1] === 'only') continue;
      if (t === 'no' && window[i + 1] === 'one') continue;
      return true;
    }
  }
  return false;
}
