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

/** Validate a parsed config object; throws SD_ERR_CONFIG naming the key. */
export function validateConfig(raw: unknown, file?: string, locate?: (path: (string | number)[]) => { line: number; column: number } | undefined): Config {
  if (raw === null || raw === undefined) return {};
  const validate = validator();
  if (!validate(raw)) {
    const e = validate.errors![0]!;
    const path = e.instancePath.split('/').slice(1);
    if (e.keyword === 'additionalProperties') path.push((e.params as { additionalProperty: string }).additionalProperty);
    const where = locate?.(path);
    const key = path.join('.') || '(config)';
    const text = path[0] === 'detectors' ? detectorProblem(e, path) : e.keyword === 'additionalProperties' ? 'is not a known setting' : e.keyword === 'enum' ? `must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` : (e.message ?? 'is invalid');
    const loc = { field: key, ...(file ? { file } : {}), ...(where ?? {}) };
    throw new SourdoughError('SD_ERR_CONFIG', `${file ? `${file}${where ? `:${where.line}:${where.column}` : ''}: ` : ''}setting \`${key}\` ${text}`, loc);
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
