/**
 * Schemas for GET /v1/rules and GET /v1/rules/:category/:name: what a rule is for, why, what to
 * write instead, and its examples. Patterns are shown as written in the YAML.
 */
import { CATEGORIES, SEVERITIES, ruleSchema } from '@sourdough/core';

export const ruleSummarySchema = {
  $id: 'RuleSummary',
  type: 'object',
  required: ['id', 'category', 'severity', 'message', 'rationale', 'suggest', 'url'],
  properties: {
    id: { type: 'string', examples: ['blaming/refuses'] },
    category: { type: 'string', enum: [...CATEGORIES] },
    severity: { type: 'string', enum: [...SEVERITIES] },
    message: { type: 'string', description: 'The message template; {match} is the matched text.' },
    rationale: { type: 'string' },
    suggest: { type: 'array', items: { type: 'string' } },
    url: { type: 'string' },
    detector: { type: 'string' },
    optIn: { type: 'boolean', description: ruleSchema.properties.optIn.description },
  },
} as const;

export const ruleSchemaOut = {
  $id: 'Rule',
  type: 'object',
  required: ['id', 'category', 'severity', 'message', 'rationale', 'suggest', 'url', 'examples', 'sources'],
  properties: {
    ...ruleSummarySchema.properties,
    suggestFor: {
      type: 'object',
      additionalProperties: { type: 'array', items: { type: 'string' } },
      description: 'Wording for one matched term (or words holding it, the longest such term), offered instead of `suggest`.',
    },
    firstUseOnly: { type: 'boolean', description: 'Only the first use of each abbreviation in a document is reported; its message counts the uses after it.' },
    condition: { type: 'string', enum: ['need', 'dementia'], description: ruleSchema.properties.condition.description },
    negation: { type: 'string', enum: ['drop', 'downgrade', 'keep'] },
    quotes: { type: 'string', enum: ['suppress', 'report'] },
    lexicon: { type: 'array', items: { type: 'string' } },
    patterns: { type: 'array', items: { type: 'object', additionalProperties: true } },
    unless: { type: 'array', items: { type: 'object', additionalProperties: true } },
    params: { type: 'object', additionalProperties: true },
    examples: {
      type: 'object',
      required: ['flag', 'pass'],
      properties: { flag: { type: 'array', items: { type: 'string' } }, pass: { type: 'array', items: { type: 'string' } } },
    },
    sources: {
      type: 'array',
      items: { type: 'object', required: ['title', 'url'], properties: { title: { type: 'string' }, url: { type: 'string' } } },
    },
  },
} as const;
