// Bundles the built-in rules (../../rules/**/*.yaml) into generated/builtin-rules.js.
// Pass 1 (before tsc): raw YAML → JS, so TypeScript can resolve the module.
// Pass 2 (--expand, after tsc): validate every rule with file/line errors, check the pack compiles
// (safe regexes, known detectors, match anchors) and pre-expand lemma inflections. Also bundles the
// protected-terms allow-list (rules/allow-list.yaml), the subject word lists (rules/_context.yaml) and
// the patterns rules share by name (rules/_patterns.yaml).
import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..');
const rulesDir = join(pkg, '..', '..', 'rules');
const outDir = join(pkg, 'generated');
const expand = process.argv.includes('--expand');

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else if (/\.ya?ml$/.test(name) && !name.startsWith('_') && name !== 'allow-list.yaml') out.push(full);
  }
  return out;
}

/**
 * Misspellings of the built-in rules' long words (src/rules/typos.ts makes them). The words are
 * every word of eight letters or more a rule looks for — in its terms and phrases, its `lemma`
 * inflections and the literal words of its regexes (`placements?` gives "placements" and
 * "placement") — of every rule but privacy rules, rules with a detector (which read their own
 * matches) and `match` patterns (compromise is not run again). Each misspelling is kept only when it
 * is no real word — in a British or American English dictionary (nspell with dictionary-en-gb and
 * dictionary-en) or a long list of English words (an-array-of-english-words, 275,000 words, which
 * knows "resited" and "hemiplegic"); all build-time only —, no word of any rule (patterns or
 * unless) or of the allow-list, and a slip of one word only (or of one real word and a misspelling
 * a rule spells in). Returned as one string, a line per
 * word: the word, a tab, its misspellings separated by spaces.
 */
async function typosOf(list, allowPhrases) {
  const { typoVariants, furtherVariants } = await import(join(pkg, 'dist', 'rules', 'typos.js'));
  const { default: nspell } = await import('nspell');
  const { default: british } = await import('dictionary-en-gb');
  const { default: american } = await import('dictionary-en');
  const { createRequire } = await import('node:module');
  const listed = new Set(createRequire(import.meta.url)('an-array-of-english-words'));
  const gb = nspell(british);
  const us = nspell(american);
  // A real word in either dictionary or the long word list ("resited", "hemiplegic", "bedrail").
  const real = (v) => listed.has(v) || gb.correct(v) || us.correct(v);
  /** The literal words of a regex's source: escapes (\b, \s, \.) taken out; a word before `?` both with and without its last letter. */
  const regexWords = (source) => {
    const out = [];
    const plain = source.replace(/\\./g, ' ').toLowerCase();
    for (const m of plain.matchAll(/[a-z]+/g)) {
      out.push(m[0]);
      if (plain[m.index + m[0].length] === '?') out.push(m[0].slice(0, -1));
    }
    return out;
  };
  const wordsOf = (r, lists) => {
    const out = [];
    for (const l of lists) for (const p of r[l] ?? []) {
      if (p.terms) for (const t of p.terms) out.push(...t.toLowerCase().split(/[^a-z]+/));
      if (p.lemma) for (const f of r.expanded?.[p.lemma] ?? []) out.push(...f.toLowerCase().split(/[^a-z]+/));
      if (p.regex) out.push(...regexWords(p.regex));
    }
    return out.filter(Boolean);
  };
  const taken = new Set();
  for (const r of list) for (const w of wordsOf(r, ['patterns', 'unless'])) taken.add(w);
  for (const a of allowPhrases) for (const w of a.toLowerCase().split(/[^a-z]+/)) if (w) taken.add(w);
  const words = new Set();
  for (const r of list) if (!r.detector && r.category !== 'privacy') for (const w of wordsOf(r, ['patterns'])) words.add(w);
  const owner = new Map();
  for (const w of [...words].sort()) {
    for (const v of typoVariants(w)) {
      if (taken.has(v) || real(v)) continue;
      const o = owner.get(v);
      if (o === undefined) owner.set(v, w);
      else if (o !== null && o !== w) {
        // A slip of two words is neither's, except when one of them is a real word and the other a
        // misspelling a rule spells in ("capaity" is one slip from "capacity" and from "capasity"):
        // then it is the real word's.
        const ro = real(o);
        const rw = real(w);
        owner.set(v, ro && !rw ? o : rw && !ro ? w : null);
      }
    }
  }
  // The further slips (a neighbouring key, a consonant that sounds alike, shorter words' slips),
  // held to a stricter test: only of real words (not of a misspelling a rule spells in, which would
  // make two slips), not a real word with a capital either (a name or a place: "Clent"), and no
  // slip the first kind made. A slip of two words is neither's, unless one rule looks for both
  // ("insits": "insist" and "insists"), when it is the first's.
  const cap = (v) => v[0].toUpperCase() + v.slice(1);
  const rulesOf = new Map();
  for (const r of list) if (!r.detector && r.category !== 'privacy') for (const w of wordsOf(r, ['patterns'])) (rulesOf.get(w) ?? rulesOf.set(w, new Set()).get(w)).add(r.id);
  const oneRule = (a, b) => [...rulesOf.get(a)].some((id) => rulesOf.get(b).has(id));
  const further = new Map();
  for (const w of [...words].sort()) {
    if (!real(w)) continue;
    for (const v of furtherVariants(w)) {
      if (owner.has(v) || taken.has(v) || real(v) || gb.correct(cap(v)) || us.correct(cap(v))) continue;
      // The silent "e" kept before "-ing" only when the word with it is a word: "manageing" (manage), not "restraineing".
      if (v.endsWith('eing') && !w.endsWith('eing') && !real(v.slice(0, -3))) continue;
      const o = further.get(v);
      further.set(v, o === undefined || o === w ? w : o !== null && oneRule(o, w) ? o : null);
    }
  }
  for (const [v, w] of further) if (w) owner.set(v, w);
  const typos = {};
  for (const [v, w] of owner) if (w) (typos[w] ??= []).push(v);
  // One string, a line per word ("word<TAB>slip slip …"): one object for the garbage collector to
  // trace in every worker rather than fifty thousand (rules/typos.ts reads it into typed arrays).
  return Object.entries(typos).sort(([a], [b]) => (a < b ? -1 : 1)).map(([w, vs]) => `${w}\t${vs.sort().join(' ')}`).join('\n');
}

const files = walk(rulesDir);
const hash = createHash('sha256');
for (const f of files) hash.update(relative(rulesDir, f)).update('\0').update(readFileSync(f)).update('\0');
const allowFile = join(rulesDir, 'allow-list.yaml');
let allow = [];
let rules;
let typos;
if (expand) {
  const node = await import(join(pkg, 'dist', 'node.js'));
  rules = node.loadRulePack(rulesDir).map((r) => ({ ...r, file: relative(join(pkg, '..', '..'), r.file) }));
  allow = node.loadAllowList(allowFile);
  typos = await typosOf(rules, allow);
} else {
  rules = files.map((f) => ({ ...parse(readFileSync(f, 'utf8')), file: relative(join(pkg, '..', '..'), f) }));
}
hash.update(readFileSync(allowFile));
// Word lists for `subject` checks (rules/_context.yaml): groups of single lower-case words, each a
// whole token as the engine reads it (a phrase or a capital would never match and is refused).
const contextFile = join(rulesDir, '_context.yaml');
const context = parse(readFileSync(contextFile, 'utf8')) ?? {};
const contextGroups = ['organisations', 'others', 'family', 'animals', 'machines', 'requests', 'documents'];
for (const [group, list] of Object.entries(context)) {
  if (!contextGroups.includes(group) || !Array.isArray(list) || list.some((w) => typeof w !== 'string' || !w.trim())) {
    console.error(`rules/_context.yaml: group "${group}" must be one of ${contextGroups.join(', ')}, and a list of words`);
    process.exit(1);
  }
  const bad = list.filter((w) => !/^[\p{Ll}\p{N}]+(?:-by)?$/u.test(w));
  if (bad.length) {
    console.error(`rules/_context.yaml: in "${group}", ${bad.map((w) => `"${w}"`).join(', ')} must be one lower-case word`);
    process.exit(1);
  }
}
hash.update(readFileSync(contextFile));
// Patterns several rules share, by name (rules/_patterns.yaml; a rule cites one as `named: <name>`).
// Checked in pass 2, where loadRulePack reads the file through core's schema (file, line and name
// in any error) and checks each regex as a rule's own; shared-patterns.test.ts checks each is cited.
const patternsFile = join(rulesDir, '_patterns.yaml');
const patterns = parse(readFileSync(patternsFile, 'utf8')) ?? {};
hash.update(readFileSync(patternsFile));
// Pass 2: compile the pack with every check (regex safety, known detectors and their params), and
// record the required and prefix literals of every rule regex (the scan's prefilter), so start-up
// need neither check nor parse them again. Keyed by `${flags}/${source}` as compiled.
const literals = {};
if (expand) {
  const { compileRules } = await import(join(pkg, 'dist', 'rules', 'compile.js'));
  const { requiredLiterals, prefixLiterals } = await import(join(pkg, 'dist', 'patterns', 'regex-anchors.js'));
  for (const rule of compileRules(rules, { allow, validate: false }).rules) {
    for (const re of rule.regexes) literals[`${re.flags}/${re.source}`] = [requiredLiterals(re.source, re.flags), prefixLiterals(re.source, re.flags)];
    // And the detectors' triggers and searches, whose prefixes the scan looks for too (scan.ts's
    // detectorSearches): parsing them took a few milliseconds of a process's first analysis.
    const meta = rule.detector?.meta;
    for (const re of meta ? [meta.trigger, ...(meta.searches ?? [])] : []) {
      if (re) literals[`${re.flags}/${re.source}`] ??= [requiredLiterals(re.source, re.flags), prefixLiterals(re.source, re.flags)];
    }
    // And the `scope: section` unless patterns, whose required literals the scan looks for too
    // (scan.ts's sectionSearches).
    for (const u of rule.unless) {
      const re = u.scope === 'section' ? (u.phrases ?? u.regex) : undefined;
      if (re) literals[`${re.flags}/${re.source}`] ??= [requiredLiterals(re.source, re.flags), prefixLiterals(re.source, re.flags)];
    }
  }
}
// The misspellings come from the generator and the dictionary as well as the rules: they count too.
if (typos) hash.update(typos);
mkdirSync(outDir, { recursive: true });
const data = { hash: hash.digest('hex').slice(0, 16), rules, allow, context, patterns, literals, ...(typos ? { typos } : {}) };
writeFileSync(join(outDir, 'builtin-rules.js'), `// GENERATED by scripts/bundle-rules.mjs from rules/ — do not edit.\nexport default ${JSON.stringify(data)};\n`);
writeFileSync(
  join(outDir, 'builtin-rules.d.ts'),
  `declare const bundle: { hash: string; rules: unknown[]; allow: string[]; context?: Record<string, string[]>; patterns?: Record<string, unknown>; literals?: Record<string, readonly [string[] | null, string[] | null]>; typos?: string };\nexport default bundle;\n`,
);
if (expand) console.error(`bundled ${rules.length} rules (${data.hash})`);
