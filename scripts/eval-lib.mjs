/**
 * Scoring for the development evaluation set (fixtures/eval/*.jsonl), shared by `npm run eval`
 * (scripts/eval.mjs) and packages/core/test/eval.test.ts. The scoring rules are documented in
 * fixtures/eval/README.md; change both together.
 *
 * Pure apart from reading the data files: it never imports the engine itself (the caller passes an
 * `analyseText` function), never prints, and never writes anything. Sentences are synthetic, but the
 * module would treat real text the same way: nothing leaves the process.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding the evaluation set, computed relative to this file. */
export const evalDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'eval');

/** The category ids a label may use (SPEC §1). */
export const EVAL_CATEGORIES = ['deficit', 'gatekeeping', 'dehumanising', 'blaming', 'control', 'jargon', 'voice', 'privacy'];

/** The six term categories that need at least 40 labels each. */
export const TERM_CATEGORIES = ['deficit', 'gatekeeping', 'dehumanising', 'blaming', 'control', 'jargon'];

/** Floors asserted by the test (see fixtures/eval/README.md). */
export const FLOORS = {
  /** Per-category precision and recall floors apply to categories with at least this many labels. */
  minLabelsForFloor: 20,
  precision: 0.9,
  recall: 0.9,
  cleanFlagged: 0.05,
  trapsFlagged: 0.05,
  /** Dataset size floors. */
  labelsPerTermCategory: 40,
  clean: 150,
  traps: 60,
};

/**
 * Read every `*.jsonl` file in `dir` (file-name order). Each item gets `file` and `line` for
 * messages. Throws naming file and line when a line is not valid JSON.
 */
export function loadEvalSet(dir = evalDir) {
  const items = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((raw, i) => {
      if (!raw.trim()) return;
      let obj;
      try {
        obj = JSON.parse(raw);
      } catch (err) {
        throw new Error(`fixtures/eval/${file}:${i + 1}: not valid JSON (${err.message})`);
      }
      items.push({ ...obj, file, line: i + 1 });
    });
  }
  return { files, items };
}

/** The fields an item may have (plus `file` and `line`, added by loadEvalSet). */
const FIELDS = new Set(['id', 'text', 'labels', 'trap', 'note', 'file', 'line']);

/**
 * Data checks: ids unique, fields well formed, triggers exact substrings, traps only on clean
 * sentences. Returns a list of problems (empty when the data is sound).
 */
export function checkEvalSet(items) {
  const problems = [];
  const seen = new Map();
  for (const it of items) {
    const where = `${it.file}:${it.line}`;
    if (typeof it.id !== 'string' || !it.id) problems.push(`${where}: missing id`);
    else if (seen.has(it.id)) problems.push(`${where}: id ${it.id} already used at ${seen.get(it.id)}`);
    else seen.set(it.id, where);
    if (typeof it.text !== 'string' || !it.text.trim()) problems.push(`${where}: missing text`);
    for (const key of Object.keys(it)) if (!FIELDS.has(key)) problems.push(`${where}: unknown field "${key}" (fields: id, text, labels, trap, note)`);
    if (it.note !== undefined && typeof it.note !== 'string') problems.push(`${where}: note must be a string`);
    if (!Array.isArray(it.labels)) {
      problems.push(`${where}: labels must be an array ([] for a clean sentence)`);
      continue;
    }
    if (typeof it.trap !== 'boolean') problems.push(`${where}: trap must be true or false`);
    if (it.trap && it.labels.length) problems.push(`${where}: a trap must be clean (labels: [])`);
    for (const l of it.labels) {
      if (l && typeof l === 'object' && Object.keys(l).some((k) => k !== 'category' && k !== 'trigger')) problems.push(`${where}: a label has only category and trigger`);
      if (!EVAL_CATEGORIES.includes(l?.category)) problems.push(`${where}: unknown category ${JSON.stringify(l?.category)}`);
      if (typeof l?.trigger !== 'string' || !l.trigger) problems.push(`${where}: a label needs a trigger`);
      else if (typeof it.text === 'string' && !it.text.includes(l.trigger)) problems.push(`${where}: trigger "${l.trigger}" is not an exact substring of the text`);
    }
  }
  return problems;
}

/** Label counts per category, clean sentences and traps. */
export function countEvalSet(items) {
  const labels = {};
  for (const c of EVAL_CATEGORIES) labels[c] = 0;
  let clean = 0;
  let traps = 0;
  for (const it of items) {
    for (const l of it.labels) labels[l.category] = (labels[l.category] ?? 0) + 1;
    if (!it.labels.length) clean++;
    if (it.trap) traps++;
  }
  return { sentences: items.length, labels, clean, traps };
}

const RANK = { info: 0, warning: 1, error: 2 };

/** Findings that count as flags: a span, and severity warning or error. */
export function countedFindings(findings) {
  return findings.filter((f) => f.start && f.end && RANK[f.severity] >= RANK.warning);
}

const overlaps = (a0, a1, b0, b1) => a0 < b1 && b0 < a1;
const ratio = (n, d, empty) => (d === 0 ? empty : n / d);

/**
 * Score the set. `analyseText(text)` returns the findings for one standalone sentence (the caller
 * decides which engine build and rule set). Returns per-category figures, clean and trap shares,
 * and every miss (false negatives and false positives) for rule authors.
 */
export function scoreEvalSet(items, analyseText) {
  const cats = {};
  const cat = (c) => (cats[c] ??= { labels: 0, recalled: 0, tp: 0, fp: 0 });
  const misses = [];
  const clean = { total: 0, flagged: 0 };
  const traps = { total: 0, flagged: 0 };
  for (const it of items) {
    const counted = countedFindings(analyseText(it.text));
    const spans = it.labels.map((l) => {
      const start = it.text.indexOf(l.trigger);
      return { ...l, start, end: start + l.trigger.length };
    });
    for (const s of spans) {
      const c = cat(s.category);
      c.labels++;
      if (counted.some((f) => f.category === s.category && overlaps(f.start.offset, f.end.offset, s.start, s.end))) c.recalled++;
      else misses.push({ kind: 'fn', id: it.id, category: s.category, trigger: s.trigger, text: it.text });
    }
    for (const f of counted) {
      const c = cat(f.category);
      if (spans.some((s) => s.category === f.category && overlaps(f.start.offset, f.end.offset, s.start, s.end))) c.tp++;
      else {
        c.fp++;
        misses.push({ kind: 'fp', id: it.id, category: f.category, ruleId: f.ruleId, found: f.text, text: it.text, trap: !!it.trap });
      }
    }
    if (!it.labels.length) {
      clean.total++;
      if (counted.length) clean.flagged++;
    }
    if (it.trap) {
      traps.total++;
      if (counted.length) traps.flagged++;
    }
  }
  const categories = {};
  for (const c of EVAL_CATEGORIES) {
    const v = cats[c];
    if (!v || (v.labels === 0 && v.tp + v.fp === 0)) continue;
    const precision = ratio(v.tp, v.tp + v.fp, 1);
    const recall = ratio(v.recalled, v.labels, 1);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    categories[c] = { ...v, precision, recall, f1 };
  }
  return {
    sentences: items.length,
    categories,
    clean: { ...clean, share: ratio(clean.flagged, clean.total, 0) },
    traps: { ...traps, share: ratio(traps.flagged, traps.total, 0) },
    misses,
  };
}

/** Which floors the result breaks, as plain sentences (empty when every floor holds). */
export function floorFailures(result, floors = FLOORS) {
  const out = [];
  for (const [c, v] of Object.entries(result.categories)) {
    if (v.labels < floors.minLabelsForFloor) continue;
    if (v.recall < floors.recall) out.push(`${c}: recall ${v.recall.toFixed(3)} < ${floors.recall}`);
    if (v.precision < floors.precision) out.push(`${c}: precision ${v.precision.toFixed(3)} < ${floors.precision}`);
  }
  if (result.clean.share > floors.cleanFlagged) out.push(`clean sentences flagged ${(result.clean.share * 100).toFixed(1)}% > ${floors.cleanFlagged * 100}%`);
  if (result.traps.share > floors.trapsFlagged) out.push(`traps flagged ${(result.traps.share * 100).toFixed(1)}% > ${floors.trapsFlagged * 100}%`);
  return out;
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const num = (x) => x.toFixed(3);

/** The report `npm run eval` prints: a per-category table, clean and trap shares, optional misses. */
export function formatEvalReport(result, { misses = false, floors = FLOORS } = {}) {
  const rows = [['category', 'labels', 'recalled', 'TP', 'FP', 'precision', 'recall', 'F1']];
  for (const [c, v] of Object.entries(result.categories)) {
    rows.push([c, String(v.labels), String(v.recalled), String(v.tp), String(v.fp), num(v.precision), num(v.recall), num(v.f1)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const out = [`Development evaluation set: ${result.sentences} sentences`, '', line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows.slice(1)) out.push(line(r));
  out.push('');
  out.push(`clean sentences flagged: ${result.clean.flagged}/${result.clean.total} (${pct(result.clean.share)})`);
  out.push(`traps flagged:           ${result.traps.flagged}/${result.traps.total} (${pct(result.traps.share)})`);
  out.push('');
  const failures = floorFailures(result, floors);
  out.push(failures.length ? `Below the floors:\n${failures.map((f) => `  - ${f}`).join('\n')}` : 'All floors met.');
  if (misses) {
    const fns = result.misses.filter((m) => m.kind === 'fn');
    const fps = result.misses.filter((m) => m.kind === 'fp');
    out.push('', `False negatives (${fns.length}): labelled, not found`);
    for (const m of fns) out.push(`  ${m.id}  ${m.category}  "${m.trigger}"  —  ${m.text}`);
    out.push('', `False positives (${fps.length}): found, not labelled`);
    for (const m of fps) out.push(`  ${m.id}  ${m.ruleId}  "${m.found}"${m.trap ? '  [trap]' : ''}  —  ${m.text}`);
  }
  return out.join('\n');
}

/**
 * One slip of the keyboard in a word of `word` (eight letters or more), chosen by `next()` (a
 * number in [0, 1)): a letter left out, two neighbours swapped, a letter doubled or a vowel
 * changed, never the first letter. The same `next` sequence gives the same slips.
 */
export function slipOf(word, next) {
  const n = word.length;
  const i = 1 + Math.floor(next() * (n - 2));
  const kind = Math.floor(next() * 4);
  const c = word[i];
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + word[i + 1] + c + word.slice(i + 2);
  if (kind === 2) return word.slice(0, i) + c + word.slice(i);
  const v = [...word].findIndex((ch, x) => x > 0 && 'aeiou'.includes(ch.toLowerCase()));
  return v > 0 ? word.slice(0, v) + (word[v].toLowerCase() === 'a' ? 'e' : 'a') + word.slice(v + 1) : word.slice(0, i) + word.slice(i + 1);
}

/** A small seeded generator (the same numbers on every run and machine). */
function seeded(seed) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

/**
 * Misspelt words, measured: for each label (privacy aside) whose trigger holds a word of eight
 * letters or more and which is found as spelt, the same sentence with one slip in that word
 * (`slipOf`, seeded): is the label still found? And for each clean sentence, one slip in each of
 * its long words in turn: how many slips give a finding the sentence did not have (a slip can
 * break a protected term, "retinoppathy", as well as make a word a rule reads)?
 */
export function scoreSlips(items, analyseText, seed = 7) {
  const next = seeded(seed);
  const found = (text, label, at) => countedFindings(analyseText(text)).some((f) => f.category === label.category && f.ruleId !== 'privacy/person-name' && overlaps(f.start.offset, f.end.offset, at, at + label.trigger.length));
  const labels = { total: 0, found: 0, missed: [] };
  const clean = { words: 0, newFindings: 0 };
  for (const it of items) {
    for (const l of it.labels) {
      if (l.category === 'privacy') continue;
      const at = it.text.indexOf(l.trigger);
      const word = /[A-Za-z]{8,}/.exec(l.trigger)?.[0];
      if (at < 0 || !word) continue;
      const slip = slipOf(word, next);
      if (!found(it.text, l, at)) continue;
      const trigger = l.trigger.replace(word, slip);
      labels.total++;
      if (found(it.text.slice(0, at) + trigger + it.text.slice(at + l.trigger.length), { ...l, trigger }, at)) labels.found++;
      else labels.missed.push(`${word} → ${slip}`);
    }
    if (it.labels.length) continue;
    const before = countedFindings(analyseText(it.text)).filter((f) => f.ruleId !== 'privacy/person-name').length;
    for (const m of it.text.matchAll(/[A-Za-z]{8,}/g)) {
      const text = it.text.slice(0, m.index) + slipOf(m[0], next) + it.text.slice(m.index + m[0].length);
      clean.words++;
      if (countedFindings(analyseText(text)).filter((f) => f.ruleId !== 'privacy/person-name').length > before) clean.newFindings++;
    }
  }
  return { labels: { ...labels, share: ratio(labels.found, labels.total, 1) }, clean };
}

/** The lines `npm run eval` prints about misspelt words. */
export function formatSlips(s) {
  return [
    `Misspelt words (one slip in the trigger's long word, seeded): ${s.labels.found}/${s.labels.total} labels still found (${pct(s.labels.share)})`,
    `Clean sentences, one slip in each long word in turn: ${s.clean.newFindings} of ${s.clean.words} slips gave a new finding`,
  ].join('\n');
}
