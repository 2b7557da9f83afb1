/**
 * The LanguageTool-compatible endpoint: request forms, the response shape, rule switches, the
 * /api alias, annotated text, and a real LanguageTool client (gramma) against a listening server.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { build, expectError, shared } from '../../helper.js';
import { annotatedText } from '../../../src/routes/v2/languagetool.js';

const app = shared();
const TEXT = 'Jack refused his tablets again this morning. He is a service user.';
const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

describe('POST /v2/check', () => {
  it('answers in the LanguageTool response shape', async () => {
    const res = await app().inject({ method: 'POST', url: '/v2/check', ...form({ text: TEXT, language: 'en-GB' }) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.software).toMatchObject({ name: 'sourdough', apiVersion: 1 });
    expect(body.language).toMatchObject({ code: 'en-GB', detectedLanguage: { code: 'en-GB' } });
    const m = body.matches.find((x: { rule: { id: string } }) => x.rule.id === 'BLAMING_REFUSES');
    expect(m).toMatchObject({
      offset: TEXT.indexOf('refused'),
      length: 'refused'.length,
      shortMessage: 'Blaming language',
      sentence: 'Jack refused his tablets again this morning.',
      rule: { issueType: 'style', category: { id: 'BLAMING', name: 'Blaming language' } },
    });
    expect(m.message).toContain('refused');
    expect(m.replacements).toContainEqual({ value: 'declined' });
    // Suggestions with a gap to fill are not offered as one-click replacements.
    expect(m.replacements.some((r: { value: string }) => r.value.includes('…'))).toBe(false);
    expect(m.context.text.slice(m.context.offset, m.context.offset + m.context.length)).toBe('refused');
    expect(body.matches.map((x: { rule: { id: string } }) => x.rule.id)).toContain('DEHUMANISING_SERVICE_USER');
    // The rule's page on this server, for the client's "more information" link.
    const more = new URL(m.rule.urls[0].value);
    expect(more.pathname).toBe('/rules/blaming/refuses');
    expect((await app().inject({ method: 'GET', url: more.pathname })).statusCode).toBe(200);
    // A Host header that is not a host name is never echoed into a link.
    const odd = await app().inject({ method: 'POST', url: '/v2/check', ...form({ text: TEXT, language: 'en-GB' }), headers: { ...form({}).headers, host: 'evil.example"><x' } });
    expect(odd.json().matches[0].rule.urls).toBeUndefined();
  });

  it('gives offsets and lengths in UTF-16 code units', async () => {
    const text = '😀 Über-tired 🎉 Jack refused lunch.';
    const res = await app().inject({ method: 'POST', url: '/v2/check', ...form({ text, language: 'en-GB' }) });
    const m = res.json().matches.find((x: { rule: { id: string } }) => x.rule.id === 'BLAMING_REFUSES');
    expect(text.slice(m.offset, m.offset + m.length)).toBe('refused');
  });

  it('accepts a form body labelled application/json (as one real client sends it)', async () => {
    const res = await app().inject({
      method: 'POST',
      url: '/v2/check',
      headers: { 'content-type': 'application/json' },
      payload: new URLSearchParams({ text: TEXT, language: 'auto' }).toString(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().matches.length).toBeGreaterThan(0);
  });

  it('accepts a JSON body too', async () => {
    const res = await app().inject({ method: 'POST', url: '/v2/check', payload: { text: TEXT, language: 'en' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().matches.length).toBeGreaterThan(0);
  });

  it('is described in /openapi.json as it is accepted: a form or a JSON object, field by field, at /v2 and its /api/v2 alias', async () => {
    type Op = { summary: string; description: string; requestBody: { content: Record<string, { schema: { properties: Record<string, { description?: string }> } }> } };
    const spec = (await app().inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, { post?: Op; get?: Op }> };
    const check = spec.paths['/v2/check']!.post!;
    expect(Object.keys(check.requestBody.content).sort()).toEqual(['application/json', 'application/x-www-form-urlencoded']);
    for (const type of ['application/json', 'application/x-www-form-urlencoded']) {
      const props = check.requestBody.content[type]!.schema.properties;
      for (const field of ['text', 'data', 'language', 'preferredVariants', 'enabledOnly', 'enabledRules', 'disabledRules', 'enabledCategories', 'disabledCategories', 'apiKey'])
        expect(props[field]?.description, `${type} ${field}`).toBeTruthy();
    }
    expect(check.description).toMatch(/does not start with `\{` is read as a form/);
    // The aliases are listed, marked as aliases, and take the same body.
    const aliasCheck = spec.paths['/api/v2/check']!.post!;
    expect(aliasCheck.summary).toMatch(/^Alias of POST \/v2\/check/);
    expect(aliasCheck.requestBody).toEqual(check.requestBody);
    expect(spec.paths['/api/v2/languages']!.get!.summary).toMatch(/^Alias of GET \/v2\/languages/);
  });

  it("offers /docs' \"Try it out\" a body that works as it is: JSON first, with an example the route answers 200", async () => {
    type Content = Record<string, { example?: unknown; schema: { properties: Record<string, { example?: unknown }> } }>;
    const spec = (await app().inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, { post?: { requestBody: { content: Content } } }> };
    for (const path of ['/v2/check', '/api/v2/check']) {
      const content = spec.paths[path]!.post!.requestBody.content;
      // Swagger UI fills a form's every field with a placeholder ("string"), `text` and `data` both,
      // which the route refuses; the JSON body it fills from the example.
      expect(Object.keys(content)[0]).toBe('application/json');
      const example = content['application/json']!.example;
      expect(example).toMatchObject({ language: 'en-GB' });
      const res = await app().inject({ method: 'POST', url: path, payload: example as object });
      expect(res.statusCode).toBe(200);
      expect(res.json().matches.length).toBeGreaterThan(0);
      // A form's fields show what to send, too.
      expect(content['application/x-www-form-urlencoded']!.schema.properties.language!.example).toBe('en-GB');
    }
  });

  it('answers on /api/v2 as well', async () => {
    const res = await app().inject({ method: 'POST', url: '/api/v2/check', ...form({ text: TEXT, language: 'en-GB' }) });
    expect(res.statusCode).toBe(200);
    expect(res.json().matches.length).toBeGreaterThan(0);
    expect((await app().inject({ method: 'GET', url: '/api/v2/languages' })).statusCode).toBe(200);
  });

  it('maps disabledRules (LanguageTool-style or our ids) and ignores ids it does not know', async () => {
    for (const id of ['BLAMING_REFUSES', 'blaming/refuses']) {
      const res = await app().inject({ method: 'POST', url: '/v2/check', ...form({ text: TEXT, language: 'en-GB', disabledRules: `WHITESPACE_RULE,${id}` }) });
      expect(res.statusCode).toBe(200);
      const ids = res.json().matches.map((x: { rule: { id: string } }) => x.rule.id);
      expect(ids).not.toContain('BLAMING_REFUSES');
      expect(ids).toContain('DEHUMANISING_SERVICE_USER');
    }
  });

  it('maps disabledCategories', async () => {
    const res = await app().inject({ method: 'POST', url: '/v2/check', ...form({ text: TEXT, language: 'en-GB', disabledCategories: 'DEHUMANISING' }) });
    expect(res.json().matches.map((x: { rule: { id: string } }) => x.rule.id)).not.toContain('DEHUMANISING_SERVICE_USER');
  });

  it('with enabledOnly, runs only the enabled rules and categories', async () => {
    const res = await app().inject({ method: 'POST', url: '/v2/check', ...form({ text: TEXT, language: 'en-GB', enabledOnly: 'true', enabledRules: 'BLAMING_REFUSES' }) });
    expect(res.json().matches.map((x: { rule: { id: string } }) => x.rule.id)).toEqual(['BLAMING_REFUSES']);
    const cats = await app().inject({ method: 'POST', url: '/v2/check', ...form({ text: TEXT, language: 'en-GB', enabledOnly: 'true', enabledCategories: 'DEHUMANISING' }) });
    expect(cats.json().matches.map((x: { rule: { id: string } }) => x.rule.id)).toEqual(['DEHUMANISING_SERVICE_USER']);
  });

  it('runs an opt-in rule (sentence length) only when enabledRules names it', async () => {
    const long = 'Following the review on Tuesday, which Amira attended with her sister and her advocate, we agreed that the morning calls would move to half past nine because she finds the earlier time rushed and tiring, and that we would look again in six weeks.';
    const ids = (res: { json(): { matches: { rule: { id: string } }[] } }) => res.json().matches.map((x) => x.rule.id);
    expect(ids(await app().inject({ method: 'POST', url: '/v2/check', ...form({ text: long, language: 'en-GB' }) }))).toEqual([]);
    expect(ids(await app().inject({ method: 'POST', url: '/v2/check', ...form({ text: long, language: 'en-GB', enabledCategories: 'VOICE' }) }))).toEqual([]);
    const on = await app().inject({ method: 'POST', url: '/v2/check', ...form({ text: long, language: 'en-GB', enabledRules: 'VOICE_LONG_SENTENCE' }) });
    const [m] = on.json().matches;
    expect(ids(on)).toEqual(['VOICE_LONG_SENTENCE']);
    expect([m.offset, m.length]).toEqual([0, long.length]);
    expect(m.message).toMatch(/^This sentence is 44 words long\./);
  });

  it('follows LanguageTool on enabledOnly: "yes" or a JSON true, and 400 without enabled rules or with disabled ones', async () => {
    const ids = (res: { json(): { matches: { rule: { id: string } }[] } }) => res.json().matches.map((x) => x.rule.id);
    expect(ids(await app().inject({ method: 'POST', url: '/v2/check', ...form({ text: TEXT, language: 'en-GB', enabledOnly: 'YES', enabledRules: 'BLAMING_REFUSES' }) }))).toEqual(['BLAMING_REFUSES']);
    expect(ids(await app().inject({ method: 'POST', url: '/v2/check', payload: { text: TEXT, language: 'en-GB', enabledOnly: true, enabledRules: 'BLAMING_REFUSES' } }))).toEqual(['BLAMING_REFUSES']);
    // Anything else is off, as LanguageTool reads it.
    expect(ids(await app().inject({ method: 'POST', url: '/v2/check', ...form({ text: TEXT, language: 'en-GB', enabledOnly: 'no', enabledRules: 'BLAMING_REFUSES' }) }))).toContain('DEHUMANISING_SERVICE_USER');
    expectError(await app().inject({ method: 'POST', url: '/v2/check', ...form({ text: TEXT, language: 'en-GB', enabledOnly: 'true' }) }), 400, 'SD_ERR_VALIDATION');
    expectError(
      await app().inject({ method: 'POST', url: '/v2/check', ...form({ text: TEXT, language: 'en-GB', enabledOnly: 'true', enabledCategories: 'DEHUMANISING', disabledRules: 'DEHUMANISING_SERVICE_USER' }) }),
      400,
      'SD_ERR_VALIDATION',
    );
  });

  it('offers as replacements only wording that can stand in the text, for the term found, in its shape', async () => {
    const res = await app().inject({ method: 'POST', url: '/v2/check', ...form({ text: 'He was aggressive. He is a service user. She is an epileptic. He is a depressive.', language: 'en-GB' }) });
    const byText = new Map<string, string[]>(
      res.json().matches.map((m: { offset: number; length: number; replacements: { value: string }[] }) => [
        'He was aggressive. He is a service user. She is an epileptic. He is a depressive.'.slice(m.offset, m.offset + m.length),
        m.replacements.map((r) => r.value),
      ]),
    );
    // Advice ("describe what the person did …") and stand-ins ("the person's name") are not replacements.
    expect(byText.get('aggressive')!.some((v) => /^describe\b|…/.test(v))).toBe(false);
    // Ideas that would not fit the sentence are left out: "He is a the person's name", "She is an person with epilepsy".
    expect(byText.get('service user')).toEqual(['person who draws on care and support']);
    expect(byText.get('epileptic')).toEqual([]);
    expect(byText.get('depressive')).toEqual(['person with depression']);
    // With a capital where the phrase opens its sentence, as the web page puts it in.
    const opening = (await app().inject({ method: 'POST', url: '/v2/check', ...form({ text: 'Refused his tablets again.', language: 'en-GB' }) })).json();
    expect(opening.matches[0].replacements).toEqual([{ value: 'Declined' }]);
  });

  it('never cuts the context snippet half-way through an emoji', async () => {
    for (const text of [`x😀${'a'.repeat(33)} Jack refused lunch.`, `Jack refused lunch${'b'.repeat(33)}😀tail`]) {
      const m = (await app().inject({ method: 'POST', url: '/v2/check', ...form({ text, language: 'en-GB' }) })).json().matches[0];
      expect(m.context.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      expect(m.context.text.slice(m.context.offset, m.context.offset + m.context.length)).toBe('refused');
    }
  });

  it('skips markup in annotated text (data) and gives offsets into the text with markup', async () => {
    const annotation = [
      { markup: '<p>' },
      { text: 'Jack ' },
      { markup: '<b>' },
      { text: 'refused' },
      { markup: '</b>' },
      { text: ' lunch.' },
      { markup: '</p><p>', interpretAs: '\n\n' },
      { text: 'He is a service user.' },
      { markup: '</p>' },
    ];
    const full = annotation.map((a) => a.text ?? a.markup).join('');
    const res = await app().inject({ method: 'POST', url: '/v2/check', ...form({ data: JSON.stringify({ annotation }), language: 'en-GB' }) });
    expect(res.statusCode).toBe(200);
    const matches = res.json().matches;
    const refused = matches.find((x: { rule: { id: string } }) => x.rule.id === 'BLAMING_REFUSES');
    expect(full.slice(refused.offset, refused.offset + refused.length)).toBe('refused');
    const su = matches.find((x: { rule: { id: string } }) => x.rule.id === 'DEHUMANISING_SERVICE_USER');
    expect(full.slice(su.offset, su.offset + su.length)).toBe('service user');
    expect(matches.every((m: { offset: number; length: number }) => !full.slice(m.offset, m.offset + m.length).includes('<'))).toBe(true);
  });

  it('reads markup as its interpretAs, so markup inside a word or standing for a break is read as LanguageTool reads it', async () => {
    const check = async (annotation: object[]) => {
      const full = annotation.map((a) => (a as { text?: string; markup?: string }).text ?? (a as { markup: string }).markup).join('');
      const res = await app().inject({ method: 'POST', url: '/v2/check', ...form({ data: JSON.stringify({ annotation }), language: 'en-GB' }) });
      expect(res.statusCode).toBe(200);
      return { full, matches: res.json().matches as { offset: number; length: number; rule: { id: string }; sentence: string }[] };
    };
    // Markup inside a word: the word is checked whole; the match spans the markup in the original.
    const split = await check([{ text: 'Jack re' }, { markup: '<span>' }, { text: 'fused' }, { markup: '</span>' }, { text: ' lunch.' }]);
    const refused = split.matches.find((m) => m.rule.id === 'BLAMING_REFUSES')!;
    expect(split.full.slice(refused.offset, refused.offset + refused.length)).toBe('re<span>fused');
    expect(refused.sentence).toBe('Jack refused lunch.');
    // An entity read as the character it stands for.
    const entity = await check([{ text: 'Jack doesn' }, { markup: '&#39;', interpretAs: "'" }, { text: 't engage with staff.' }]);
    expect(entity.matches.map((m) => m.rule.id)).toContain('BLAMING_FAILED_TO_ENGAGE');
    // A soft hyphen read as nothing.
    const shy = await check([{ text: 'He is a ser' }, { markup: '&shy;', interpretAs: '' }, { text: 'vice user.' }]);
    const su = shy.matches.find((m) => m.rule.id === 'DEHUMANISING_SERVICE_USER')!;
    expect(shy.full.slice(su.offset, su.offset + su.length)).toBe('ser&shy;vice user');
    // Empty markup read as a paragraph break keeps two paragraphs apart.
    const paras = await check([{ text: 'Jack refused lunch' }, { markup: '', interpretAs: '\n\n' }, { text: 'He is a service user.' }]);
    expect(paras.matches.find((m) => m.rule.id === 'BLAMING_REFUSES')!.sentence).toBe('Jack refused lunch');
  });

  it('takes data as {"text": …} too, as LanguageTool does', async () => {
    const res = await app().inject({ method: 'POST', url: '/v2/check', ...form({ data: JSON.stringify({ text: TEXT }), language: 'en-GB' }) });
    expect(res.json().matches.map((x: { rule: { id: string } }) => x.rule.id)).toContain('BLAMING_REFUSES');
  });

  it('answers bad annotated text with 400', async () => {
    for (const data of ['null', '"text"', '[]', '{"annotation": [{"text": "a", "markup": "<b>"}]}', '{"annotation": [{"text": "a", "interpretAs": "b"}]}', '{"annotation": [null]}'])
      expectError(await app().inject({ method: 'POST', url: '/v2/check', ...form({ data, language: 'en-GB' }) }), 400, 'SD_ERR_VALIDATION');
    expectError(await app().inject({ method: 'POST', url: '/v2/check', ...form({ text: TEXT, data: JSON.stringify({ text: TEXT }), language: 'en-GB' }) }), 400, 'SD_ERR_VALIDATION');

    // The form itself is fine: the message names the data field rather than "the request body".
    const badData = expectError(await app().inject({ method: 'POST', url: '/v2/check', ...form({ data: '{"annotation": [', language: 'en-GB' }) }), 400, 'SD_ERR_INVALID_JSON');
    expect(badData.message).toBe("The data field (LanguageTool's annotated text) is not valid JSON.");
    expectError(await app().inject({ method: 'POST', url: '/v2/check', ...form({ data: '{"annotation": [{"x": 1}]}', language: 'en-GB' }) }), 400, 'SD_ERR_VALIDATION');
  });

  it('answers a request without text or data with 400', async () => {
    expectError(await app().inject({ method: 'POST', url: '/v2/check', ...form({ language: 'en-GB' }) }), 400, 'SD_ERR_VALIDATION');
  });

  it('answers in the language asked for; for auto, the first English variant in preferredVariants, else en-GB', async () => {
    const languageOf = async (fields: Record<string, string>) => (await app().inject({ method: 'POST', url: '/v2/check', ...form({ text: TEXT, ...fields }) })).json().language;
    expect(await languageOf({ language: 'en-US' })).toEqual({ name: 'English (US)', code: 'en-US', detectedLanguage: { name: 'English (US)', code: 'en-US', confidence: 1 } });
    // Codes come back as LanguageTool writes them, whatever the case sent.
    expect(await languageOf({ language: 'EN-us' })).toMatchObject({ name: 'English (US)', code: 'en-US' });
    expect(await languageOf({ language: 'en-ie' })).toMatchObject({ name: 'English', code: 'en-IE' });
    expect(await languageOf({ language: 'en' })).toMatchObject({ name: 'English', code: 'en' });
    // auto, as the LanguageTool browser extension sends it: the preferred English variant.
    expect(await languageOf({ language: 'auto', preferredVariants: 'de-DE,en-US,pt-BR' })).toEqual({
      name: 'English (US)',
      code: 'en-US',
      detectedLanguage: { name: 'English (US)', code: 'en-US', confidence: 1 },
    });
    expect(await languageOf({ language: 'auto', preferredVariants: 'en-au' })).toMatchObject({ code: 'en-AU' });
    expect(await languageOf({ language: 'auto', preferredVariants: 'de-AT' })).toMatchObject({ name: 'English (GB)', code: 'en-GB' });
    expect(await languageOf({ language: 'auto' })).toMatchObject({ name: 'English (GB)', code: 'en-GB' });
    expect(await languageOf({})).toMatchObject({ code: 'en-GB' });
    // preferredVariants only steers auto, as in LanguageTool.
    expect(await languageOf({ language: 'en-GB', preferredVariants: 'en-US' })).toMatchObject({ code: 'en-GB' });
  });

  it('answers a language other than English with 400', async () => {
    expectError(await app().inject({ method: 'POST', url: '/v2/check', ...form({ text: TEXT, language: 'de-DE' }) }), 400, 'SD_ERR_UNSUPPORTED_LANGUAGE');
  });

  it('answers a text over the body limit with 413', async () => {
    const small = await build({ bodyLimit: 500 });
    expectError(await small.inject({ method: 'POST', url: '/v2/check', ...form({ text: 'word '.repeat(200), language: 'en-GB' }) }), 413, 'SD_ERR_TOO_LARGE');
  });
});

describe('GET /v2/languages', () => {
  it('lists English variants in the LanguageTool shape', async () => {
    const res = await app().inject({ method: 'GET', url: '/v2/languages' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toContainEqual({ name: 'English (GB)', code: 'en', longCode: 'en-GB' });
    const names = res.json().map((l: { name: string }) => l.name);
    expect(names).toEqual([...names].sort()); // sorted by name, as LanguageTool lists them
  });
});

describe('a real LanguageTool client (gramma) against a listening server', () => {
  it('gets our findings through gramma.check()', async () => {
    const server = await build();
    const address = await server.listen({ port: 0, host: '127.0.0.1' });
    const gramma = createRequire(import.meta.url)('gramma') as {
      check(text: string, options: { api_url: string; language: string }): Promise<{ matches: { offset: number; length: number; word: string; rule: { id: string } }[] }>;
    };
    for (const base of [`${address}/v2/check`, `${address}/api/v2/check`]) {
      const result = await gramma.check(TEXT, { api_url: base, language: 'en-GB' });
      const ids = result.matches.map((m) => m.rule.id);
      expect(ids).toContain('BLAMING_REFUSES');
      expect(ids).toContain('DEHUMANISING_SERVICE_USER');
      for (const m of result.matches) expect(TEXT.slice(m.offset, m.offset + m.length)).toBe(m.word);
    }
    await server.close();
  });

  it('answers gramma.check() with language auto, en-US or gramma\'s default in a sensible language', async () => {
    const server = await build();
    const address = await server.listen({ port: 0, host: '127.0.0.1' });
    type Result = { language: { name: string; code: string; detectedLanguage: { code: string } }; matches: { rule: { id: string } }[] };
    const gramma = createRequire(import.meta.url)('gramma') as { check(text: string, options: { api_url: string; language?: string }): Promise<Result> };
    const api_url = `${address}/v2/check`;
    const auto = await gramma.check(TEXT, { api_url, language: 'auto' });
    expect(auto.language).toMatchObject({ name: 'English (GB)', code: 'en-GB', detectedLanguage: { code: 'en-GB' } });
    expect(auto.matches.map((m) => m.rule.id)).toContain('BLAMING_REFUSES');
    const us = await gramma.check(TEXT, { api_url, language: 'en-US' });
    expect(us.language).toMatchObject({ name: 'English (US)', code: 'en-US', detectedLanguage: { code: 'en-US' } });
    // The same findings whatever the variant: the rules do not depend on it.
    expect(us.matches.map((m) => m.rule.id)).toEqual(auto.matches.map((m) => m.rule.id));
    // gramma's default language is en-US.
    expect((await gramma.check(TEXT, { api_url })).language.code).toBe('en-US');
    await server.close();
  });

  it('authenticates gramma with its api_key option when the server has API keys', async () => {
    const server = await build({ apiKeys: ['gramma-test-key'] });
    const address = await server.listen({ port: 0, host: '127.0.0.1' });
    const gramma = createRequire(import.meta.url)('gramma') as {
      check(text: string, options: { api_url: string; language: string; api_key?: string }): Promise<{ matches: { rule: { id: string } }[] }>;
    };
    const result = await gramma.check(TEXT, { api_url: `${address}/v2/check`, language: 'en-GB', api_key: 'gramma-test-key' });
    expect(result.matches.map((m) => m.rule.id)).toContain('BLAMING_REFUSES');
    // A wrong key is refused: gramma passes the error body on as its error.
    await expect(gramma.check(TEXT, { api_url: `${address}/v2/check`, language: 'en-GB', api_key: 'wrong' })).rejects.toThrow();
    await server.close();
  });
});

describe('annotatedText(): offsets in the checked text mapped back into the text with markup', () => {
  type Item = { text: string } | { markup: string; interpretAs?: string };
  const item = fc.oneof(
    fc.record({ text: fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '😀', 'é'), maxLength: 8 }) }),
    fc.record({ markup: fc.constantFrom('<b>', '</b>', '&#39;', '', '<br/>', '**'), interpretAs: fc.constantFrom(undefined, '', "'", '\n\n', ' ') }, { requiredKeys: ['markup'] }),
  ) as fc.Arbitrary<Item>;

  /** The checked text of a stretch of the source: its markup replaced as annotatedText() reads it. */
  function plainOf(items: Item[], from: number, to: number): string {
    let at = 0;
    let out = '';
    for (const i of items) {
      const original = 'text' in i ? i.text : i.markup;
      const start = at;
      at += original.length;
      // Text counts where it overlaps; markup (which may be empty) where it lies wholly inside.
      if ('text' in i) {
        if (at > from && start < to) out += original.slice(Math.max(0, from - start), Math.min(original.length, to - start));
      } else if (start >= from && at <= to) out += i.interpretAs ?? '';
    }
    return out;
  }

  /** The text items' characters (no markup) in a stretch of the source, or of the checked text. */
  function textChars(items: Item[], from: number, to: number, inPlain: boolean): string {
    let at = 0;
    let out = '';
    for (const i of items) {
      const length = 'text' in i ? i.text.length : inPlain ? (i.interpretAs ?? '').length : i.markup.length;
      const start = at;
      at += length;
      if ('text' in i && at > from && start < to) out += i.text.slice(Math.max(0, from - start), Math.min(length, to - start));
    }
    return out;
  }

  it('maps every span to a stretch of the source that reads as the span, markup included whole', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.nat(), fc.nat(), (items, a, b) => {
        const t = annotatedText(JSON.stringify({ annotation: items }));
        expect(t.source).toBe(items.map((i) => ('text' in i ? i.text : i.markup)).join(''));
        if (!t.plain.length) return;
        const start = a % t.plain.length;
        const end = start + 1 + (b % (t.plain.length - start));
        const span = t.toSource(start, end);
        expect(span.start).toBeLessThanOrEqual(span.end);
        // The stretch of source holds the span's text, and no more than markup around it.
        expect(plainOf(items, span.start, span.end)).toContain(t.plain.slice(start, end));
        // …and no text beyond it: only markup is added around the span.
        expect(textChars(items, span.start, span.end, false)).toBe(textChars(items, start, end, true));
      }),
      { numRuns: 500 },
    );
  });
});
