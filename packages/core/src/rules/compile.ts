/**
 * Raw rule objects → a compiled RuleSet, once: validated rules with their literal phrases (terms
 * and lemma inflections), compromise `match` patterns with their anchor words, regexes, `unless`
 * patterns and detectors. scan.ts indexes the phrases and anchors in one character trie, so it
 * finds candidates in one cheap pass over word starts; compromise only runs on sentences with an
 * anchor of a `match` rule. Pure.
 */
import type { Category, ConcretePattern, NegationPolicy, Pattern, RuleData, Severity, SharedPattern, SubjectPolicy } from '../types.js';
import { SourdoughError } from '../errors.js';
import { validateRule } from '../schema/rule.js';
import { anyPhraseRegex } from '../patterns/terms.js';
import { compileMatch, type CompiledMatch } from '../patterns/match.js';
import { compileRegex } from '../patterns/regex.js';
import { inflect } from '../nlp/lemmas.js';
import { detectors, type Detector } from '../detectors/index.js';
import { Ajv } from 'ajv';
import { compileContextWords, type ContextIndex, type ContextWords } from '../context/subject.js';
import bundle from '../../generated/builtin-rules.js';

/** A compiled `unless` pattern. */
export interface CompiledUnless {
  scope: 'sentence' | 'overlap' | 'section' | 'heading' | 'defined' | 'document';
  phrases?: RegExp;
  match?: CompiledMatch;
  regex?: RegExp;
}

/** One rule, ready to run. */
export interface CompiledRule {
  index: number;
  id: string;
  category: Category;
  severity: Severity;
  data: RuleData;
  /** Literal phrases (terms and lemma inflections). */
  phrases: string[];
  matches: CompiledMatch[];
  regexes: RegExp[];
  unless: CompiledUnless[];
  /** Some `unless` pattern has `scope: section`, `scope: heading` or `scope: document` (read beyond the sentence). */
  unlessInSection: boolean;
  /** Some `unless` pattern has `scope: defined` (read over the whole document). */
  unlessDefined: boolean;
  /** `suggestFor` by term, as `suggestKey` writes it. */
  suggestFor?: Map<string, string[]>;
  detector?: Detector;
  params: Record<string, unknown>;
  negation: NegationPolicy;
  quotes: 'suppress' | 'report';
  subject: SubjectPolicy;
  url: string;
}

/** An entry of the phrase table: which rule a phrase (or match anchor) belongs to. */
/** A compiled rule set. Build once with compileRules(); analyse() reuses it. */
export interface RuleSet {
  rules: CompiledRule[];
  byId: Map<string, CompiledRule>;
  /**
   * Protected terms that are never flagged (statutory, clinical, organisation names). scan.ts
   * indexes them with the rules' phrases in its character trie (built once per rule set).
   */
  allowPhrases: string[];
  /** Organisation / machine / request / document words for `subject` checks (rules/_context.yaml). */
  context: ContextIndex;
  /**
   * Misspellings of the rules' long words (rules/typos.ts; the built-in rule set's, made when the
   * rules are bundled: `builtinTypos()`): a line per word, the word, a tab, its misspellings
   * separated by spaces. Absent: misspellings are not read.
   */
  typos?: string;
}

/** Categories whose rules drop negated matches unless they say otherwise. */
const NEGATION_DROP: ReadonlySet<Category> = new Set(['blaming', 'deficit']);
/** Categories whose findings are reported even inside quotes (identifiers stay identifiers). */
const QUOTES_REPORT: ReadonlySet<Category> = new Set(['privacy', 'voice']);

const ajv = new Ajv({ allErrors: true, strict: false });

/** Options for compileRules. */
export interface CompileOptions {
  /** Extra protected phrases (never flagged). */
  allow?: string[];
  /** Misspellings to read (RuleSet.typos). */
  typos?: string;
  /** Validate each rule against the schema first (default true). */
  validate?: boolean;
  /**
   * The rules were already fully checked at build time (the bundled built-in rules): skip the
   * regex backtracking analysis and the detector params check, which dominate start-up. Never
   * set this for user rule packs.
   */
  trusted?: boolean;
  /** Word lists for `subject` checks; default: the built-in `rules/_context.yaml`. */
  context?: Partial<ContextWords>;
  /** Patterns rules cite by name (`named:`); default: the built-in `rules/_patterns.yaml`. */
  shared?: Record<string, SharedPattern>;
}

/** The built-in shared patterns (`rules/_patterns.yaml`), by name. */
export function builtinSharedPatterns(): Record<string, SharedPattern> {
  return (bundle.patterns ?? {}) as Record<string, SharedPattern>;
}

/**
 * A `named:` pattern replaced by the shared pattern it names (keeping its scope); others as they
 * are. An unknown name is an error that lists the names there are.
 */
export function resolveNamed(p: Pattern, shared: Record<string, SharedPattern>, rule: RuleData, list: 'patterns' | 'unless'): ConcretePattern {
  if (!('named' in p)) return p;
  const entry = Object.hasOwn(shared, p.named) ? shared[p.named] : undefined;
  if (!entry) {
    const known = Object.keys(shared).sort();
    throw new SourdoughError(
      'SD_ERR_RULE_SCHEMA',
      `${rule.file ?? rule.id}: there is no shared pattern called "${p.named}" (${known.length ? `the names in _patterns.yaml are ${known.map((k) => `"${k}"`).join(', ')}` : 'there are no shared patterns'})`,
      rule.file ? { file: rule.file, field: `${list}.named` } : { field: `${list}.named` },
    );
  }
  const { description: _description, ...pattern } = entry;
  return p.scope === undefined ? pattern : { ...pattern, scope: p.scope };
}

/** Validate a rule that may carry internal fields (`file`, `expanded`) added by the loaders. */
function validateInternal(item: unknown): RuleData {
  if (item && typeof item === 'object' && ('file' in item || 'expanded' in item)) {
    const { file, expanded, ...rest } = item as RuleData;
    const data = validateRule(rest, file);
    if (file !== undefined) data.file = file;
    if (expanded !== undefined) data.expanded = expanded;
    return data;
  }
  return validateRule(item);
}

function compileUnless(rule: RuleData, trusted: boolean, shared: Record<string, SharedPattern>): CompiledUnless[] {
  return (rule.unless ?? []).map((raw) => {
    const p = resolveNamed(raw, shared, rule, 'unless');
    const scope = p.scope ?? 'sentence';
    if ('terms' in p) return { scope, phrases: anyPhraseRegex(p.terms)! };
    if ('lemma' in p) return { scope, phrases: anyPhraseRegex(rule.expanded?.[p.lemma] ?? inflect(p.lemma, p.pos))! };
    if ('match' in p) return { scope, match: compileMatch(p.match, rule.id, rule.file) };
    return { scope, regex: compileRegex(p.regex, p.caseSensitive, rule.id, rule.file, trusted) };
  });
}

/** Compile raw rule objects (validated unless `validate: false`) into a RuleSet. */
export function compileRules(raw: readonly (RuleData | unknown)[], options: CompileOptions = {}): RuleSet {
  const rules: CompiledRule[] = [];
  const byId = new Map<string, CompiledRule>();
  const shared = options.shared ?? builtinSharedPatterns();

  for (const item of raw) {
    const data = options.validate === false ? (item as RuleData) : validateInternal(item);
    if (byId.has(data.id)) {
      throw new SourdoughError('SD_ERR_RULE_DUPLICATE', `${data.file ?? data.id}: rule id ${data.id} is defined twice`, data.file ? { file: data.file, field: 'id' } : { field: 'id' });
    }
    if (data.id.split('/')[0] !== data.category) {
      throw new SourdoughError('SD_ERR_RULE_SCHEMA', `${data.file ?? data.id}: rule id ${data.id} must start with its category "${data.category}/"`, data.file ? { file: data.file, field: 'id' } : { field: 'id' });
    }
    const placeholders = data.message.match(/\{[^}]*\}/g) ?? [];
    for (const ph of placeholders) {
      if (ph !== '{match}') throw new SourdoughError('SD_ERR_RULE_SCHEMA', `${data.file ?? data.id}: message uses ${ph}; {match} is the only placeholder`, data.file ? { file: data.file, field: 'message' } : { field: 'message' });
    }
    if (data.firstUseOnly && !(data.unless ?? []).some((u) => u.scope === 'defined')) {
      throw new SourdoughError(
        'SD_ERR_RULE_SCHEMA',
        `${data.file ?? data.id}: firstUseOnly needs an unless pattern with scope: defined (the abbreviation written out, which explains every later use)`,
        data.file ? { file: data.file, field: 'firstUseOnly' } : { field: 'firstUseOnly' },
      );
    }
    const index = rules.length;
    const phrases: string[] = [];
    const matches: CompiledMatch[] = [];
    const regexes: RegExp[] = [];
    for (const raw of data.patterns ?? []) {
      const p = resolveNamed(raw, shared, data, 'patterns');
      if ('terms' in p) phrases.push(...p.terms);
      else if ('lemma' in p) phrases.push(...(data.expanded?.[p.lemma] ?? inflect(p.lemma, p.pos)));
      else if ('match' in p) matches.push(compileMatch(p.match, data.id, data.file));
      else regexes.push(compileRegex(p.regex, p.caseSensitive, data.id, data.file, options.trusted === true));
    }
    let detector: Detector | undefined;
    const params = data.params ?? {};
    if (data.detector) {
      detector = detectors[data.detector];
      if (!detector) {
        throw new SourdoughError('SD_ERR_DETECTOR', `${data.file ?? data.id}: unknown detector "${data.detector}" (known: ${Object.keys(detectors).sort().join(', ')})`, data.file ? { file: data.file, field: 'detector' } : { field: 'detector' });
      }
      // Built-in rules (trusted) had their params checked when the bundle was built.
      const check = options.trusted ? undefined : ajv.compile(detector.meta.params);
      if (check && !check(params)) {
        throw new SourdoughError('SD_ERR_DETECTOR', `${data.file ?? data.id}: params for detector "${data.detector}" ${ajv.errorsText(check.errors)}`, data.file ? { file: data.file, field: 'params' } : { field: 'params' });
      }
    }
    const rule: CompiledRule = {
      index,
      id: data.id,
      category: data.category,
      severity: data.severity,
      data,
      phrases: [...new Set(phrases.map((p) => p.toLowerCase()))],
      matches,
      regexes,
      unless: compileUnless(data, options.trusted === true, shared),
      unlessInSection: (data.unless ?? []).some((u) => u.scope === 'section' || u.scope === 'heading' || u.scope === 'document'),
      unlessDefined: (data.unless ?? []).some((u) => u.scope === 'defined'),
      params,
      negation: data.negation ?? (NEGATION_DROP.has(data.category) ? 'drop' : 'keep'),
      quotes: data.quotes ?? (QUOTES_REPORT.has(data.category) ? 'report' : 'suppress'),
      subject: data.subject ?? 'any',
      url: `docs/rules/${data.id}.md`,
    };
    if (detector) rule.detector = detector;
    if (data.suggestFor) rule.suggestFor = new Map(Object.entries(data.suggestFor).map(([term, list]) => [suggestKey(term), list]));
    rules.push(rule);
    byId.set(rule.id, rule);
  }

  const allowPhrases = [...(options.allow ?? [])];
  const context = compileContextWords(options.context ?? (bundle.context as Partial<ContextWords> | undefined));
  return { rules, byId, allowPhrases, context, ...(options.typos ? { typos: options.typos } : {}) };
}

/**
 * How a `suggestFor` term and a finding's words are compared: spaces collapsed, lower case, a curly
 * apostrophe as a straight one (so "Pt's" serves "Pt’s" too).
 */
export function suggestKey(words: string): string {
  return words.replace(/\s+/g, ' ').trim().toLowerCase().replace(/[’‘]/g, "'");
}

/**
 * Every suggestion a rule may make, for a summary of the rule rather than one finding (an audit's
 * "Try instead", a SARIF rule's help): each `suggestFor` term's own wording, once for a term and
 * its plural ("personal assistant (for “PA”)"), then `suggest`.
 */
export function ruleSuggestions(data: Pick<RuleData, 'suggest' | 'suggestFor'>): string[] {
  const own = Object.entries(data.suggestFor ?? {});
  const terms = new Set(own.map(([term]) => term));
  // Each wording once, with every term it is for ("affect (for “impact”, “impacted”)").
  const forWording = new Map<string, string[]>();
  for (const [term, list] of own) {
    if (/[^s]s$/.test(term) && terms.has(term.slice(0, -1))) continue;
    for (const s of list) {
      const those = forWording.get(s);
      if (those) those.push(term);
      else forWording.set(s, [term]);
    }
  }
  const out = [...forWording].map(([s, those]) => `${s} (for ${those.map((t) => `“${t}”`).join(', ')})`);
  return [...new Set([...out, ...data.suggest])];
}

/** A copy of `set` with more protected phrases (used by config allow-list additions). */
export function withAllow(set: RuleSet, extra: string[]): RuleSet {
  if (extra.length === 0) return set;
  return { ...set, allowPhrases: [...set.allowPhrases, ...extra] };
}
