/**
 * JSON Schemas for a finding, document stats and a document result (SPEC §3), shared by the
 * routes and /openapi.json. Every field of core's types is listed: Fastify's serializer drops
 * properties a response schema does not name, and the API must return exactly what core returns.
 */
import { CATEGORIES, SEVERITIES } from '@sourdough/core';

const position = {
  type: 'object',
  required: ['line', 'column', 'offset'],
  properties: {
    line: { type: 'integer', description: '1-based line.' },
    column: { type: 'integer', description: '1-based column (UTF-16 code units).' },
    offset: { type: 'integer', description: '0-based UTF-16 offset into the submitted text.' },
  },
} as const;

const countsByCategory = {
  type: 'object',
  properties: Object.fromEntries(CATEGORIES.map((c) => [c, { type: 'integer' }])),
  additionalProperties: false,
} as const;

const countsBySeverity = {
  type: 'object',
  properties: Object.fromEntries(SEVERITIES.map((s) => [s, { type: 'integer' }])),
  additionalProperties: false,
} as const;

export const findingSchema = {
  $id: 'Finding',
  type: 'object',
  description: 'One thing a rule noticed. Document-level findings have no text, start, end or sentence.',
  required: ['ruleId', 'category', 'severity', 'message', 'suggestions', 'url'],
  properties: {
    ruleId: { type: 'string', examples: ['blaming/refuses'] },
    category: { type: 'string', enum: [...CATEGORIES] },
    severity: { type: 'string', enum: [...SEVERITIES] },
    message: { type: 'string' },
    text: { type: 'string', description: 'The matched text: exactly text.slice(start.offset, end.offset).' },
    start: position,
    end: position,
    suggestions: { type: 'array', items: { type: 'string' } },
    sentence: { type: 'string' },
    url: { type: 'string', description: "The rule's documentation page." },
    quoted: { type: 'boolean', description: "Inside the person's own quoted words (only with includeQuotes)." },
    section: { type: 'string', description: 'The heading the finding sits under.' },
    paragraph: { type: 'integer', description: '1-based paragraph (DOCX).' },
  },
} as const;

export const statsSchema = {
  $id: 'Stats',
  type: 'object',
  description: 'Figures for one document. Detectors may add further figures.',
  required: ['words', 'sentences', 'findings', 'byCategory', 'bySeverity', 'per1000Words'],
  properties: {
    words: { type: 'integer' },
    sentences: { type: 'integer' },
    findings: { type: 'integer' },
    byCategory: countsByCategory,
    bySeverity: countsBySeverity,
    per1000Words: { type: 'number' },
    strengths: { type: 'integer' },
    personVoiceShare: { type: 'number' },
    kind: { type: 'string', enum: ['plan', 'note', 'auto'] },
  },
  additionalProperties: true,
} as const;

export const summarySchema = {
  $id: 'Summary',
  type: 'object',
  required: ['documents', 'analysed', 'failed', 'findings', 'byCategory', 'bySeverity'],
  properties: {
    documents: { type: 'integer' },
    analysed: { type: 'integer' },
    failed: { type: 'integer' },
    findings: { type: 'integer' },
    byCategory: countsByCategory,
    bySeverity: countsBySeverity,
  },
  additionalProperties: true,
} as const;

export const documentErrorSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: { code: { type: 'string' }, message: { type: 'string' } },
} as const;
