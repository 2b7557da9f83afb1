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
import { CATEGORIES, lastStartingAtOrBefore, type AnalyseOptions, type Category, type Finding } from '@sourdough/core';
import { errorResponses } from '../../schemas/error.js';
import { InternalError, InvalidDataJsonError, InvalidJsonError, UnsupportedLanguageError, ValidationError } from '../../errors.js';

const version: string = (createRequire(import.meta.url)('../../../package.json') as { version: string }).version;

/**
 * Which suggestions can replace a phrase, and where a rule's page is: the web page's own functions
 * (`public/highlight.js`, a plain browser module, loaded by URL so the type checker needs no
 * declaration), so the page's "Use this" buttons and links and a LanguageTool client's one-click
 * replacements and rule links are always the same.
 */
const { replacementsFor, fitCase, ruleHref } = (await import(new URL('../../../public/highlight.js', import.meta.url).href)) as {
  replacementsFor(phrase: string, suggestions: readonly string[], sentence?: string): string[];
  fitCase(original: string, suggestion: string, sentence?: string): string;
  ruleHref(ruleId: string): string;
};

/** Options for the LanguageTool plugin. */
export interface LanguageToolOptions {
  bodyLimit: number;
  /**
   * These routes are the `/api/v2/...` alias (registered with `prefix: '/api'`): listed in
   * /openapi.json as aliases of `/v2/...` (docs/api.md says why they are listed, not hidden).
   */
  alias?: boolean;
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

/** The English variants, sorted by name as LanguageTool lists its languages. */
const LANGUAGES = [
  { name: 'English', code: 'en', longCode: 'en' },
  { name: 'English (Australian)', code: 'en', longCode: 'en-AU' },
  { name: 'English (Canadian)', code: 'en', longCode: 'en-CA' },
  { name: 'English (GB)', code: 'en', longCode: 'en-GB' },
  { name: 'English (New Zealand)', code: 'en', longCode: 'en-NZ' },
  { name: 'English (South African)', code: 'en', longCode: 'en-ZA' },
  { name: 'English (US)', code: 'en', longCode: 'en-US' },
];

const CONTEXT_CHARS = 40;

interface CheckBody {
  text?: string;
  data?: string;
  language?: string;
  preferredVariants?: string;
  enabledOnly?: string | boolean;
  enabledRules?: string;
  disabledRules?: string;
  enabledCategories?: string;
  disabledCategories?: string;
}

interface Annotation {
  text?: unknown;
  markup?: unknown;
  interpretAs?: unknown;
}

/**
 * One stretch of annotated text: where it sits in the plain text (`start`, `plainEnd`: named so
 * core's binary search over spans by start can look pieces up) and in the text with markup.
 */
interface Piece {
  start: number;
  plainEnd: number;
  sourceStart: number;
  sourceEnd: number;
  markup: boolean;
}

/**
 * LanguageTool's annotated text (`data`), read as LanguageTool reads it: the plain text to check
 * is the `text` items with each `markup` item replaced by its `interpretAs` (nothing when it has
 * none), so markup inside a word ("re<b>fused</b>") does not split it and `interpretAs: "\n\n"`
 * keeps paragraphs apart; offsets found in the plain text are mapped back into the full text with
 * markup (`source`), which is what a client's offsets index.
 */
export interface AnnotatedText {
  /** The whole text, markup included. */
  source: string;
  /** The text that is checked. */
  plain: string;
  /** A finding's span in `plain` → its span in `source` (a span that starts or ends in markup takes in the whole markup). */
  toSource(start: number, end: number): { start: number; end: number };
}

export function annotatedText(data: string): AnnotatedText {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw new InvalidDataJsonError();
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ValidationError('body.data must be a JSON object with an "annotation" array');
  const { annotation, text } = parsed as { annotation?: unknown; text?: unknown };
  // LanguageTool also takes `{"text": "…"}` as data: text with no markup.
  const list: unknown = annotation === undefined && typeof text === 'string' ? [{ text }] : annotation;
  if (!Array.isArray(list)) throw new ValidationError('body.data needs an "annotation" array');
  let source = '';
  let plain = '';
  const pieces: Piece[] = [];
  for (const raw of list as unknown[]) {
    const item = (raw !== null && typeof raw === 'object' ? raw : {}) as Annotation;
    const isText = typeof item.text === 'string';
    const isMarkup = typeof item.markup === 'string';
    if (isText === isMarkup) throw new ValidationError('body.data.annotation items need either "text" or "markup"');
    if (item.interpretAs !== undefined && (!isMarkup || typeof item.interpretAs !== 'string')) throw new ValidationError('body.data.annotation: "interpretAs" must be a string, on a "markup" item');
    const original = (isText ? item.text : item.markup) as string;
    const checked = isText ? original : ((item.interpretAs as string | undefined) ?? '');
    pieces.push({ start: plain.length, plainEnd: plain.length + checked.length, sourceStart: source.length, sourceEnd: source.length + original.length, markup: isMarkup });
    source += original;
    plain += checked;
  }
  /**
   * The piece a plain offset falls in, by binary search (pieces are contiguous and in order, and
   * a match is looked up for every finding): for a start, the piece that holds the character
   * there; for an end, the last piece that holds the character before it.
   */
  const pieceAt = (offset: number, isEnd: boolean): Piece | undefined => {
    const p = pieces[lastStartingAtOrBefore(pieces, isEnd ? offset - 1 : offset)];
    return isEnd || (p && p.plainEnd > offset) ? p : undefined;
  };
  const map = (offset: number, isEnd: boolean): number => {
    const p = pieceAt(offset, isEnd);
    if (!p) return isEnd ? 0 : source.length;
    if (p.markup) return isEnd ? p.sourceEnd : p.sourceStart;
    return p.sourceStart + (offset - p.start);
  };
  return { source, plain, toSource: (start, end) => ({ start: map(start, false), end: map(end, true) }) };
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** An English code as LanguageTool writes it (`en-us` → `en-US`), with the name it lists it under. */
function englishVariant(code: string): { name: string; code: string } {
  const [, region] = /^en(?:-([a-z]{2,3}))?$/i.exec(code) ?? [];
  const canonical = region ? `en-${region.toUpperCase()}` : 'en';
  return { name: LANGUAGES.find((l) => l.longCode === canonical)?.name ?? 'English', code: canonical };
}

/**
 * The language a request is checked and answered in. sourdough checks English only, with one
 * rule set whatever the variant, and detects nothing: `en` or any `en-XX` is answered as sent
 * (as LanguageTool answers the language it was asked for); `auto` takes the first English variant
 * in `preferredVariants` (LanguageTool's way of choosing a variant for `auto`), else `en-GB`, the
 * variant the rules are written in (LanguageTool itself would choose `en-US`). Anything else is
 * refused.
 */
function languageOf(value: string | undefined, preferredVariants: string | undefined): { name: string; code: string } {
  const v = (value ?? 'auto').trim();
  if (/^auto$/i.test(v)) return englishVariant(list(preferredVariants).find((p) => /^en-[a-z]{2,3}$/i.test(p)) ?? 'en-GB');
  if (/^en(?:-[a-z]{2,3})?$/i.test(v)) return englishVariant(v);
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
        urls: { type: 'array', items: { type: 'object', properties: { value: { type: 'string' } } } },
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

/**
 * The body of /v2/check, for the form and for JSON alike (a form's fields are all strings; JSON may
 * also send `enabledOnly: true`). Described field by field for /openapi.json.
 */
function checkBodySchema(bodyLimit: number) {
  return {
    type: 'object',
    properties: {
      text: { type: 'string', maxLength: bodyLimit, description: 'The plain text to check. Send this or `data`.', examples: ['Jack refused his tablets. He is a service user.'] },
      data: {
        type: 'string',
        maxLength: bodyLimit,
        description:
          'LanguageTool\'s annotated text, as a JSON string (also inside a JSON body): `{"annotation": [{"text": "Jack "}, {"markup": "<b>"}, {"text": "refused"}, {"markup": "</b>"}]}`, or `{"text": "…"}`. What is checked is the `text` items with each `markup` item replaced by its `interpretAs` (nothing when it has none); offsets in the answer count the markup.',
      },
      language: {
        type: 'string',
        maxLength: 20,
        examples: ['en-GB'],
        description:
          '`auto` (the default), `en`, or an English variant such as `en-GB` or `en-US`. Anything else gets 400: sourdough checks English only, with the same rules for every variant. The answer\'s `language` is the code sent (`en-us` written `en-US`); for `auto`, the first English variant in `preferredVariants`, else `en-GB`.',
      },
      preferredVariants: {
        type: 'string',
        maxLength: 500,
        description: 'With `language=auto`: comma-separated variants, such as `en-US,de-DE`; the first English one is the language answered. Ignored with any other `language`.',
      },
      enabledOnly: {
        anyOf: [{ type: 'string', maxLength: 10 }, { type: 'boolean' }],
        description: '`true` or `yes` (any case; in JSON also `true`): run only `enabledRules` and `enabledCategories` (at least one needed; no disabled lists with it).',
      },
      enabledRules: { type: 'string', maxLength: 20000, description: 'Comma-separated rule ids, LanguageTool-style (`BLAMING_REFUSES`) or ours (`blaming/refuses`). Unknown ids are ignored.' },
      disabledRules: { type: 'string', maxLength: 20000, description: 'Comma-separated rule ids to switch off. Unknown ids (the client\'s own LanguageTool rules) are ignored.' },
      enabledCategories: { type: 'string', maxLength: 2000, description: 'Comma-separated categories: `DEFICIT`, `GATEKEEPING`, `DEHUMANISING`, `BLAMING`, `CONTROL`, `JARGON`, `VOICE`, `PRIVACY`.' },
      disabledCategories: { type: 'string', maxLength: 2000, description: 'Comma-separated categories to switch off.' },
      apiKey: { type: 'string', maxLength: 500, description: 'An API key, for clients that cannot send an Authorization header (when the server has keys).' },
    },
    additionalProperties: true,
    // What /docs fills in for "Try it out" (a JSON body: the form's fields would all be filled with
    // placeholders, `text` and `data` both, which the route refuses): a request that works as it is.
    examples: [{ text: 'Jack refused his tablets. He is a service user.', language: 'en-GB' }],
  } as const;
}

/** True for the second half of a surrogate pair: a cut there would split a character. */
const isLowSurrogate = (s: string, i: number): boolean => i > 0 && i < s.length && (s.charCodeAt(i) & 0xfc00) === 0xdc00 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800;

/**
 * One finding as a LanguageTool match. Document-level findings have no span and are left out.
 * `span` is where the finding sits in `source`, the text the client sent (with markup, for `data`);
 * it is the finding's own offsets unless the text was annotated.
 */
export function toMatch(f: Finding, source: string, span: { start: number; end: number } = { start: f.start!.offset, end: f.end!.offset }, origin?: string) {
  const { start, end } = span;
  let from = Math.max(0, start - CONTEXT_CHARS);
  let to = Math.min(source.length, end + CONTEXT_CHARS);
  // The snippet never starts or ends half-way through a character such as an emoji.
  if (isLowSurrogate(source, from)) from--;
  if (isLowSurrogate(source, to)) to++;
  const pre = from > 0 ? '...' : '';
  const post = to < source.length ? '...' : '';
  const category = CATEGORY_NAMES[f.category] ?? f.category;
  return {
    message: f.message,
    shortMessage: category,
    // Clients put a replacement straight into the text: only wording that fits the sentence, with
    // a capital where the phrase opens it (the web page's rules, so both offer the same).
    replacements: replacementsFor(f.text ?? '', f.suggestions, f.sentence).map((value) => ({ value: fitCase(f.text ?? '', value, f.sentence) })),
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
      // The rule's page on this server, which clients show as a "more information" link.
      ...(origin ? { urls: [{ value: `${origin}${ruleHref(f.ruleId)}` }] } : {}),
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

  /**
   * LanguageTool's rule switches → our options. Unknown ids (the client's own LanguageTool rules)
   * are ignored, as LanguageTool does. `enabledOnly` follows LanguageTool's checks: it is on for
   * "true" or "yes" (any case, or a JSON true), needs enabled rules or categories, and cannot be
   * combined with disabled ones.
   */
  function optionsOf(body: CheckBody): AnalyseOptions {
    const enableRules = rulesOf(list(body.enabledRules));
    const enableCats = list(body.enabledCategories).map(categoryOf).filter((c): c is Category => !!c);
    const disable = [...rulesOf(list(body.disabledRules)), ...list(body.disabledCategories).map(categoryOf).filter((c): c is Category => !!c)];
    if (body.enabledOnly === true || (typeof body.enabledOnly === 'string' && /^(?:true|yes)$/i.test(body.enabledOnly))) {
      if (list(body.disabledRules).length || list(body.disabledCategories).length)
        throw new ValidationError('disabledRules and disabledCategories cannot be used with enabledOnly=true');
      if (!list(body.enabledRules).length && !list(body.enabledCategories).length)
        throw new ValidationError('enabledOnly=true needs enabledRules or enabledCategories');
      const enable = [...enableRules, ...fastify.engine.rules.filter((r) => enableCats.includes(r.category)).map((r) => r.id)];
      return { disable: ['*'], enable };
    }
    const out: AnalyseOptions = {};
    if (enableRules.length || enableCats.length) out.enable = [...enableRules, ...enableCats];
    if (disable.length) out.disable = disable;
    return out;
  }

  const alias = opts.alias ?? false;
  fastify.post<{ Body: CheckBody }>(
    '/v2/check',
    {
      schema: {
        tags: ['languagetool'],
        summary: alias ? 'Alias of POST /v2/check, for clients whose server URL ends in /api' : 'LanguageTool-compatible check',
        description: alias
          ? 'The same endpoint as `POST /v2/check`: same body, same answers.'
          : 'LanguageTool\'s `/v2/check`. The body is a form (`application/x-www-form-urlencoded`), as LanguageTool itself takes it, or a JSON object (`application/json`) with the same fields; `enabledOnly` may then be a JSON `true`, and every other field is a string, as in the form. A body labelled `application/json` that does not start with `{` is read as a form (one LanguageTool client labels its form that way). Send `text` or `data`, not both. Other LanguageTool fields (`motherTongue`, `preferredVariants`, `level`, `username`…) are accepted and ignored.',
        // JSON first, so /docs offers "Try it out" with the example body; LanguageTool clients send the form.
        consumes: ['application/json', 'application/x-www-form-urlencoded'],
        body: checkBodySchema(opts.bodyLimit),
        response: { 200: checkResponse, ...errorResponses(400, 401, 413, 415, 429, 500, 503) },
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      const language = languageOf(body.language, body.preferredVariants);
      if (typeof body.text === 'string' && typeof body.data === 'string') throw new ValidationError('send "text" or "data", not both');
      let text: string;
      let annotated: AnnotatedText | undefined;
      if (typeof body.text === 'string') text = body.text;
      else if (typeof body.data === 'string') {
        annotated = annotatedText(body.data);
        text = annotated.plain;
      } else throw new ValidationError('body needs "text" or "data"');
      const [outcome] = await fastify.engine.run([{ text }], optionsOf(body), reply);
      if (!outcome || 'error' in outcome) throw new InternalError();
      const spans = outcome.result.findings.filter((f) => f.start && f.end);
      // Rule links point back at this server, as the client reached it; a Host that is not a plain
      // host name (or is missing) gets no links rather than echoing it.
      const origin = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(request.host ?? '') ? `${request.protocol}://${request.host}` : undefined;
      const matches = annotated
        ? spans.map((f) => toMatch(f, annotated.source, annotated.toSource(f.start!.offset, f.end!.offset), origin))
        : spans.map((f) => toMatch(f, text, undefined, origin));
      return {
        software: { name: 'sourdough', version, buildDate: '', apiVersion: 1, premium: false, status: '' },
        warnings: { incompleteResults: false },
        // Nothing is detected: `detectedLanguage` repeats the language used, so a client never offers
        // to switch to another language (LanguageTool fills it from its own detector).
        language: { name: language.name, code: language.code, detectedLanguage: { name: language.name, code: language.code, confidence: 1 } },
        matches,
      };
    },
  );

  fastify.get(
    '/v2/languages',
    {
      schema: {
        tags: ['languagetool'],
        summary: alias ? 'Alias of GET /v2/languages, for clients whose server URL ends in /api' : 'LanguageTool-compatible list of languages (English only)',
        response: {
          200: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, code: { type: 'string' }, longCode: { type: 'string' } } } },
          ...errorResponses(401, 429),
        },
      },
    },
    async () => LANGUAGES,
  );
}
