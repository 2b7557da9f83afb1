/**
 * Recognising sourdough's own reports from the first few KB of a file: every format `check` writes
 * (and the audit's findings.csv layout) is recognised from its real output, with any metadata
 * columns, and pages written before the generator tag by their title; documents, exports and
 * other tools' files that merely look alike are not.
 */
import { describe, expect, it } from 'vitest';
import { csv, html, isStylishReport, json, reportFormatOf, REPORT_HEAD_BYTES, sarif, startsLikeStylish, startsWithCsvHeader, stylish } from '../src/index.js';
import { results, summary } from './sample.js';

/** What a caller reads of a file: its first REPORT_HEAD_BYTES, decoded as UTF-8. */
const head = (text: string): string => Buffer.from(text, 'utf8').subarray(0, REPORT_HEAD_BYTES).toString('utf8');

describe('reportFormatOf', () => {
  it('recognises every report check writes, from its first few KB', () => {
    expect(reportFormatOf(head(html(results, summary)))).toBe('html');
    expect(reportFormatOf(head(csv(results, summary)))).toBe('csv');
    expect(reportFormatOf(head(json(results, summary)))).toBe('json');
    expect(reportFormatOf(head(sarif(results, summary)))).toBe('sarif');
    // Empty runs too: the markers are at the very start.
    for (const [format, reporter] of [['html', html], ['csv', csv], ['json', json], ['sarif', sarif]] as const) {
      expect(reportFormatOf(head(reporter([], { documents: 0, analysed: 0, failed: 0, findings: 0, byCategory: {}, bySeverity: {} })))).toBe(format);
    }
  });

  it('the html page names sourdough as its generator in its head', () => {
    const page = html(results, summary);
    expect(page.slice(0, page.indexOf('</head>'))).toContain('<meta name="generator" content="sourdough">');
  });

  it('recognises a csv report whatever metadata columns it has, with a byte-order mark or LF line ends', () => {
    const withMeta = csv(results, summary);
    expect(withMeta.split('\r\n')[0]).toMatch(/^path,id,row,team,date,line,/);
    expect(reportFormatOf(withMeta)).toBe('csv');
    expect(reportFormatOf(`\ufeff${withMeta.replace(/\r\n/g, '\n')}`)).toBe('csv');
    expect(reportFormatOf(csv(results, summary, { metaColumns: ['line', 'what, exactly'] }))).toBe('csv');
  });

  it('recognises pages written before the generator tag by their title', () => {
    const old = html(results, summary).replace('<meta name="generator" content="sourdough">\n', '');
    expect(old).not.toContain('generator');
    expect(reportFormatOf(old)).toBe('html');
    expect(reportFormatOf('<!DOCTYPE html><html><head><title>Language audit — sourdough</title></head><body></body></html>')).toBe('html');
    expect(reportFormatOf("<!doctype html><html><head><meta content='sourdough' name=generator></head>")).toBe('html');
  });

  it('does not take documents, exports or other tools’ files for reports', () => {
    const notReports = [
      '',
      'Sam refused his tablets again.\n',
      stylish(results, summary), // no marker: never recognised
      '<!doctype html><html><head><title>Support plan</title></head><body><p>Jack likes sourdough bread.</p></body></html>',
      // The marker must be in the head, not in what the page shows.
      '<!doctype html><html><head><title>Notes</title></head><body><p>&lt;title&gt;sourdough report&lt;/title&gt;</p><meta name="generator" content="sourdough"></body></html>',
      '<html><head><meta name="generator" content="sourdough"></head></html>', // no doctype: not as sourdough writes it
      '<!doctype html><html><head><meta name="generator" content="sourdough-bakery"></head></html>',
      'id,team,text\nN-001,North,"Jo refused lunch."\n',
      'path,id,row,text,sentence\nexport.csv,1,1,refused,"Jo refused lunch."\n',
      // The header row cut off by the end of what was read is not recognised.
      csv(results, summary).split('\r\n')[0]!,
      '{"id":"N-001","text":"Jo refused lunch."}\n',
      '{\n  "version": 2,\n  "results": []\n}\n',
      '{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0-rtm.5.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "tool": {}\n    }\n  ]\n}\n',
    ];
    for (const text of notReports) expect(reportFormatOf(text), text.slice(0, 60)).toBeUndefined();
  });
});

describe('startsWithCsvHeader', () => {
  it('needs the columns before, any in between, and the columns after, on the first line', () => {
    expect(startsWithCsvHeader('path,id,row,status,kind\r\n', ['path', 'id', 'row'], ['status', 'kind'])).toBe(true);
    expect(startsWithCsvHeader('path,id,row,team,status,kind\nx', ['path', 'id', 'row'], ['status', 'kind'])).toBe(true);
    expect(startsWithCsvHeader('path,id,row,status\r\n', ['path', 'id', 'row'], ['status', 'kind'])).toBe(false);
    expect(startsWithCsvHeader('id,path,row,status,kind\r\n', ['path', 'id', 'row'], ['status', 'kind'])).toBe(false);
  });
});

describe('stylish reports saved to a file', () => {
  /** What a caller reads of a file's end: its last 512 bytes (or all of it). */
  const tail = (text: string): string => Buffer.from(text, 'utf8').subarray(-512).toString('utf8');
  const failedFirst = [results[3]!, ...results.slice(0, 3)];

  it('are recognised by their first entry and their summary line, whichever result comes first', () => {
    for (const list of [results, failedFirst, results.slice(1, 2)]) {
      const text = stylish(list, summary);
      expect(isStylishReport(head(text), tail(text)), text.slice(0, 80)).toBe(true);
    }
    const one = stylish(results.slice(1, 2), { documents: 1, analysed: 1, failed: 0, findings: 1, byCategory: { dehumanising: 1 }, bySeverity: { error: 1 } });
    expect(one.trimEnd().split('\n').at(-1)).toBe('1 finding — 1 error, 0 warnings, 0 info — in 1 document');
    expect(isStylishReport(head(one), tail(one))).toBe(true);
    expect(isStylishReport(head(`\ufeff${one.replace(/\n/g, '\r\n')}`), tail(one.replace(/\n/g, '\r\n')))).toBe(true);
  });

  it('one cut short (no summary line yet) starts like one, but is not a whole report', () => {
    const text = stylish(results, summary);
    const cut = text.slice(0, text.indexOf('│'));
    expect(startsLikeStylish(cut)).toBe(true);
    expect(isStylishReport(head(cut), tail(cut))).toBe(false);
  });

  it('notes, and notes that quote a finding or a summary, are not taken for one', () => {
    const summaryLine = '3 findings — 1 error, 1 warning, 1 info — in 4 documents\n';
    const notLike = [
      '',
      'Sam refused his tablets again.\n',
      `Sam refused his tablets again.\n${summaryLine}`,
      // A note quoting a finding, then the summary: the first line is not followed by a finding's line.
      `Feedback from the language check\n\n  3:6      warning  “refused” can make a choice sound like defiance.  blaming/refuses\n${summaryLine}`,
      // An indented list in a note.
      'Actions\n  1:1 meeting with Sam on Tuesday  warning given about rent arrears  see housing/arrears\n' + summaryLine,
      '✓ No findings in 3 documents.\n',
    ];
    for (const text of notLike) expect(isStylishReport(head(text), tail(text)), text.slice(0, 60)).toBe(false);
  });
});
