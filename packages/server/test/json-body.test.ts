/**
 * The JSON body parser (src/json-body.ts) against Fastify's own: the same body or the same error
 * for every input, including each way of spelling a `__proto__` or `constructor.prototype` key.
 */
import { describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { addJsonParser } from '../src/json-body.js';

/** A bare app that answers with what the parser made of the body (as JSON, own keys included). */
async function echo(ours: boolean): Promise<FastifyInstance> {
  const app = Fastify();
  if (ours) addJsonParser(app);
  app.post('/', async (request, reply) => reply.type('text/plain').send(JSON.stringify({ body: request.body === undefined ? '(none)' : request.body, protoKey: request.body !== null && typeof request.body === 'object' && Object.hasOwn(request.body, '__proto__') })));
  await app.ready();
  return app;
}

const apps = Promise.all([echo(false), echo(true)]);

async function both(payload: string, contentType = 'application/json'): Promise<void> {
  const [theirs, ours] = await apps;
  const send = (app: FastifyInstance) => app.inject({ method: 'POST', url: '/', headers: { 'content-type': contentType }, payload });
  const [a, b] = [await send(theirs), await send(ours)];
  expect(b.statusCode, payload).toBe(a.statusCode);
  expect(b.body, payload).toBe(a.body);
  expect(b.headers['content-type']).toBe(a.headers['content-type']);
}

describe('the JSON body parser', () => {
  it('gives the same body, or the same error, as Fastify\u2019s for ordinary and hostile bodies', async () => {
    const cases = [
      '{"text":"He suffers from dementia.","format":"markdown"}',
      '{"text":"the constructor said __proto__ is a word"}',
      '{"text":"caf\u00e9 \u2019quoted\u2019"}',
      '{"text":"caf\\u00e9 \\u2019quoted\\u2019"}',
      '\ufeff{"text":"a byte-order mark first"}',
      '',
      '   ',
      '{"text":',
      '{"text":"x"} trailing',
      '"a string"',
      'null',
      '42',
      '[1,{"a":2}]',
      '{"text":"x","__proto__":{"polluted":1}}',
      '{"text":"x","\\u005f_proto__":{"polluted":1}}',
      '{"text":"x","\\u005F\\u005F\\u0070\\u0072\\u006F\\u0074\\u006F\\u005F\\u005F":{"polluted":1}}',
      '{"a":[{"b":{"__proto__":{}}}]}',
      '[{"__proto__":1}]',
      '{"text":"x","constructor":{"prototype":{"polluted":1}}}',
      '{"text":"x","\\u0063onstructor":{"prototype":{"polluted":1}}}',
      '{"a":[{"constructor":{"prototype":null}}]}',
      '{"text":"x","constructor":{"name":"not a prototype"}}',
      '{"text":"x","constructor":"a string"}',
      '{"text":"x","constructor":null}',
      '{"text":"x","__proto__":null}',
      '{"__proto__" :{}}',
    ];
    for (const body of cases) await both(body);
    await both('{"text":"x"}', 'application/json; charset=utf-8');
  });

  it('agrees with Fastify\u2019s on arbitrary JSON, with the two keys mixed in', async () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'text'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 3 })),
    })).node;
    // JSON.stringify never writes a "__proto__" key from a dictionary, so the keys are spliced in as text too.
    const text = fc.tuple(value, fc.constantFrom('', '"__proto__":{},', '"constructor":{"prototype":{}},', '"\\u005f_proto__":1,', '"constructor":1,')).map(([v, extra]) => {
      const json = JSON.stringify({ v });
      return json.slice(0, 1) + extra + json.slice(1);
    });
    await fc.assert(fc.asyncProperty(text, (body) => both(body)), { numRuns: 300 });
  });
});
