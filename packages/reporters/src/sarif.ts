/**
 * The `sarif` reporter: SARIF 2.1.0, so findings show up in code-review tools. One run; each
 * finding is a result with its rule, level, message and region (1-based lines, UTF-16 columns,
 * char offsets); records (CSV/JSONL rows) name their row and id in the message and properties,
 * since their offsets are into the record's text, not the file. Documents that could not be read
 * become tool execution notifications naming the file and row. Streams: results first, then the
 * tool and rule descriptors (key order does not matter in JSON). Pure.
 */
import { escapeBidiJson } from './bidi.js';
import type { DocumentOutcome, Finding, Severity, Summary } from '@sourdough/core';
import { fromStream, ruleDescription, ruleInfo, type Reporter, type ReporterOptions, type ReporterStream } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative path as a URI reference (spaces and other unsafe characters escaped). */
function uriOf(path: string): string {
  return encodeURI(path.split('\\').join('/')).replace(/[?#]/g, (c) => encodeURIComponent(c));
}

function label(r: DocumentOutcome): string {
  return `${r.path}${r.row !== undefined ? ` row ${r.row}` : ''}${r.id !== undefined ? ` (id ${r.id})` : ''}`;
}

/** Streaming form of the sarif reporter. */
export function sarifStream(options: ReporterOptions = {}): ReporterStream {
  const ruleIndex = new Map<string, number>();
  const ruleIds: string[] = [];
  const notifications: unknown[] = [];
  let count = 0;

  const result = (r: DocumentOutcome & { findings: Finding[] }, f: Finding): unknown => {
    let index = ruleIndex.get(f.ruleId);
    if (index === undefined) {
      index = ruleIds.length;
      ruleIndex.set(f.ruleId, index);
      ruleIds.push(f.ruleId);
    }
    const isRecord = r.row !== undefined;
    const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: uriOf(r.path) } };
    if (f.start && f.end && !isRecord) {
      physicalLocation.region = {
        startLine: f.start.line,
        startColumn: f.start.column,
        endLine: f.end.line,
        endColumn: f.end.column,
        charOffset: f.start.offset,
        charLength: f.end.offset - f.start.offset,
        ...(f.text ? { snippet: { text: f.text } } : {}),
      };
    }
    const properties: Record<string, unknown> = { category: f.category, suggestions: f.suggestions };
    if (f.sentence) properties.sentence = f.sentence;
    if (f.section) properties.section = f.section;
    if (f.paragraph !== undefined) properties.paragraph = f.paragraph;
    if (f.quoted) properties.quoted = true;
    if (isRecord) {
      properties.row = r.row;
      if (r.id !== undefined) properties.recordId = r.id;
      if (f.start && f.end) properties.recordRegion = { startLine: f.start.line, startColumn: f.start.column, endLine: f.end.line, endColumn: f.end.column, charOffset: f.start.offset, charLength: f.end.offset - f.start.offset };
    }
    const where = isRecord ? ` [${label(r)}]` : '';
    const suggestion = f.suggestions.length ? ` Try: ${f.suggestions.join('; ')}.` : '';
    return {
      ruleId: f.ruleId,
      ruleIndex: index,
      level: LEVEL[f.severity],
      message: { text: `${f.message}${suggestion}${where}` },
      locations: [{ physicalLocation }],
      properties,
    };
  };

  return {
    start: () => '{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0-rtm.5.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "results": [',
    result(r) {
      if ('error' in r) {
        notifications.push({
          level: 'error',
          message: { text: `${label(r)}: ${r.error.message}` },
          descriptor: { id: r.error.code },
          locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(r.path) } } }],
          properties: { path: r.path, ...(r.row !== undefined ? { row: r.row } : {}), ...(r.id !== undefined ? { recordId: r.id } : {}), code: r.error.code },
        });
        return '';
      }
      let out = '';
      for (const f of r.findings) out += `${count++ ? ',' : ''}\n        ${escapeBidiJson(JSON.stringify(result(r, f)))}`;
      return out;
    },
    end(summary: Summary) {
      const rules = ruleIds.map((id) => {
        const info = ruleInfo(options, id);
        const d: Record<string, unknown> = { id, name: id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()) };
        if (info) {
          d.shortDescription = { text: ruleDescription(info.message) || id };
          if (info.rationale) d.fullDescription = { text: info.rationale.trim() };
          d.defaultConfiguration = { level: LEVEL[info.severity] };
          d.properties = { category: info.category, ...(info.suggest?.length ? { suggestions: info.suggest } : {}), ...(info.url ? { docs: info.url } : {}) };
        }
        return d;
      });
      const driver: Record<string, unknown> = { name: 'sourdough', rules };
      if (typeof options.version === 'string') driver.semanticVersion = options.version;
      const run = {
        tool: { driver },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: summary.failed === 0, toolExecutionNotifications: notifications }],
        properties: { summary },
      };
      const tail = escapeBidiJson(JSON.stringify(run, null, 2)).slice(1).replace(/\n/g, '\n    ');
      return `${count ? '\n      ' : ''}],${tail}\n  ]\n}\n`;
    },
  };
}

/** Render results as a SARIF 2.1.0 log. */
export const sarif: Reporter = fromStream(sarifStream);
