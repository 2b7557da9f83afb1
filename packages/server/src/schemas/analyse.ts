/**
 * Request and response schemas for POST /v1/analyse, /v1/analyse/batch and /v1/analyse/file.
 * Limits that depend on configuration (batch size) are checked in the route, so the schemas stay
 * constants that /openapi.json can show.
 */
import { SEVERITIES } from '@sourdough/core';

const ruleSwitches = {
  type: 'object',
  additionalProperties: false,
  description: 'Rule ids (blaming/refuses) or categories (jargon) to switch on or off.',
  properties: {
    enable: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, maxItems: 500 },
    disable: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, maxItems: 500 },
  },
} as const;

/** Options shared by single and batch requests. */
const optionProps = {
  format: { type: 'string', enum: ['text', 'markdown'], default: 'text', description: 'How to read the text. Markdown syntax, code and URLs are skipped.' },
  rules: ruleSwitches,
  includeQuotes: { type: 'boolean', description: "Also report findings inside the person's own quoted words (at info)." },
  minSeverity: { type: 'string', enum: [...SEVERITIES], description: 'Drop findings below this severity.' },
  kind: { type: 'string', enum: ['plan', 'note', 'auto'], description: 'Document kind for voice checks (default auto).' },
} as const;

export const analyseBody = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: { type: 'string', description: 'The text to check. Never logged or stored.' },
    ...optionProps,
  },
  examples: [{ text: 'Jack refused his tablets again this morning.', format: 'text' }],
} as const;

export const analyseResponse = {
  type: 'object',
  required: ['findings', 'stats'],
  properties: {
    findings: { type: 'array', items: { $ref: 'Finding#' } },
    stats: { $ref: 'Stats#' },
  },
} as const;

export const batchBody = {
  type: 'object',
  required: ['documents'],
  additionalProperties: false,
  properties: {
    documents: {
      type: 'array',
      description: 'The documents to check (at most the batch limit, 1,000 by default).',
      items: {
        type: 'object',
        required: ['id', 'text'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1, maxLength: 200, description: 'Your id for the document; returned with its result.' },
          text: { type: 'string' },
          format: optionProps.format,
        },
      },
    },
    rules: ruleSwitches,
    includeQuotes: optionProps.includeQuotes,
    minSeverity: optionProps.minSeverity,
    kind: optionProps.kind,
  },
  // What /docs fills in for "Try it out" (otherwise placeholders: `rules.enable: ["string"]`, refused).
  examples: [
    {
      documents: [
        { id: 'note-1', text: 'Visited Amira at home; she was in good spirits.' },
        { id: 'note-2', text: '# Plan\n\nJack refuses personal care.', format: 'markdown' },
      ],
      rules: { disable: ['jargon'] },
    },
  ],
} as const;

export const batchResponse = {
  type: 'object',
  required: ['results', 'summary'],
  properties: {
    results: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id'],
        description: 'Either findings and stats, or an error for a document that could not be analysed.',
        properties: {
          id: { type: 'string' },
          findings: { type: 'array', items: { $ref: 'Finding#' } },
          stats: { $ref: 'Stats#' },
          error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
    summary: { $ref: 'Summary#' },
  },
} as const;

export const fileBody = {
  type: 'object',
  required: ['file'],
  properties: {
    file: { isFile: true, description: 'One .docx, .md, .markdown, .txt, .text, .html or .htm file.' },
  },
  // Any other field is a mistake (options such as includeQuotes are not taken here): say so.
  additionalProperties: false,
} as const;

export const fileResponse = {
  type: 'object',
  required: ['path', 'findings', 'stats'],
  properties: {
    path: { type: 'string', description: 'The uploaded file name.' },
    findings: { type: 'array', items: { $ref: 'Finding#' } },
    stats: { $ref: 'Stats#' },
  },
} as const;
