/**
 * Config (from `.sourdough.yaml`, API requests or CLI flags) → AnalyseOptions. Pure: the CLI
 * finds and reads the file; this only validates and merges.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import type { AnalyseOptions } from './types.js';
import { CATEGORIES, SEVERITIES } from './types.js';
import { SourdoughError } from './errors.js';

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
  detectors?: Record<string, Record<string, unknown>>;
}

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
    detectors: { type: 'object', additionalProperties: { type: 'object' } },
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
    const text = e.keyword === 'additionalProperties' ? 'is not a known setting' : e.keyword === 'enum' ? `must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` : (e.message ?? 'is invalid');
    const loc = { field: key, ...(file ? { file } : {}), ...(where ?? {}) };
    throw new SourdoughError('SD_ERR_CONFIG', `${file ? `${file}${where ? `:${where.line}:${where.column}` : ''}: ` : ''}setting \`${key}\` ${text}`, loc);
  }
  return raw as Config;
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
