/**
 * LanguageTool-compatible endpoints (POST /v2/check, GET /v2/languages), so LanguageTool clients
 * that let users set a server URL (browser extensions, LibreOffice, editor plugins, gramma) show
 * sourdough's findings unchanged. This is a *view* of core's findings: message, suggestions as
 * replacements, UTF-16 offset and length, a context snippet, and the rule and its category.
 * Registered at `/v2/...` and again under `/api` (clients differ in the base URL they expect).
 */
import type { FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import { parse as parseQuery } from 'node:querystring';
import { createRequire } from 'node:module';
import { readers, CATEGORIES, type AnalyseOptions, type Category, type Finding, type SourceDocument } from '@sourdough/core';
import { errorResponses } from '../../schemas/error.js';
import { InternalError, InvalidJsonError, UnsupportedLanguageError, ValidationError } from '../../errors.js';

const version: string = (createRequire(import.meta.url)('../../../package.json') as { version: string }).version;

/** Options for the LanguageTool plugin. */
export interface LanguageToolOptions {
  bodyLimit: number;
  /** Leave these routes out of /openapi.json (for the /api alias). */
  hide?: boolean;
}

/** The names LanguageTool clients show for our categories. */
export const CATEGORY_NAMES: Record<Category, string> = {
  deficit: 'Deficit language',
  gatekeeping: 'Gatekeeping',
  dehumanising: 'Dehumanising language',
  blaming: 'Blaming language',
  control: 'Controlling language',
  jargon: 'Jargon',
  voice: "The person's voice",
  privacy: 'Privacy',
};

/** Our rule id as a LanguageTool-style rule id: blaming/refuses → BLAMING_REFUSES. */
export const ltRuleId = (ruleId: string): string => ruleId.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
/** Our category as a LanguageTool category id: blaming → BLAMING. */
export const ltCategoryId = (category: string): string => category.toUpperCase();

const LANGUAGES = [
  { name: 'English', code: 'en', longCode: 'en' },
  { name: 'English (GB)', code: 'en', longCode: 'en-GB' },
  { name: 'English (US)', code: 'en', longCode: 'en-US' },
  { name: 'English (Australian)', code: 'en', longCode: 'en-AU' },
  { name: 'English (Canadian)', code: 'en', longCode: 'en-CA' },
  { name: 'English (New Zealand)', code: 'en', longCode: 'en-NZ' },
  { name: 'English (South African)', code: 'en', longCode: 'en-ZA' },
];

const CONTEXT_CHARS = 40;

interface CheckBody {
  text?: string;
  data?: string;
  language?: string;
  enabledOnly?: string;
  enabledRules?: string;
  disabledRules?: string;
  enabledCategories?: string;
  disabledCategories?: string;
}

interface Annotation {
  text?: string;
  markup?: string;
  interpretAs?: string;
}

/**
 * LanguageTool's annotated text → a document whose source is the full text *with* markup (offsets
 * index it, as LanguageTool's do) and whose analysed text blanks the markup out, keeping newlines
 * the markup stands for (`interpretAs`) so paragraphs stay apart.
 */
export function annotatedDocument(data: string): SourceDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw new InvalidJsonError();
  }
  const list = (parsed as { annotation?: unknown }).annotation;
  if (!Array.isArray(list)) throw new ValidationError('body.data needs an "annotation" array');
  let source = '';
  let masked = '';
  for (const raw of list as Annotation[]) {
    if (raw && typeof raw.text === 'string') {
      source += raw.text;
      masked += raw.text;
    } else if (raw && typeof raw.markup === 'string') {
      source += raw.markup;
      const breaks = (raw.interpretAs ?? '').replace(/[^\n]/g, '').slice(0, raw.markup.length);
      masked += breaks + ' '.repeat(raw.markup.length - breaks.length);
    } else throw new ValidationError('body.data.annotation items need "text" or "markup"');
  }
  return { ...readers.text(masked), source };
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** Where a LanguageTool request's `language` is one we can check; returns the code to answer with. */
function languageOf(value: string | undefined): { name: string; code: string } {
  const v = (value ?? 'auto').trim();
  if (/^auto$/i.test(v)) return { name: 'English (GB)', code: 'en-GB' };
  const found = LANGUAGES.find((l) => l.longCode.toLowerCase() === v.toLowerCase());
  if (found) return { name: found.name, code: found.longCode };
  if (/^en(-[a-z]{2,3})?$/i.test(v)) return { name: 'English', code: v };
  throw new UnsupportedLanguageError();
}

/** Options for the check route's response schema, kept lenient: clients read only what they know. */
const matchSchema = {
  type: 'object',
  properties: {
    message: { type: 'string' },
    shortMessage: { type: 'string' },
    replacements: { type: 'array', items: { type: 'object', properties: { value: { type: 'string' } } } },
    offset: { type: 'integer', description: 'UTF-16 offset into the submitted text (markup included for `data`).' },
    length: { type: 'integer' },
    context: { type: 'object', properties: { text: { type: 'string' }, offset: { type: 'integer' }, length: { type: 'integer' } } },
    sentence: { type: 'string' },
    type: { type: 'object', properties: { typeName: { type: 'string' } } },
    rule: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        description: { type: 'string' },
        issueType: { type: 'string' },
        category: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
      },
    },
    ignoreForIncompleteSentence: { type: 'boolean' },
    contextForSureMatch: { type: 'integer' },
  },
} as const;

const checkResponse = {
  type: 'object',
  properties: {
    software: {
      type: 'object',
      properties: { name: { type: 'string' }, version: { type: 'string' }, buildDate: { type: 'string' }, apiVersion: { type: 'integer' }, premium: { type: 'boolean' }, status: { type: 'string' } },
    },
    warnings: { type: 'object', properties: { incompleteResults: { type: 'boolean' } } },
    language: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        code: { type: 'string' },
        detectedLanguage: { type: 'object', properties: { name: { type: 'string' }, code: { type: 'string' }, confidence: { type: 'number' } } },
      },
    },
    matches: { type: 'array', items: matchSchema },
  },
} as const;

/** One finding as a LanguageTool match. Document-level findings have no span and are left out. */
export function toMatch(f: Finding, source: string) {
  const start = f.start!.offset;
  const end = f.end!.offset;
  const from = Math.max(0, start - CONTEXT_CHARS);
  const to = Math.min(source.length, end + CONTEXT_CHARS);
  const pre = from > 0 ? '...' : '';
  const post = to < source.length ? '...' : '';
  const category = CATEGORY_NAMES[f.category] ?? f.category;
  return {
    message: f.message,
    shortMessage: category,
    // Suggestions with a gap to fill ("did not want to because …") are advice, not a replacement.
    replacements: f.suggestions.filter((s) => !/…|\.\.\./.test(s)).map((value) => ({ value })),
    offset: start,
    length: end - start,
    context: { text: pre + source.slice(from, to).replace(/[\r\n\t]/g, ' ') + post, offset: pre.length + (start - from), length: end - start },
    sentence: f.sentence ?? '',
    type: { typeName: 'Hint' },
    rule: {
      id: ltRuleId(f.ruleId),
      description: `${category}: ${f.ruleId}`,
      issueType: f.category === 'privacy' ? 'non-conformance' : 'style',
      category: { id: ltCategoryId(f.category), name: category },
    },
    ignoreForIncompleteSentence: false,
    contextForSureMatch: 0,
  };
}

/** Registers /v2/check and /v2/languages in its own scope (its body parsers apply only here). */
export default async function languageToolRoutes(fastify: FastifyInstance, opts: LanguageToolOptions): Promise<void> {
  await fastify.register(formbody, { bodyLimit: opts.bodyLimit });
  // One client sends a form body labelled application/json: take JSON if it parses, else a form.
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: opts.bodyLimit }, (_request, body, done) => {
    const text = String(body);
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{')) {
      try {
        done(null, JSON.parse(text));
      } catch {
        done(new InvalidJsonError(), undefined);
      }
      return;
    }
    done(null, { ...parseQuery(text) });
  });

  const byLtId = new Map<string, string>();
  for (const r of fastify.engine.rules) {
    byLtId.set(ltRuleId(r.id), r.id);
    byLtId.set(r.id.toUpperCase(), r.id);
  }
  const categoryOf = (name: string): Category | undefined => CATEGORIES.find((c) => c === name.toLowerCase());
  const rulesOf = (names: string[]): string[] => names.map((n) => byLtId.get(n.toUpperCase())).filter((x): x is string => !!x);

  /** LanguageTool's rule switches → our options. Unknown ids (the client's own LanguageTool rules) are ignored, as LanguageTool does. */
  function optionsOf(body: CheckBody): AnalyseOptions {
    const enableRules = rulesOf(list(body.enabledRules));
    const enableCats = list(body.enabledCategories).map(categoryOf).filter((c): c is Category => !!c);
    const disable = [...rulesOf(list(body.disabledRules)), ...list(body.disabledCategories).map(categoryOf).filter((c): c is Category => !!c)];
    if (body.enabledOnly === 'true') {
      const enable = [...enableRules, ...fastify.engine.rules.filter((r) => enableCats.includes(r.category)).map((r) => r.id)];
      return { disable: ['*'], enable };
    }
    const out: AnalyseOptions = {};
    if (enableRules.length || enableCats.length) out.enable = [...enableRules, ...enableCats];
    if (disable.length) out.disable = disable;
    return out;
  }

  const stringField = { type: 'string', maxLength: opts.bodyLimit } as const;
  fastify.post<{ Body: CheckBody }>(
    '/v2/check',
    {
      schema: {
        tags: ['languagetool'],
        summary: 'LanguageTool-compatible check',
        description:
          'Form-encoded (application/x-www-form-urlencoded) like LanguageTool\'s /v2/check: `text`, or `data` (annotated text as JSON, so markup is skipped), `language` (auto, en, en-GB…), `enabledOnly`, `enabledRules`/`disabledRules` (ids like BLAMING_REFUSES or blaming/refuses), `enabledCategories`/`disabledCategories` (e.g. JARGON). A form body labelled application/json is accepted too.',
        hide: opts.hide ?? false,
        consumes: ['application/x-www-form-urlencoded'],
        body: {
          type: 'object',
          properties: {
            text: stringField,
            data: stringField,
            language: { type: 'string', maxLength: 20 },
            enabledOnly: { type: 'string', enum: ['true', 'false'] },
            enabledRules: { type: 'string', maxLength: 20000 },
            disabledRules: { type: 'string', maxLength: 20000 },
            enabledCategories: { type: 'string', maxLength: 2000 },
            disabledCategories: { type: 'string', maxLength: 2000 },
            apiKey: { type: 'string', maxLength: 500 },
          },
          additionalProperties: true,
        },
        response: { 200: checkResponse, ...errorResponses(400, 401, 413, 415, 429, 500, 503) },
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      const language = languageOf(body.language);
      let item: { text: string } | { doc: SourceDocument };
      let source: string;
      if (typeof body.text === 'string') {
        item = { text: body.text };
        source = body.text;
      } else if (typeof body.data === 'string') {
        const doc = annotatedDocument(body.data);
        item = { doc };
        source = doc.source;
      } else throw new ValidationError('body needs "text" or "data"');
      const [outcome] = await fastify.engine.run([item], optionsOf(body), reply);
      if (!outcome || 'error' in outcome) throw new InternalError();
      return {
        software: { name: 'sourdough', version, buildDate: '', apiVersion: 1, premium: false, status: '' },
        warnings: { incompleteResults: false },
        language: { name: language.name, code: language.code, detectedLanguage: { name: language.name, code: language.code, confidence: 1 } },
        matches: outcome.result.findings.filter((f) => f.start && f.end).map((f) => toMatch(f, source)),
      };
    },
  );

  fastify.get(
    '/v2/languages',
    {
      schema: {
        tags: ['languagetool'],
        summary: 'LanguageTool-compatible list of languages (English only)',
        hide: opts.hide ?? false,
        response: {
          200: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, code: { type: 'string' }, longCode: { type: 'string' } } } },
          ...errorResponses(401, 429),
        },
      },
    },
    async () => LANGUAGES,
  );
}
