/**
 * The shared vocabulary of sourdough: categories, rules, findings and document results.
 * Every surface (CLI, API, LanguageTool endpoint, reports) is built from these shapes (SPEC §3).
 * Pure types: no runtime code lives here.
 */

/** The fixed category ids (SPEC §1). */
export const CATEGORIES = [
  'deficit',
  'gatekeeping',
  'dehumanising',
  'blaming',
  'control',
  'jargon',
  'voice',
  'privacy',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** `error` should not go into a signed-off plan; `warning` consider rewording; `info` observation. */
export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A place in a document: 1-based line and column, 0-based UTF-16 offset. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** One thing a rule noticed (SPEC §3). Document-level findings have no `start`/`end`. */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  text?: string;
  start?: Position;
  end?: Position;
  suggestions: string[];
  sentence?: string;
  url: string;
  /** Inside the person's own quoted words (only reported with `includeQuotes`). */
  quoted?: boolean;
  /** The heading the finding sits under. */
  section?: string;
  /** 1-based paragraph number (DOCX). */
  paragraph?: number;
}

/** Per-document figures. */
export interface Stats {
  words: number;
  sentences: number;
  findings: number;
  byCategory: Partial<Record<Category, number>>;
  bySeverity: Partial<Record<Severity, number>>;
  per1000Words: number;
  /** Strengths and aspiration statements counted (voice/strengths detector). */
  strengths?: number;
  /** Share (0..1) of sentences in the person's voice. */
  personVoiceShare?: number;
  /** Document kind used for voice checks. */
  kind?: DocumentKind;
  [extra: string]: unknown;
}

export type DocumentKind = 'plan' | 'note' | 'auto';

/** A document that was analysed. */
export interface DocumentResult {
  path: string;
  id?: string;
  row?: number;
  /** Extra record columns (CSV/JSONL), kept for reports. */
  meta?: Record<string, string>;
  findings: Finding[];
  stats: Stats;
}

/** A document that could not be read or analysed. */
export interface DocumentError {
  path: string;
  id?: string;
  row?: number;
  meta?: Record<string, string>;
  error: { code: string; message: string };
}

export type DocumentOutcome = DocumentResult | DocumentError;

/** Aggregate over a batch (SPEC §3). */
export interface Summary {
  documents: number;
  /** Documents analysed (documents − failed). */
  analysed: number;
  failed: number;
  findings: number;
  byCategory: Partial<Record<Category, number>>;
  bySeverity: Partial<Record<Severity, number>>;
  [extra: string]: unknown;
}

/** The JSON the CLI prints with `--format json`. */
export interface CheckReport {
  version: 1;
  results: DocumentOutcome[];
  summary: Summary;
}

// ---------------------------------------------------------------------------
// Rules as data (SPEC §2)

export interface TermsPattern {
  terms: string[];
}
export interface LemmaPattern {
  lemma: string;
  /** Part of speech of the lemma; decides which inflections are generated. Default: both. */
  pos?: 'verb' | 'noun' | 'adjective';
}
export interface MatchPattern {
  match: string;
}
export interface RegexPattern {
  regex: string;
  /** Case-insensitive unless `caseSensitive: true`. */
  caseSensitive?: boolean;
}
/**
 * A pattern shared by several rules, cited by name (`rules/_patterns.yaml`): the same legal-basis
 * words, say, for every control rule that a recorded authorisation covers. Resolved when the rule
 * is compiled; the named entry is a `terms` or `regex` pattern.
 */
export interface NamedPattern {
  named: string;
}
/** A shared pattern as `rules/_patterns.yaml` defines it: a `terms` or `regex` pattern and what it is for. */
export type SharedPattern = (TermsPattern | RegexPattern) & { description: string };
/** A pattern as it is read: any kind but a `named` one (resolved first, rules/compile.ts). */
export type ConcretePattern = Exclude<Pattern, NamedPattern>;
export type Pattern = (TermsPattern | LemmaPattern | MatchPattern | RegexPattern | NamedPattern) & {
  /**
   * For `unless`: `sentence` cancels every match of the rule in the sentence; `overlap` only matches
   * it overlaps; `section` every match in the same section (see sectionAround in analyse.ts);
   * `heading` every match under a reader's heading it matches (the nearest or any shallower one
   * above it: "Mental capacity assessment and best interests decision"); `defined` matches
   * whose word a match of it, read over the whole document, holds and begins before (an
   * abbreviation spelt out on first use: "personal assistants (PAs)"); `document` every match in a
   * document it matches anywhere (a court paper's title: "IN THE COURT OF PROTECTION"). The last
   * four are not for `match` patterns.
   */
  scope?: 'sentence' | 'overlap' | 'section' | 'heading' | 'defined' | 'document';
};

/** How a rule treats a match in a negated context ("did not refuse", "no evidence of aggression"). */
export type NegationPolicy = 'drop' | 'downgrade' | 'keep';

/** Who a rule's matches must be about (see RuleData.subject). */
export type SubjectPolicy = 'person' | 'organisation' | 'any';

export interface Source {
  title: string;
  url: string;
}

export interface RuleExamples {
  flag: string[];
  pass: string[];
}

/** A rule as written in YAML (validated by the schema in schema/rule.ts). */
export interface RuleData {
  id: string;
  category: Category;
  severity: Severity;
  message: string;
  rationale: string;
  suggest: string[];
  /**
   * Wording for one matched term, offered instead of `suggest` when the finding's words are that
   * term, or else hold it as whole words (the longest such term; without regard to case, with or
   * without a final "s"): `{ PA: ["personal assistant"], psychotic: ["person experiencing psychosis"] }`.
   */
  suggestFor?: Record<string, string[]>;
  /**
   * Report only the first use of each abbreviation in a document; later uses of the same one are
   * counted in its message. Needs an `unless` pattern with `scope: defined` (written out once, it
   * explains every later use).
   */
  firstUseOnly?: boolean;
  /**
   * Behaviour a condition or an unmet need may drive (LEXICON §4.12; context/condition.ts).
   * `dementia`: in a document that speaks of dementia, the message asks for the need behind the
   * behaviour to be described. `need`: that, and when the sentence says what lay behind it
   * ("irritable when he is very tired", "angry because his taxi did not come") the finding is
   * reported at `info` — for words whose better wording names the feeling or the need.
   */
  condition?: 'need' | 'dementia';
  /**
   * Off unless switched on by its id (`--enable`, a config's `enable`, the API's `rules.enable`,
   * LanguageTool's `enabledRules`): a category or `*` does not switch it on. For checks a team
   * chooses, such as sentence length.
   */
  optIn?: boolean;
  patterns?: Pattern[];
  unless?: Pattern[];
  detector?: string;
  params?: Record<string, unknown>;
  /** Negated matches: dropped (default), downgraded to info, or kept. */
  negation?: NegationPolicy;
  /** Matches inside the person's quoted words: suppressed (default) or reported. */
  quotes?: 'suppress' | 'report';
  /**
   * Who the match must be about: `person` (not when an organisation, another person such as a GP
   * or staff, a machine, a request or a document is the subject, agent, owner or object),
   * `organisation` (only when an organisation is the subject or agent), or `any` (default). Word
   * lists: `rules/_context.yaml`.
   */
  subject?: SubjectPolicy;
  /** Lexicon row ids this rule covers (e.g. BLA-01). */
  lexicon?: string[];
  examples: RuleExamples;
  sources: Source[];
  /** Where the rule came from (file path), for error messages. Not part of the YAML. */
  file?: string;
  /** Inflections generated from `lemma` patterns at build time (lemma → forms). */
  expanded?: Record<string, string[]>;
}

/** Options that change which rules run and how findings are reported. */
export interface AnalyseOptions {
  /** Rule ids or categories to switch on (on top of the default set). */
  enable?: string[];
  /** Rule ids or categories to switch off. */
  disable?: string[];
  /** Override severity by rule id or category. */
  severity?: Record<string, Severity>;
  /** Report findings inside the person's quoted words (at info, `quoted: true`). */
  includeQuotes?: boolean;
  /** Drop findings below this severity. */
  minSeverity?: Severity;
  /** Document kind for voice checks. Default `auto`. */
  kind?: DocumentKind;
  /** Extra protected phrases never flagged (added to the built-in allow-list). */
  allow?: string[];
  /** Detector parameter overrides by detector name. */
  detectorParams?: Record<string, Record<string, unknown>>;
  /**
   * Compute the figures detectors add to the stats (`strengths`, `personVoiceShare`, `kind`) even
   * when their rules are off: such a detector then runs for its figures alone, and nothing it
   * reports becomes a finding. `sourdough audit` sets it, so `--disable voice` drops the voice
   * findings but keeps the strengths and voice figures. Off by default (it costs the detectors' time).
   */
  alwaysStats?: boolean;
}

// ---------------------------------------------------------------------------
// Documents as the engine sees them

/** A heading that starts a section of the document. */
export interface Section {
  /** Offset of the heading in the source. */
  offset: number;
  depth: number;
  title: string;
}

/** An inline suppression comment (`<!-- sourdough-disable RULE -->`). */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Rule ids or categories; empty means every rule. */
  targets: string[];
  offset: number;
  /** 1-based line of the comment. */
  line: number;
}

/**
 * A document ready for analysis. `text` has exactly the length of `source`: characters that are
 * not prose (Markdown syntax, code, URLs, HTML) are replaced by spaces, so every offset found in
 * `text` is an offset into `source`, except inside the words listed in `moved`.
 */
export interface SourceDocument {
  source: string;
  text: string;
  format: 'text' | 'markdown' | 'html' | 'docx';
  /** Prose blocks (paragraphs, headings, list items, table cells); sentences never cross them. */
  blocks: { start: number; end: number }[];
  sections: Section[];
  directives: Directive[];
  /** Start offsets of paragraphs (DOCX), for `paragraph` on findings. */
  paragraphs?: number[];
  /**
   * Where a word split by markup was joined in `text` (readers/join.ts): within such a word, text
   * offsets differ from source offsets, and findings are mapped back. Absent: they never differ.
   */
  moved?: { start: number; by: number }[];
  path?: string;
}
