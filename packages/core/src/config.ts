/**
 * Config (from `.sourdough.yaml`, API requests or CLI flags) → AnalyseOptions. Pure: the CLI
 * finds and reads the file; this only validates and merges.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { AnalyseOptions } from './types.js';
import { CATEGORIES, SEVERITIES } from './types.js';
import { SourdoughError } from './errors.js';
import { detectors } from './detectors/index.js';

/** The shape of a config file. */
export interface Config {
  /** Rule ids or categories to switch on. */
  enable?: string[];
  /** Rule ids or categories to switch off. */
  disable?: string[];
  /** Severity by rule id or category. */
  severity?: Record<string, (typeof SEVERITIES)[number]>;
  /** Extra rule packs (folders), relative to the config file. */
  rules?: string[];
  /** Extra protected phrases (never flagged). */
  allow?: string[];
  kind?: 'plan' | 'note' | 'auto';
  includeQuotes?: boolean;
  minSeverity?: (typeof SEVERITIES)[number];
  /** Detector parameter overrides by detector name, each checked against the detector's own params schema. */
  detectors?: Record<string, Record<string, unknown>>;
}

/** A detector's params schema as an override: the same settings, none of them required (the rule's own params fill the rest). */
function asOverride(params: Record<string, unknown>): Record<string, unknown> {
  const { required: _, ...rest } = params;
  return rest;
}

/** The `detectors` block: one entry per built-in detector, by name, holding some of its params. */
const detectorsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(Object.values(detectors).map((d) => [d.meta.name, asOverride(d.meta.params)])),
};

export const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    enable: { type: 'array', items: { type: 'string' } },
    disable: { type: 'array', items: { type: 'string' } },
    severity: { type: 'object', additionalProperties: { enum: [...SEVERITIES] } },
    rules: { type: 'array', items: { type: 'string' } },
    allow: { type: 'array', items: { type: 'string', minLength: 1 } },
    kind: { enum: ['plan', 'note', 'auto'] },
    includeQuotes: { type: 'boolean' },
    minSeverity: { enum: [...SEVERITIES] },
    detectors: detectorsSchema,
  },
} as const;

// Compiled on first use, not at import: worker threads and runs without a config file never pay
// for compiling the schema.
let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction => (compiled ??= new Ajv({ allErrors: true, strict: false }).compile(configSchema));

/** Offers the closest of `known` names to a misspelt one (the CLI passes its "did you mean"); none when nothing is close. */
export type ConfigSuggest = (wanted: string, known: readonly string[]) => string[];

/** Where a setting sits in its file; with `key`, where its name sits (what to edit when the name is wrong). */
export type ConfigLocator = (path: (string | number)[], options?: { key?: boolean }) => { line: number; column: number } | undefined;

/** The value at `path` in `raw`, or undefined. */
function valueAt(raw: unknown, path: readonly string[]): unknown {
  let v = raw;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/**
 * A setting's path as a message names it: the keys joined with dots, and an item of a list by
 * its place (`disable` (item 2)), as a person counts the lines under it.
 */
function settingName(raw: unknown, path: readonly string[]): string {
  const keys: string[] = [];
  let item = '';
  for (const [i, k] of path.entries()) {
    if (Array.isArray(valueAt(raw, path.slice(0, i))) && /^\d+$/.test(k)) item = ` (item ${Number(k) + 1})`;
    else {
      keys.push(k);
      item = '';
    }
  }
  return `\`${keys.join('.')}\`${item}`;
}

/** YAML words that read as true or false in other tools (YAML 1.1) but are text in a sourdough config. */
const YES_NO = /^(?:y|yes|n|no|on|off)$/i;

/** The message for a value of the wrong kind outside `detectors:` (key: the setting's name; value: what the file holds). */
function typeProblem(type: string, key: string, value: unknown): string {
  if (value === null) return `has nothing after it: give ${TYPE_NAMES[type] ?? type}, or leave the setting out`;
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  if (type === 'array' && scalar) return `must be a list, such as \`${key}: [${String(value)}]\``;
  if (type === 'boolean' && typeof value === 'string') return YES_NO.test(value) ? `must be true or false (${value} is read as a word here)` : 'must be true or false, without quotes';
  if (type === 'object' && key === 'severity') return 'must be a set of rule ids or categories, each with a severity, such as `blaming: error`';
  if (type === 'string' && (key === 'enable' || key === 'disable')) return 'must be text: a rule id or a category';
  return `must be ${TYPE_NAMES[type] ?? type}`;
}

/**
 * Validate a parsed config object; throws SD_ERR_CONFIG naming the setting, and, when `locate`
 * finds it, the line and column of what to edit: the name of a setting that does not exist
 * (`disabel:`), the value of one that is wrong (`enable: blaming`). `suggest` offers the closest
 * known names for a misspelt one.
 */
export function validateConfig(raw: unknown, file?: string, locate?: ConfigLocator, suggest?: ConfigSuggest): Config {
  if (raw === null || raw === undefined) return {};
  const validate = validator();
  if (!validate(raw)) {
    const e = validate.errors![0]!;
    const path = e.instancePath.split('/').slice(1);
    const unknownKey = e.keyword === 'additionalProperties';
    if (unknownKey) path.push((e.params as { additionalProperty: string }).additionalProperty);
    const where = locate?.(path, { key: unknownKey });
    const at = `${file ? `${file}${where ? `:${where.line}:${where.column}` : ''}: ` : ''}`;
    const loc = { field: path.join('.') || '(config)', ...(file ? { file } : {}), ...(where ?? {}) };
    if (!path.length) throw new SourdoughError('SD_ERR_CONFIG', `${at}a config holds settings, one \`name: value\` a line, such as \`disable: [jargon]\`; this one holds ${Array.isArray(raw) ? 'a list' : 'a single value'}`, loc);
    const name = settingName(raw, path);
    let text: string;
    if (path[0] === 'detectors') text = detectorProblem(e, path);
    else if (unknownKey) {
      const known = Object.keys(configSchema.properties);
      const close = path.length === 1 ? (suggest?.(path[0]!, known) ?? []) : [];
      text = `is not a known setting; ${close.length ? `did you mean ${close.map((c) => `\`${c}\``).join(' or ')}?` : `the settings are ${known.join(', ')}`}`;
    } else if (e.keyword === 'enum') text = `must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    else if (e.keyword === 'type') text = typeProblem(String((e.params as { type: unknown }).type), path.filter((k) => !/^\d+$/.test(k)).join('.'), valueAt(raw, path));
    else if (e.keyword === 'minLength') text = 'must not be empty';
    else text = e.message ?? 'is invalid';
    throw new SourdoughError('SD_ERR_CONFIG', `${at}setting ${name} ${text}`, loc);
  }
  return raw as Config;
}

/** What a value of a JSON Schema type is called in a message. */
const TYPE_NAMES: Record<string, string> = { number: 'a number', integer: 'a whole number', string: 'text', boolean: 'true or false', array: 'a list', object: 'a set of settings' };

/** The message for a mistake under `detectors:` (path: `detectors`, the detector's name, its setting…). */
function detectorProblem(e: ErrorObject, path: string[]): string {
  const [, name, setting] = path;
  const known = Object.keys(detectors).sort();
  if (name === undefined) return e.keyword === 'type' ? `must be a set of detector names, each with its settings, such as \`small-sum: { threshold: 100 }\`` : (e.message ?? 'is invalid');
  const detector = Object.hasOwn(detectors, name) ? detectors[name] : undefined;
  if (!detector) {
    const tail = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : undefined;
    const hint = tail && detectors[tail] ? `: \`detectors\` takes a detector's name, not a rule id (here \`${tail}\`)` : `; the detectors are ${known.join(', ')} (a rule names its detector with \`detector:\`)`;
    return `is not a detector${hint}`;
  }
  const props = (detector.meta.params as { properties?: Record<string, { description?: string }> }).properties ?? {};
  const settings = Object.keys(props);
  // (An unknown setting's name is already on the path, so only a value that is not a map stops here.)
  if (setting === undefined) return settings.length ? `must be a set of settings for the ${name} detector, such as \`${name}: { ${settings[0]}: … }\`` : `must be empty: the ${name} detector has no settings`;
  const description = props[setting]?.description;
  const p = e.params as Record<string, unknown>;
  let what: string;
  switch (e.keyword) {
    case 'additionalProperties':
      return settings.length ? `is not a setting of the ${name} detector; its settings are ${settings.join(', ')}` : `is not a setting: the ${name} detector has no settings`;
    case 'type':
      what = `must be ${TYPE_NAMES[String(p.type)] ?? String(p.type)}`;
      break;
    case 'enum':
      what = `must be one of: ${(p.allowedValues as unknown[]).join(', ')}`;
      break;
    case 'minimum':
      what = `must be at least ${String(p.limit)}`;
      break;
    case 'maximum':
      what = `must be at most ${String(p.limit)}`;
      break;
    case 'exclusiveMinimum':
      what = `must be more than ${String(p.limit)}`;
      break;
    case 'exclusiveMaximum':
      what = `must be less than ${String(p.limit)}`;
      break;
    case 'minLength':
      what = 'must not be empty';
      break;
    default:
      what = e.message ?? 'is invalid';
  }
  return description ? `${what} (${setting}: ${description.replace(/\.$/, '')})` : what;
}

/** Merge a config into analyse options (options given later win). Unknown categories are rejected. */
export function applyConfig(config: Config, base: AnalyseOptions = {}): AnalyseOptions {
  const out: AnalyseOptions = { ...base };
  const cats = new Set<string>(CATEGORIES);
  for (const key of Object.keys(config.severity ?? {})) {
    if (!key.includes('/') && !cats.has(key)) throw new SourdoughError('SD_ERR_CONFIG', `severity: "${key}" is neither a category nor a rule id`, { field: `severity.${key}` });
  }
  if (config.enable) out.enable = [...(base.enable ?? []), ...config.enable];
  if (config.disable) out.disable = [...(base.disable ?? []), ...config.disable];
  if (config.severity) out.severity = { ...config.severity, ...(base.severity ?? {}) };
  if (config.allow) out.allow = [...(base.allow ?? []), ...config.allow];
  if (config.kind && base.kind === undefined) out.kind = config.kind;
  if (config.includeQuotes !== undefined && base.includeQuotes === undefined) out.includeQuotes = config.includeQuotes;
  if (config.minSeverity && base.minSeverity === undefined) out.minSeverity = config.minSeverity;
  if (config.detectors) out.detectorParams = { ...config.detectors, ...(base.detectorParams ?? {}) };
  return out;
}
