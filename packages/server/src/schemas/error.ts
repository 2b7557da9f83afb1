/**
 * The error body every route answers with on 4xx/5xx: `{ statusCode, code, error, message }`.
 * Shared by the routes and /openapi.json.
 */
export const errorSchema = {
  $id: 'Error',
  type: 'object',
  description: 'An error. `code` is stable (SD_ERR_*); `message` is plain English and never contains submitted text.',
  required: ['statusCode', 'code', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string', examples: ['SD_ERR_VALIDATION'] },
    error: { type: 'string', examples: ['Bad Request'] },
    message: { type: 'string' },
  },
} as const;

/** Response entries for the error status codes a route can return. */
export function errorResponses(...codes: number[]): Record<number, { $ref: string; description: string }> {
  const out: Record<number, { $ref: string; description: string }> = {};
  const what: Record<number, string> = {
    400: 'Bad input (malformed JSON, wrong types, missing fields, unknown rule).',
    401: 'Missing or unrecognised API key (only when the server has keys configured).',
    404: 'Not found.',
    413: 'Too large: the body, the file or the number of documents is over the limit.',
    415: 'Unsupported content type or file type.',
    422: 'The file could not be read.',
    429: 'Rate limit exceeded.',
    500: 'Server error.',
    503: 'The analysis took longer than the time limit, or the server is busy or shutting down.',
  };
  for (const c of codes) out[c] = { $ref: 'Error#', description: what[c] ?? 'Error.' };
  return out;
}
