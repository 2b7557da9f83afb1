/**
 * Coded errors (SD_ERR_*) made the way @fastify/error does it, and the one place their wording
 * lives. Every error the API returns has the shape `{ statusCode, code, error, message }`.
 * Messages never contain submitted text: where a value is named (a rule id), it is checked first.
 */
import createError from '@fastify/error';
import { didYouMean, didYouMeanHint } from '@sourdough/core';
import { STATUS_CODES } from 'node:http';

export const InvalidJsonError = createError('SD_ERR_INVALID_JSON', 'The request body is not valid JSON.', 400);
/** The same code for /v2/check's `data` field, which holds JSON inside a form: the body itself may be a good form. */
export const InvalidDataJsonError = createError('SD_ERR_INVALID_JSON', 'The data field (LanguageTool\'s annotated text) is not valid JSON.', 400);
export const ValidationError = createError('SD_ERR_VALIDATION', 'The request is not in the expected shape: %s.', 400);
export const TooLargeError = createError('SD_ERR_TOO_LARGE', 'The request is larger than this server accepts (at most %s bytes).', 413);
export const TooManyDocumentsError = createError('SD_ERR_TOO_MANY_DOCUMENTS', 'A batch can hold at most %s documents; this one has %s. Split it into smaller batches.', 413);
export const UnsupportedMediaTypeError = createError('SD_ERR_UNSUPPORTED_MEDIA_TYPE', 'This route does not accept that content type. %s', 415);
export const BadMultipartError = createError('SD_ERR_BAD_MULTIPART', 'The upload could not be read: %s.', 400);
export const UnsupportedFileError = createError('SD_ERR_UNSUPPORTED_FILE', 'Files of this type cannot be checked here. Upload a .docx, .md, .markdown, .txt, .text, .html or .htm file.', 415);
export const UnreadableFileError = createError('SD_ERR_READ', 'The file could not be read: %s.', 422);
/** An upload within the body limit that is over the readers' limits once read (a zip bomb, very deep nesting). */
export const FileTooLargeError = createError('SD_ERR_TOO_LARGE', 'The file is over the size limits for reading once unpacked, or nested too deeply (the limits are listed in docs/security.md).', 413);
/** The second argument is `closeTo(...)`: a "Did you mean" naming our own ids, or nothing. */
export const UnknownRuleError = createError('SD_ERR_UNKNOWN_RULE', '%s is not a rule id or category.%s GET /v1/rules lists them.', 400);
export const RuleNotFoundError = createError('SD_ERR_RULE_NOT_FOUND', 'There is no rule with that id.%s GET /v1/rules lists them.', 404);
export const NotFoundError = createError('SD_ERR_NOT_FOUND', 'There is no route here. The API routes are listed at /docs.', 404);
export const MethodNotAllowedError = createError('SD_ERR_METHOD_NOT_ALLOWED', 'This route does not take %s requests; it takes %s. The API routes are listed at /docs.', 405);
export const UnauthorizedError = createError('SD_ERR_UNAUTHORIZED', 'This server needs an API key: send it as "Authorization: Bearer <key>".', 401);
export const BadApiKeyError = createError('SD_ERR_UNAUTHORIZED', 'That API key is not recognised.', 401);
export const RateLimitedError = createError('SD_ERR_RATE_LIMITED', 'Too many requests from this address. Try again in %s.', 429);
export const TimeoutError = createError('SD_ERR_TIMEOUT', 'Checking this took longer than the limit of %s ms, so it was stopped. Try a shorter text or split it up.', 503);
export const UnavailableError = createError('SD_ERR_UNAVAILABLE', 'The server is busy or shutting down. Try again shortly.', 503);
export const UnsupportedLanguageError = createError('SD_ERR_UNSUPPORTED_LANGUAGE', 'Only English is supported (language "auto", "en", or "en-" and a country, such as "en-GB").', 400);
export const BadUrlError = createError('SD_ERR_BAD_URL', 'The address (URL) could not be read: it has a broken percent-encoding.', 400);
export const BadHttpError = createError('SD_ERR_BAD_REQUEST', 'The request could not be read as HTTP.', 400);
export const RequestTimeoutError = createError('SD_ERR_REQUEST_TIMEOUT', 'The request was not received in full within the time allowed.', 408);
export const HeadersTooLargeError = createError('SD_ERR_HEADERS_TOO_LARGE', 'The request headers are larger than this server accepts.', 431);
export const InternalError = createError('SD_ERR_INTERNAL', 'Something went wrong on the server. The text was not stored.', 500);

/** What a 415 says about where each content type belongs. */
const MEDIA_HINT = 'Send JSON (application/json) to the /v1 routes, multipart/form-data to /v1/analyse/file, and a form (or JSON) to /v2/check.';

/** The JSON body of every error response. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  error: string;
  message: string;
}

/** An error as the error handler sees it (Fastify's, ours, or a plugin's). */
export interface AnyError {
  statusCode?: number;
  code?: string;
  name?: string;
  message?: string;
  validation?: { instancePath?: string; message?: string; keyword?: string; params?: Record<string, unknown> }[];
  validationContext?: string;
}

/** The HTTP reason phrase for a status code ("Bad Request"). */
export function reason(statusCode: number): string {
  return STATUS_CODES[statusCode] ?? 'Error';
}

export function body(err: { statusCode?: number; code: string; message: string }): ErrorBody {
  const statusCode = err.statusCode ?? 500;
  return { statusCode, code: err.code, error: reason(statusCode), message: err.message };
}

/** Describe one schema validation problem without echoing any value from the request. */
function describeValidation(err: AnyError): string {
  const v = err.validation?.[0];
  const where = `${err.validationContext ?? 'body'}${v?.instancePath ? v.instancePath.replace(/\//g, '.') : ''}`;
  if (!v) return `${where} is invalid`;
  if (v.keyword === 'required') return `${where} needs "${String(v.params?.missingProperty ?? '')}"`;
  if (v.keyword === 'additionalProperties') {
    // Name the field only when it looks like a field name: a key can carry submitted text too.
    const name = String(v.params?.additionalProperty ?? '');
    return /^[A-Za-z_$][\w$-]{0,31}$/.test(name) ? `${where} has an unknown field "${name}"` : `${where} has an unknown field`;
  }
  // The allowed values come from the schema, never from the request, so they can be listed.
  const allowed = v.params?.allowedValues;
  if (v.keyword === 'enum' && Array.isArray(allowed) && allowed.length > 0) return `${where} must be one of: ${allowed.map((a) => String(a)).join(', ')}`;
  // ajv messages describe the schema ("must be string", "must NOT have fewer than 1 characters"), never the data.
  return `${where} ${v.message ?? 'is invalid'}`;
}

const MULTIPART_CODES = new Set([
  'FST_INVALID_MULTIPART_CONTENT_TYPE',
  'FST_PROTO_VIOLATION',
  'FST_NO_FORM_DATA',
  'FST_FILES_LIMIT',
  'FST_FIELDS_LIMIT',
  'FST_PARTS_LIMIT',
  'FST_INVALID_JSON_FIELD_ERROR',
]);

/**
 * Turn any thrown error into the public error body. Unknown errors become a plain 500 without
 * their message, which could in principle carry text.
 */
export function toErrorBody(err: AnyError, limits: { bodyLimit: number }, request: { multipart?: boolean } = {}): ErrorBody {
  const code = err.code ?? '';
  if (err.validation) return body(new ValidationError(describeValidation(err)));
  if (code.startsWith('SD_ERR_') && err.statusCode && err.message) return body({ statusCode: err.statusCode, code, message: err.message });
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return body(new InvalidJsonError());
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return body(new TooLargeError(limits.bodyLimit));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return body(new UnsupportedMediaTypeError(MEDIA_HINT));
    case 'FST_ERR_NOT_FOUND':
      return body(new NotFoundError());
    case 'FST_ERR_BAD_URL':
      return body(new BadUrlError());
    default:
      break;
  }
  if (MULTIPART_CODES.has(code)) return body(new BadMultipartError('it is not well-formed multipart/form-data with one file'));
  if (err.statusCode === 400 && (err.name === 'SyntaxError' || /JSON/i.test(code))) return body(new InvalidJsonError());
  // busboy's parse errors ("Unexpected end of multipart data", "Boundary not found") carry no status.
  if (request.multipart && (err.statusCode === undefined || err.statusCode === 400)) return body(new BadMultipartError('it is not well-formed multipart/form-data with one file'));
  if (err.statusCode === 413) return body(new TooLargeError(limits.bodyLimit));
  if (err.statusCode === 415) return body(new UnsupportedMediaTypeError(MEDIA_HINT));
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    // A 4xx from Fastify or a plugin we did not map: keep the status, give a generic message.
    return { statusCode: err.statusCode, code: 'SD_ERR_BAD_REQUEST', error: reason(err.statusCode), message: 'The request could not be handled as sent.' };
  }
  return body(new InternalError());
}

/** The rule id or category named in an error, only if it looks like one (never free text). */
/**
 * " Did you mean "blaming/refuses"?" for a mistyped rule id or category, or '' when nothing is
 * close. It names only ids from `ids` (core's didYouMean never returns its input), so it is safe in
 * a message; a value too long to be a rule id is not looked at.
 */
export function closeTo(value: string, ids: readonly string[]): string {
  if (value.length > 100) return '';
  return didYouMeanHint(didYouMean(value, ids));
}

export function safeRuleName(value: string): string {
  return /^[\w*][\w/*-]{0,99}$/.test(value) ? `"${value}"` : 'That value';
}
