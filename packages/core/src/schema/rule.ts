/**
 * The rule JSON Schema — the single source of truth for rule files (SPEC §2).
 * Used for load-time validation (validateRule), the generated `rules/rule.schema.json` for
 * editors, and the server's rule response schemas. Pure: no I/O.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { CATEGORIES, SEVERITIES, type RuleData, type SharedPattern } from '../types.js';
import { SourdoughError, type ErrorLocation } from '../errors.js';

const patternScope = {
  enum: ['sentence', 'overlap', 'section', 'heading', 'defined', 'document'],
  description:
    'For unless: cancel every match in the sentence, only matches it overlaps, every match in the same section (from the heading before the match to the next heading; a document without headings is one section), every match under a heading it matches (the nearest heading or a shallower one above it; Markdown, HTML and Word headings), (defined) matches whose last word it holds earlier in the document (an abbreviation spelt out, a name introduced as a pet), or (document) every match in a document it matches anywhere (a court title that frames the whole paper).',
};
/** A compromise `match` parses one sentence at a time, so it cannot look across a section or a document. */
const matchScope = { enum: ['sentence', 'overlap'], description: 'For unless: cancel every match in the sentence, or only matches it overlaps.' };

const stringList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

/** One pattern: exactly one of terms, lemma, match, named, regex. */
export const patternSchema = {
  oneOf: [
    {
      type: 'object',
      required: ['terms'],
      additionalProperties: false,
      properties: {
        terms: { ...stringList, minItems: 1, description: 'Literal phrases, case-insensitive, whole words.' },
        scope: patternScope,
      },
    },
    {
      type: 'object',
      required: ['lemma'],
      additionalProperties: false,
      properties: {
        lemma: { type: 'string', minLength: 1, pattern: '^[A-Za-z][A-Za-z\\- ]*$', description: 'All inflections of a word.' },
        pos: { enum: ['verb', 'noun', 'adjective'] },
        scope: patternScope,
      },
    },
    {
      type: 'object',
      required: ['match'],
      additionalProperties: false,
      properties: {
        match: { type: 'string', minLength: 1, description: 'compromise match syntax; needs at least one literal word.' },
        scope: matchScope,
      },
    },
    {
      type: 'object',
      required: ['named'],
      additionalProperties: false,
      properties: {
        named: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', description: 'A pattern several rules share, by its name in rules/_patterns.yaml (a terms or regex pattern).' },
        scope: patternScope,
      },
    },
    {
      type: 'object',
      required: ['regex'],
      additionalProperties: false,
      properties: {
        regex: { type: 'string', minLength: 1, description: 'Escape hatch; refused unless safe from catastrophic backtracking and from a cost quadratic in the length of a sentence (no unbounded repetition across words in a look-behind or where a match begins).' },
        caseSensitive: { type: 'boolean' },
        scope: patternScope,
      },
    },
  ],
} as const;

/** The rule file schema. */
/**
 * What a rule's `condition` does to its findings (docs/writing-rules.md §3.7), in one wording for
 * the schema, the generated rule pages and `sourdough explain`.
 */
export const CONDITION_EFFECT: Readonly<Record<'need' | 'dementia', string>> = {
  need: 'When the sentence says what lay behind the word ("when he is very tired", "because his taxi did not come"), the finding is reported at info, not as a warning. In a record that speaks of dementia, the message asks what need the behaviour may show.',
  dementia: 'In a record that speaks of dementia, the message asks what need the behaviour may show, and a sentence that says what lay behind it ("when the television was loud") is reported at info, not as a warning.',
};

/**
 * What `optIn: true` means for a rule (`id`, or RULE in the schema), in one wording for the schema,
 * the generated rule pages and `sourdough explain`.
 */
export function optInEffect(id = 'RULE'): string {
  return `Off unless switched on by its id: \`--enable ${id}\`, a config's \`enable\`, the API's \`rules.enable\` or LanguageTool's \`enabledRules\`. Enabling its category or \`*\` does not switch it on.`;
}

export const ruleSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://sourdough.invalid/rule.schema.json',
  title: 'sourdough rule',
  description: 'One rule of the sourdough language checker (one YAML file per rule).',
  type: 'object',
  required: ['id', 'category', 'severity', 'message', 'rationale', 'suggest', 'examples', 'sources'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z]+/[a-z0-9]+(-[a-z0-9]+)*$', description: '<category>/<name>, equal to the file path.' },
    category: { enum: [...CATEGORIES] },
    severity: { enum: [...SEVERITIES] },
    message: { type: 'string', minLength: 1, description: 'One short sentence; {match} is the matched text.' },
    rationale: { type: 'string', minLength: 1, description: 'Why it matters, in plain words, 1-4 sentences.' },
    suggest: { ...stringList, description: 'Alternatives (may be empty).' },
    suggestFor: {
      type: 'object',
      minProperties: 1,
      propertyNames: { minLength: 1 },
      additionalProperties: { ...stringList, minItems: 1 },
      description: 'Wording for one matched term, offered instead of `suggest` when the finding\'s words are that term or hold it as whole words (the longest such term; without regard to case, with or without a final "s"): { PA: ["personal assistant"] }.',
    },
    firstUseOnly: {
      type: 'boolean',
      description: 'Report only the first use of each abbreviation in a document (later uses are counted in its message). Needs an `unless` pattern with `scope: defined`.',
    },
    condition: {
      enum: ['need', 'dementia'],
      description: `Behaviour a condition or an unmet need may drive (LEXICON §4.12). \`dementia\`: ${CONDITION_EFFECT.dementia} \`need\`: ${CONDITION_EFFECT.need}`,
    },
    optIn: { type: 'boolean', description: optInEffect() },
    patterns: { type: 'array', minItems: 1, items: patternSchema },
    unless: { type: 'array', items: patternSchema },
    detector: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    params: { type: 'object' },
    negation: { enum: ['drop', 'downgrade', 'keep'], description: 'Negated matches: dropped (default), downgraded to info, or kept.' },
    quotes: { enum: ['suppress', 'report'], description: "Matches inside the person's quoted words: suppressed (default) or reported." },
    subject: {
      enum: ['person', 'organisation', 'any'],
      description: 'person: not when an organisation, another person (a professional, staff, a stranger), a machine, a request or a document is the subject, agent, owner or object; organisation: only when an organisation is the subject or agent; any (default).',
    },
    lexicon: { type: 'array', items: { type: 'string', pattern: '^[A-Z]{3}-\\d{2}$' } },
    examples: {
      type: 'object',
      required: ['flag', 'pass'],
      additionalProperties: false,
      properties: {
        flag: { ...stringList, minItems: 1 },
        pass: { ...stringList, minItems: 1 },
      },
    },
    sources: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['title', 'url'],
        additionalProperties: false,
        properties: { title: { type: 'string', minLength: 1 }, url: { type: 'string', pattern: '^https?://' } },
      },
    },
  },
  oneOf: [
    { required: ['patterns'], not: { required: ['detector'] } },
    { required: ['detector'], not: { required: ['patterns'] } },
  ],
} as const;

/**
 * A rule pack's `_patterns.yaml`: patterns several rules share, by name (a rule cites one as
 * `named: <name>`). Each a `terms` or `regex` pattern with a description of what it is for.
 */
export const sharedPatternsSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://sourdough.invalid/shared-patterns.schema.json',
  title: 'sourdough shared patterns',
  type: 'object',
  propertyNames: { pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' },
  additionalProperties: {
    oneOf: [
      {
        type: 'object',
        required: ['description', 'terms'],
        additionalProperties: false,
        properties: { description: { type: 'string', minLength: 1 }, terms: { ...stringList, minItems: 1 } },
      },
      {
        type: 'object',
        required: ['description', 'regex'],
        additionalProperties: false,
        properties: { description: { type: 'string', minLength: 1 }, regex: { type: 'string', minLength: 1 }, caseSensitive: { type: 'boolean' } },
      },
    ],
  },
} as const;

let compiledShared: ValidateFunction | undefined;

/**
 * Validate a raw `_patterns.yaml` object. Throws SourdoughError(SD_ERR_RULE_SCHEMA) naming the
 * file, the line and the entry when it is invalid.
 */
export function validateSharedPatterns(raw: unknown, file?: string, locate?: (path: (string | number)[], options?: { key?: boolean }) => { line: number; column: number } | undefined): Record<string, SharedPattern> {
  const validate = (compiledShared ??= new Ajv({ allErrors: true, strict: false }).compile(sharedPatternsSchema));
  if (!validate(raw ?? {})) {
    const err = bestError(validate.errors ?? []);
    let { path, text } = describe(err);
    let key = false;
    if (err.keyword === 'pattern' && err.propertyName !== undefined) {
      path = [...path, err.propertyName];
      text = 'is not a name of lower-case words joined by "-"';
      key = true;
    } else if (err.keyword === 'propertyNames') {
      text = 'holds a name that is not lower-case words joined by "-"';
    }
    const field = path.join('.') || '(file)';
    throw schemaError(file, locate?.(path, { key }) ?? locate?.(path.slice(0, -1)), field, `shared pattern \`${field}\` ${text} (each is a description and either \`terms\` or \`regex\`)`);
  }
  return (raw ?? {}) as Record<string, SharedPattern>;
}

// Compiled on first use, not at import: built-in rules are validated at build time, so a run
// without rule packs (and every worker thread) never pays for compiling the schema.
let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction => (compiled ??= new Ajv({ allErrors: true, strict: false }).compile(ruleSchema));

/** A function that maps a field path (e.g. ['examples','flag',0]) to a line/column in the source file. */
export type Locator = (path: (string | number)[]) => { line: number; column: number } | undefined;

function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function describe(err: ErrorObject): { path: (string | number)[]; text: string } {
  const path = pointerToPath(err.instancePath);
  if (err.keyword === 'required') {
    const missing = (err.params as { missingProperty: string }).missingProperty;
    return { path: [...path, missing], text: `is missing (required)` };
  }
  if (err.keyword === 'additionalProperties') {
    const extra = (err.params as { additionalProperty: string }).additionalProperty;
    return { path: [...path, extra], text: `is not a known field` };
  }
  if (err.keyword === 'enum') {
    const allowed = (err.params as { allowedValues: unknown[] }).allowedValues;
    return { path, text: `must be one of: ${allowed.join(', ')}` };
  }
  return { path, text: err.message ?? 'is invalid' };
}

/** An SD_ERR_RULE_SCHEMA error naming the file, the line and column (when found) and the field. */
function schemaError(file: string | undefined, where: { line: number; column: number } | undefined, field: string, text: string): SourdoughError {
  const loc: ErrorLocation = { field };
  if (file) loc.file = file;
  if (where) {
    loc.line = where.line;
    loc.column = where.column;
  }
  const prefix = file ? `${file}${where ? `:${where.line}:${where.column}` : ''}: ` : '';
  return new SourdoughError('SD_ERR_RULE_SCHEMA', `${prefix}${text}`, loc);
}

/** Pick the most useful ajv error: oneOf noise is dropped in favour of concrete ones. */
function bestError(errors: ErrorObject[]): ErrorObject {
  const concrete = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'not' && e.keyword !== 'if');
  // Errors deeper in the document are more specific.
  const sorted = (concrete.length ? concrete : errors).slice().sort((a, b) => b.instancePath.length - a.instancePath.length);
  return sorted[0]!;
}

/**
 * Validate one raw rule object against the schema. Throws SourdoughError(SD_ERR_RULE_SCHEMA)
 * naming the file, the line and the field when it is invalid.
 */
export function validateRule(raw: unknown, file?: string, locate?: Locator): RuleData {
  const validate = validator();
  if (!validate(raw)) {
    const errors = validate.errors ?? [];
    // Both patterns and detector, or neither: say so plainly.
    const obj = (raw ?? {}) as Record<string, unknown>;
    let path: (string | number)[];
    let text: string;
    if (typeof raw === 'object' && raw && !('patterns' in obj) && !('detector' in obj)) {
      path = [];
      text = 'needs either `patterns` or `detector`';
    } else if (typeof raw === 'object' && raw && 'patterns' in obj && 'detector' in obj && errors.every((e) => ['oneOf', 'not'].includes(e.keyword))) {
      path = ['detector'];
      text = 'a rule has either `patterns` or `detector`, not both';
    } else {
      ({ path, text } = describe(bestError(errors)));
    }
    const field = path.join('.') || '(rule)';
    throw schemaError(file, locate?.(path) ?? locate?.(path.slice(0, -1)), field, `field \`${field}\` ${text}`);
  }
  return raw as unknown as RuleData;
}
