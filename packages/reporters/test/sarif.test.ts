/** The sarif reporter: valid against the SARIF 2.1.0 JSON schema, with rules, levels and regions. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { sarif, sarifStream, type RuleInfo } from '../src/index.js';
import { results, summary } from './sample.js';

const here = dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(join(here, 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
/** Validates a SARIF log against the official 2.1.0 schema. */
export const validateSarif = ajv.compile(schema);

const rules: Record<string, RuleInfo> = {
  'blaming/refuses': { id: 'blaming/refuses', category: 'blaming', severity: 'warning', message: '“{match}” can make a choice sound like defiance.', rationale: 'Refusing frames a choice as defiance.', suggest: ['declined'], url: 'docs/rules/blaming/refuses.md' },
};

describe('sarif', () => {
  it('writes bidirectional controls as \\u escapes, with the same data when parsed', () => {
    const f = results[0]!.findings![0]!;
    const hostile = [{ ...results[0]!, path: 'notes\u202e.txt', findings: [{ ...f, message: `“re\u202dfused” matters.` }] }, { path: 'x\u2066.csv', error: { code: 'SD_ERR_READ', message: 'x\u2066.csv could not be read' } }];
    const out = sarif(hostile as never, summary);
    expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('re\\u202dfused');
    const log = JSON.parse(out);
    expect(log.runs[0].results[0].message.text).toContain('re\u202dfused');
    expect(JSON.stringify(log)).toContain('x\u2066.csv could not be read');
  });

  it('is valid SARIF 2.1.0', () => {
    const log = JSON.parse(sarif(results, summary, { rules, version: '0.1.0' }));
    const ok = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(validateSarif({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false); // the schema really checks (no tool)
  });

  it('is valid with no results at all', () => {
    expect(validateSarif(JSON.parse(sarif([], { documents: 0, analysed: 0, failed: 0, findings: 0, byCategory: {}, bySeverity: {} })))).toBe(true);
  });

  it('maps findings to results with rule index, level and region', () => {
    const run = JSON.parse(sarif(results, summary, { rules })).runs[0];
    expect(run.tool.driver.name).toBe('sourdough');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['blaming/refuses', 'voice/first-person', 'dehumanising/service-user']);
    expect(run.tool.driver.rules[0].fullDescription.text).toBe('Refusing frames a choice as defiance.');
    const [refused, voice, record] = run.results;
    expect(refused).toMatchObject({ ruleId: 'blaming/refuses', ruleIndex: 0, level: 'warning' });
    expect(refused.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'plans/jack%20plan.md' },
      region: { startLine: 3, startColumn: 6, endLine: 3, endColumn: 13, charOffset: 20, charLength: 7, snippet: { text: 'refused' } },
    });
    expect(voice.level).toBe('note');
    expect(voice.locations[0].physicalLocation.region).toBeUndefined();
    expect(record.level).toBe('error');
    expect(record.message.text).toContain('[notes.csv row 1 (id N-001)]');
    expect(record.properties).toMatchObject({ row: 1, recordId: 'N-001' });
  });

  it('reports unreadable documents as notifications naming the file and row', () => {
    const inv = JSON.parse(sarif(results, summary)).runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text)).toEqual([
      'notes.csv row 2: notes.csv row 2 (line 3) has broken quoting',
      'broken.docx: broken.docx is not a valid Word (.docx) file, or it is damaged',
    ]);
  });

  it('streams the same text', () => {
    const s = sarifStream({ rules });
    expect(s.start() + results.map((r) => s.result(r)).join('') + s.end(summary)).toBe(sarif(results, summary, { rules }));
  });

  it('matches the snapshot', async () => {
    await expect(sarif(results, summary, { rules, version: '0.1.0' })).toMatchFileSnapshot('./snapshots/sarif.json');
  });
});
