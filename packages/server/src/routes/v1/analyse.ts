/**
 * POST /v1/analyse, /v1/analyse/batch and /v1/analyse/file (SPEC §5). Handlers only translate
 * between HTTP and the engine: the findings are core's, unchanged. Submitted text is held only for
 * the life of the request: never logged, stored or echoed in errors.
 */
import type { FastifyInstance } from 'fastify';
import multipart, { type MultipartFile } from '@fastify/multipart';
import { summarise, type AnalyseOptions, type DocumentOutcome } from '@sourdough/core';
import { analyseBody, analyseResponse, batchBody, batchResponse, fileBody, fileResponse } from '../../schemas/analyse.js';
import { errorResponses } from '../../schemas/error.js';
import { InternalError, TooManyDocumentsError, UnreadableFileError, FileTooLargeError, UnsupportedFileError, BadMultipartError } from '../../errors.js';
import type { EngineOutcome } from '../../plugins/engine.js';

/** Options for the analyse routes. */
export interface AnalyseRouteOptions {
  batchLimit: number;
  /** The largest upload, in bytes (the body limit). */
  bodyLimit: number;
}

interface Switches {
  rules?: { enable?: string[]; disable?: string[] };
  includeQuotes?: boolean;
  minSeverity?: AnalyseOptions['minSeverity'];
  kind?: AnalyseOptions['kind'];
}

/** Request options → core's AnalyseOptions, after checking every rule name exists. */
function optionsOf(fastify: FastifyInstance, body: Switches): AnalyseOptions {
  const out: AnalyseOptions = {};
  if (body.rules?.enable) {
    fastify.engine.checkRuleNames(body.rules.enable);
    out.enable = body.rules.enable;
  }
  if (body.rules?.disable) {
    fastify.engine.checkRuleNames(body.rules.disable);
    out.disable = body.rules.disable;
  }
  if (body.includeQuotes !== undefined) out.includeQuotes = body.includeQuotes;
  if (body.minSeverity) out.minSeverity = body.minSeverity;
  if (body.kind) out.kind = body.kind;
  return out;
}

/** The name the /v1/analyse response schema is registered under with the engine (app.ts). */
export const ANALYSE_RESPONSE = 'v1/analyse';

/** What Fastify itself sends JSON as. */
const JSON_TYPE = 'application/json; charset=utf-8';

/** A 500 for a document the worker could not analyse, with the worker's fixed message. */
function documentError(error: { message: string }): Error {
  const err = new InternalError();
  err.message = error.message;
  return err;
}

function only(outcome: EngineOutcome | undefined): { findings: unknown[]; stats: unknown } {
  if (!outcome) throw new InternalError();
  if ('error' in outcome) throw documentError(outcome.error);
  return { findings: outcome.result.findings, stats: outcome.result.stats };
}

const EXTENSIONS: Record<string, 'docx' | 'markdown' | 'text' | 'html'> = {
  '.docx': 'docx',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
};

/** Reader failures (from @sourdough/readers, in the worker) → what to tell the user. */
const READ_ERRORS: Record<string, string> = {
  SD_ERR_ENCODING: 'it is not UTF-8 text',
  SD_ERR_READ_DOCX: 'it does not look like a Word (.docx) document',
  SD_ERR_READ_HTML: 'it is not readable HTML',
  SD_ERR_READ: 'it could not be read',
};

/** Registers the analyse routes. */
export default async function analyseRoutes(fastify: FastifyInstance, opts: AnalyseRouteOptions): Promise<void> {
  fastify.post<{ Body: { text: string; format?: 'text' | 'markdown' } & Switches }>(
    '/v1/analyse',
    {
      schema: {
        tags: ['analyse'],
        summary: 'Check one text',
        description: 'Returns the findings (SPEC §3 shape) and stats for one text. The text is never logged or stored.',
        body: analyseBody,
        response: { 200: analyseResponse, ...errorResponses(400, 401, 413, 415, 429, 500, 503) },
      },
    },
    async (request, reply) => {
      const options = optionsOf(fastify, request.body);
      // The worker answers with the body already serialised by this route's response schema.
      const out = await fastify.engine.runToBody({ text: request.body.text, format: request.body.format ?? 'text' }, options, ANALYSE_RESPONSE, reply);
      if ('error' in out) throw documentError(out.error);
      return reply.type(JSON_TYPE).send(out.body);
    },
  );

  fastify.post<{ Body: { documents: { id: string; text: string; format?: 'text' | 'markdown' }[] } & Switches }>(
    '/v1/analyse/batch',
    {
      schema: {
        tags: ['analyse'],
        summary: 'Check many texts',
        description: `Checks up to ${opts.batchLimit} documents in one request. A document that cannot be analysed gets { id, error } in place; the rest still complete.`,
        body: batchBody,
        response: { 200: batchResponse, ...errorResponses(400, 401, 413, 415, 429, 500, 503) },
      },
    },
    async (request, reply) => {
      const { documents } = request.body;
      if (documents.length > opts.batchLimit) throw new TooManyDocumentsError(opts.batchLimit, documents.length);
      const options = optionsOf(fastify, request.body);
      const outcomes = documents.length
        ? await fastify.engine.run(documents.map((d) => ({ text: d.text, format: d.format ?? 'text' })), options, reply)
        : [];
      const results = outcomes.map((o, i) => {
        const id = documents[i]!.id;
        return 'error' in o ? { id, error: o.error } : { id, findings: o.result.findings, stats: o.result.stats };
      });
      const summary = summarise(
        outcomes.map((o, i): DocumentOutcome => ('error' in o ? { path: documents[i]!.id, error: o.error } : o.result)),
      );
      return { results, summary };
    },
  );

  // The upload route in a scope of its own, the only one that parses multipart/form-data and the
  // one that does not parse JSON: an upload sent to a JSON route, or JSON sent here, gets the 415
  // that says where each belongs (errors.ts), from Fastify's own content-type check.
  await fastify.register(async (upload) => {
    upload.removeContentTypeParser('application/json');
    await upload.register(multipart, {
      attachFieldsToBody: true,
      limits: { fileSize: opts.bodyLimit, files: 1, fields: 5, parts: 6, fieldSize: 1000 },
    });
    fileRoute(upload);
  });
}

/** POST /v1/analyse/file, in the scope analyseRoutes() makes for it. */
function fileRoute(fastify: FastifyInstance): void {
  fastify.post<{ Body: { file: MultipartFile & { value?: unknown } } }>(
    '/v1/analyse/file',
    {
      schema: {
        tags: ['analyse'],
        summary: 'Check an uploaded file',
        description: 'Multipart upload (field name `file`) of one .docx, .md, .txt or .html file. Offsets index the text as read (for .docx: the extracted text, one paragraph per line).',
        consumes: ['multipart/form-data'],
        // A copy for each app: @fastify/multipart's ajvFilePlugin rewrites the schema it compiles
        // (`isFile` becomes `type: string, format: binary`), so a second app in the same process
        // given the shared object would check the upload as a string and refuse every file.
        body: structuredClone(fileBody),
        response: { 200: fileResponse, ...errorResponses(400, 401, 413, 415, 422, 429, 500, 503) },
      },
    },
    async (request, reply) => {
      const file = request.body.file;
      if (!file || typeof file.toBuffer !== 'function') throw new BadMultipartError('send the file in a field named "file"');
      const name = String(file.filename ?? '');
      const ext = /\.[a-z]+$/i.exec(name)?.[0]?.toLowerCase() ?? '';
      const kind = EXTENSIONS[ext];
      if (!kind) throw new UnsupportedFileError();
      const bytes = await file.toBuffer();
      const path = name.replace(/^.*[\\/]/, '').slice(0, 255);
      const [outcome] = await fastify.engine.run([{ bytes, kind, path }], {}, reply);
      if (outcome && 'error' in outcome && outcome.error.code === 'SD_ERR_TOO_LARGE') throw new FileTooLargeError();
      if (outcome && 'error' in outcome && READ_ERRORS[outcome.error.code]) throw new UnreadableFileError(READ_ERRORS[outcome.error.code]!);
      return { path, ...only(outcome) };
    },
  );
}

