/**
 * SourdoughError: the one exception type for failures (as opposed to findings, which are data).
 * Every failure has a stable `code` so callers and tests can branch on it.
 */

/** Stable failure codes. */
export type ErrorCode =
  | 'SD_ERR_RULE_SCHEMA'
  | 'SD_ERR_RULE_YAML'
  | 'SD_ERR_RULE_REGEX'
  | 'SD_ERR_RULE_MATCH'
  | 'SD_ERR_RULE_DUPLICATE'
  | 'SD_ERR_DETECTOR'
  | 'SD_ERR_CONFIG'
  | 'SD_ERR_INPUT'
  | 'SD_ERR_READ'
  | 'SD_ERR_READ_DOCX'
  | 'SD_ERR_READ_HTML'
  | 'SD_ERR_CSV_ROW'
  | 'SD_ERR_JSONL_ROW'
  | 'SD_ERR_ENCODING'
  | 'SD_ERR_TOO_LARGE'
  | 'SD_ERR_UNKNOWN_RULE'
  | 'SD_ERR_INTERNAL'
  | (string & {});

/** Where in a file a failure happened (rule and config files). */
export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: number;
  /** JSON pointer-ish path of the offending field, e.g. `examples.flag`. */
  field?: string;
}

/** A failure with a stable code and, where known, the file, line and field. */
export class SourdoughError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation | undefined;

  constructor(code: ErrorCode, message: string, location?: ErrorLocation, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SourdoughError';
    this.code = code;
    this.location = location;
  }

  /** The plain `{ code, message }` used in error results. */
  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Format "file:line:column" for a location, skipping the parts that are unknown. */
export function formatLocation(loc: ErrorLocation | undefined): string {
  if (!loc) return '';
  let out = loc.file ?? '';
  if (loc.line !== undefined) out += `${out ? ':' : 'line '}${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) out += `:${loc.column}`;
  return out;
}
