/**
 * `documents.csv` for `sourdough audit`: one row per document (failed ones included, with the
 * reason), with its record id, metadata columns and stats — words, sentences, findings, rate,
 * counts by severity and category, kind, strengths and the share in the person's voice. Cells go
 * through the csv reporter's spreadsheet-safe `csvCell`. Holds no text from the documents' text
 * field; the metadata it is given is already masked, or cut to the group and date columns with
 * --no-excerpts (see `withCsvMeta` in commands/audit.ts).
 */
import { CATEGORIES, SEVERITIES, type DocumentOutcome } from '@sourdough/core';
import { csvCell } from '@sourdough/reporters';

const line = (cells: unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`;
const STATS = ['status', 'kind', 'words', 'sentences', 'findings', 'per_1000_words', ...SEVERITIES, ...CATEGORIES, 'strengths', 'person_voice_share', 'error_code', 'error_message', 'other_meta'];

/**
 * A streaming documents.csv writer. The metadata columns are those of the first record (as in the
 * csv reporter); keys a later record adds go in `other_meta` as JSON. Until the first record
 * arrives (at most 1,000 plain files or errors), rows are held back.
 */
export class DocumentsCsv {
  private meta: string[] | undefined;
  private readonly held: DocumentOutcome[] = [];
  private started = false;

  /** `metaColumns` fixes the metadata columns up front (a run with no records, whose first record would never come). */
  constructor(metaColumns?: string[]) {
    this.meta = metaColumns;
  }

  /** Every column name but the metadata ones. */
  static readonly columns: readonly string[] = ['path', 'id', 'row', ...STATS];

  /** The text to write for one document ('' while held back). */
  row(o: DocumentOutcome): string {
    if (!this.started && this.meta) return this.flush() + this.format(o);
    if (!this.meta) {
      this.held.push(o);
      const record = o.row !== undefined && !('error' in o);
      if (!record && this.held.length < 1000) return '';
      this.meta = record ? Object.keys(o.meta ?? {}) : [];
      return this.flush();
    }
    return this.format(o);
  }

  /** Whatever is still held back (call once at the end). */
  end(): string {
    if (this.started) return '';
    this.meta ??= [];
    return this.flush();
  }

  private flush(): string {
    this.started = true;
    let out = line(['path', 'id', 'row', ...this.meta!, ...STATS]);
    for (const o of this.held.splice(0)) out += this.format(o);
    return out;
  }

  private format(o: DocumentOutcome): string {
    const meta = this.meta!;
    const extra = o.meta ? Object.fromEntries(Object.entries(o.meta).filter(([k]) => !meta.includes(k))) : {};
    const other = Object.keys(extra).length ? JSON.stringify(extra) : '';
    const lead = [o.path, o.id, o.row, ...meta.map((k) => o.meta?.[k])];
    if ('error' in o) return line([...lead, 'failed', ...STATS.slice(1, -3).map(() => ''), o.error.code, o.error.message, other]);
    const s = o.stats;
    const bySeverity = SEVERITIES.map((sev) => o.findings.filter((f) => f.severity === sev).length);
    const byCategory = CATEGORIES.map((c) => o.findings.filter((f) => f.category === c).length);
    return line([...lead, 'analysed', s.kind ?? '', s.words, s.sentences, o.findings.length, s.words ? Math.round((o.findings.length / s.words) * 100000) / 100 : 0, ...bySeverity, ...byCategory, s.strengths ?? '', s.personVoiceShare ?? '', '', '', other]);
  }
}
