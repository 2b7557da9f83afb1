/**
 * GET /v1/rules and GET /v1/rules/:category/:name: rule metadata, rationale, suggestions,
 * examples and sources, so client systems can explain a finding in their own UI.
 */
import type { FastifyInstance } from 'fastify';
import { CATEGORIES, SEVERITIES, type RuleData } from '@sourdough/core';
import { errorResponses } from '../../schemas/error.js';
import { RuleNotFoundError, closeTo } from '../../errors.js';

/** The documentation page of a rule (the finding's `url`). */
const urlOf = (id: string): string => `docs/rules/${id}.md`;

function summary(r: RuleData) {
  return { id: r.id, category: r.category, severity: r.severity, message: r.message, rationale: r.rationale, suggest: r.suggest, url: urlOf(r.id), ...(r.detector ? { detector: r.detector } : {}), ...(r.optIn ? { optIn: true } : {}) };
}

function full(r: RuleData) {
  return {
    ...summary(r),
    ...(r.suggestFor ? { suggestFor: r.suggestFor } : {}),
    ...(r.firstUseOnly ? { firstUseOnly: true } : {}),
    ...(r.condition ? { condition: r.condition } : {}),
    ...(r.negation ? { negation: r.negation } : {}),
    ...(r.quotes ? { quotes: r.quotes } : {}),
    ...(r.lexicon ? { lexicon: r.lexicon } : {}),
    ...(r.patterns ? { patterns: r.patterns } : {}),
    ...(r.unless ? { unless: r.unless } : {}),
    ...(r.params ? { params: r.params } : {}),
    examples: r.examples,
    sources: r.sources,
  };
}

/** Registers the rules routes. */
export default async function rulesRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.get<{ Querystring: { category?: string; severity?: string } }>(
    '/v1/rules',
    {
      schema: {
        tags: ['rules'],
        summary: 'List the rules',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { category: { type: 'string', enum: [...CATEGORIES] }, severity: { type: 'string', enum: [...SEVERITIES] } },
        },
        response: {
          200: { type: 'object', required: ['rules'], properties: { rules: { type: 'array', items: { $ref: 'RuleSummary#' } } } },
          ...errorResponses(400, 401, 429),
        },
      },
    },
    async (request) => {
      const { category, severity } = request.query;
      const rules = fastify.engine.rules.filter((r) => (!category || r.category === category) && (!severity || r.severity === severity));
      return { rules: rules.map(summary).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
    },
  );

  fastify.get<{ Params: { category: string; name: string } }>(
    '/v1/rules/:category/:name',
    {
      schema: {
        tags: ['rules'],
        summary: 'One rule: why it matters, what to write instead, examples and sources',
        params: {
          type: 'object',
          required: ['category', 'name'],
          properties: { category: { type: 'string', maxLength: 100, examples: ['blaming'] }, name: { type: 'string', maxLength: 100, examples: ['refuses'] } },
        },
        response: { 200: { $ref: 'Rule#' }, ...errorResponses(400, 401, 404, 429) },
      },
    },
    async (request) => {
      const wanted = `${request.params.category}/${request.params.name}`;
      const rule = fastify.engine.byId.get(wanted);
      if (!rule) throw new RuleNotFoundError(closeTo(wanted, [...fastify.engine.byId.keys()]));
      return full(rule);
    },
  );
}
