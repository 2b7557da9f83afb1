/**
 * Audit aggregation for quality leads (`sourdough audit`): fold many document results into the
 * figures of an audit report — by category, rule, group and period, strengths and voice, and data
 * quality — in one streaming pass with memory bounded by the number of distinct rules, groups and
 * periods (never by the number of documents). Also compares two audits. Pure: no I/O.
 */
import type { Category, DocumentOutcome, Finding, Severity } from './types.js';
import { CATEGORIES } from './types.js';
import { SourdoughError } from './errors.js';

/** Options for an audit. */
export interface AuditOptions {
  /** Record fields to group by (e.g. team, record type). */
  groupBy?: string[];
  /** Record field holding the record's date, for trends. */
  dateField?: string;
  /** Trend period. Default `month`. */
  period?: 'month' | 'quarter';
  /** Example sentences kept per rule (0 = none). Default 3. */
  excerpts?: number;
  /**
   * Masks identifiers in example sentences before they are kept; given the findings of the
   * sentence's document, so it can mask what those found (core's maskIdentifiers does both).
   */
  mask?: (sentence: string, found: readonly Finding[]) => string;
  /** Rule metadata for the top-rules table (rationale, what to write instead). */
  rules?: Map<string, { rationale: string; category: Category; suggest?: string[] }>;
  /** Failures listed in full (the rest are counted). Default 200. */
  maxFailuresListed?: number;
}

/** Counts for one slice of the data (all, a group value, a period). */
export interface AuditSlice {
  documents: number;
  words: number;
  findings: number;
  per1000Words: number;
  documentsWithFindings: number;
  shareWithFindings: number;
  byCategory: Record<Category, number>;
}

export interface AuditRuleRow {
  ruleId: string;
  category: Category;
  findings: number;
  documents: number;
  rationale?: string;
  /** What to write instead (the rule's `suggest`), when known. */
  suggest?: string[];
  examples: string[];
}

/** Everything `summary.json` holds apart from run metadata (inputs, config, timing). */
export interface AuditFigures {
  documents: { read: number; analysed: number; failed: number; withFindings: number; shareWithFindings: number };
  words: number;
  findings: number;
  per1000Words: number;
  bySeverity: Record<Severity, number>;
  byCategory: Record<Category, { findings: number; per1000Words: number; documents: number; shareOfDocuments: number }>;
  topRules: AuditRuleRow[];
  rules: Record<string, number>;
  groups: Record<string, Record<string, AuditSlice>>;
  /**
   * `undated` counts every analysed record not in the trend; `unreadable` those of them with a
   * value in the date field that is not a date periodOf reads (the rest have no value).
   */
  trend: { field: string; period: 'month' | 'quarter'; points: (AuditSlice & { period: string })[]; undated: number; unreadable: number } | null;
  voice: {
    plans: number;
    plansWithStrengths: number;
    shareOfPlansWithStrengths: number;
    /** Mean share of sentences in the person's voice, over documents with voice stats. */
    meanPersonVoiceShare: number | null;
    documentsWithVoiceStats: number;
    /** Case notes (kind `note`) with voice stats, and those recording at least one view of the person. */
    notes: number;
    notesWithView: number;
    shareOfNotesWithView: number;
  };
  dataQuality: { read: number; analysed: number; failed: number; reasons: Record<string, number>; failures: { path: string; row?: number; id?: string; code: string; message: string }[] };
}

function emptyByCategory(): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
}

interface MutableSlice {
  documents: number;
  words: number;
  findings: number;
  documentsWithFindings: number;
  byCategory: Record<Category, number>;
}

function newSlice(): MutableSlice {
  return { documents: 0, words: 0, findings: 0, documentsWithFindings: 0, byCategory: emptyByCategory() };
}

function round(n: number, d = 2): number {
  const f = 10 ** d;
  return Math.round(n * f) / f;
}

function finishSlice(s: MutableSlice): AuditSlice {
  return {
    documents: s.documents,
    words: s.words,
    findings: s.findings,
    per1000Words: s.words ? round((s.findings / s.words) * 1000) : 0,
    documentsWithFindings: s.documentsWithFindings,
    shareWithFindings: s.documents ? round(s.documentsWithFindings / s.documents, 4) : 0,
    byCategory: { ...s.byCategory },
  };
}

/** ISO 8601 date (or year and month), with an optional time and offset, which are ignored. */
const ISO_DATE = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?$/i;
/** UK day-first date, one separator throughout, with an optional time, which is ignored. */
const UK_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
/**
 * A spreadsheet's date serial number: days since 30 December 1899, as Excel stores a date and as
 * an export made from a workbook may write it (46353 is 27 November 2026; a fraction is the time
 * of day, ignored). Five digits only: 10000 (1927) to 99999, so a year (2026) or a small count is
 * never taken for one.
 */
const SERIAL_DATE = /^(\d{5})(?:\.\d+)?$/;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * Years a record's date can be in: outside these, it is a placeholder or a typing slip. Systems
 * write their zero date where no date was entered: 0001-01-01 (.NET), 1899-12-30 and 1900-01-01
 * (Excel, SQL Server), 9999-12-31 ("no end date"); so 1900 is out too, since no record being
 * audited was written then. 20266 is a slip.
 */
const FIRST_YEAR = 1901;
const LAST_YEAR = 2100;
/** The one zero date inside those years: the Unix epoch, what a missing date becomes as a timestamp of 0. */
const PLACEHOLDER_DAYS = new Set(['1970-01-01']);

/**
 * Parse a record date into a period key: `2026-03` (month) or `2026-Q1` (quarter). Accepts ISO
 * dates (2026-03-14, 2026-03, 2026-03-14T10:00Z) and UK day-first dates (14/03/2026, 14-03-2026,
 * 14.03.2026), and spreadsheet serial numbers (46353, days since 30/12/1899). The date is taken as written: a time and an offset are ignored, never converted
 * (2026-03-31T23:30-05:00 is in March). A date that does not exist (2026-02-31, 99/03/2026), a
 * year outside 1901–2100, or a system's zero date standing in for no date (0001-01-01,
 * 1900-01-01, 1970-01-01) is not read.
 */
export function periodOf(value: string | undefined, period: 'month' | 'quarter' = 'month'): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  let y: number;
  let m: number;
  let d: number | undefined;
  const iso = ISO_DATE.exec(v);
  const uk = iso ? null : UK_DATE.exec(v);
  const serial = iso || uk ? null : SERIAL_DATE.exec(v);
  if (serial) {
    const day = new Date(SERIAL_EPOCH + Number(serial[1]) * 86_400_000);
    y = day.getUTCFullYear();
    m = day.getUTCMonth() + 1;
    d = day.getUTCDate();
  } else if (iso) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = iso[3] === undefined ? undefined : Number(iso[3]);
  } else if (uk) {
    y = Number(uk[4]);
    m = Number(uk[3]);
    d = Number(uk[1]);
  } else return undefined;
  if (y < FIRST_YEAR || y > LAST_YEAR || m < 1 || m > 12) return undefined;
  // Day 0 of the next month is this month's last day.
  if (d !== undefined && (d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate())) return undefined;
  if (d !== undefined && PLACEHOLDER_DAYS.has(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)) return undefined;
  if (period === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** A streaming audit: `add()` each outcome, then `finish()`. */
export class AuditAggregator {
  private readonly options: AuditOptions;
  private readonly all = newSlice();
  private read = 0;
  private failed = 0;
  private readonly reasons: Record<string, number> = {};
  private readonly failures: AuditFigures['dataQuality']['failures'] = [];
  private readonly bySeverity: Record<Severity, number> = { info: 0, warning: 0, error: 0 };
  private readonly docsByCategory = emptyByCategory();
  private readonly rules = new Map<string, { category: Category; findings: number; documents: number; examples: string[] }>();
  private readonly groups = new Map<string, Map<string, MutableSlice>>();
  private readonly periods = new Map<string, MutableSlice>();
  private undated = 0;
  private unreadableDates = 0;
  private plans = 0;
  private plansWithStrengths = 0;
  private voiceDocs = 0;
  private voiceSum = 0;
  private notes = 0;
  private notesWithView = 0;

  constructor(options: AuditOptions = {}) {
    this.options = options;
    for (const g of options.groupBy ?? []) this.groups.set(g, new Map());
  }

  /** Fold one document outcome into the figures. */
  add(outcome: DocumentOutcome): void {
    this.read++;
    if ('error' in outcome) {
      this.failed++;
      this.reasons[outcome.error.code] = (this.reasons[outcome.error.code] ?? 0) + 1;
      if (this.failures.length < (this.options.maxFailuresListed ?? 200)) {
        const f: AuditFigures['dataQuality']['failures'][number] = { path: outcome.path, code: outcome.error.code, message: outcome.error.message };
        if (outcome.row !== undefined) f.row = outcome.row;
        if (outcome.id !== undefined) f.id = outcome.id;
        this.failures.push(f);
      }
      return;
    }
    const slices: MutableSlice[] = [this.all];
    for (const [field, values] of this.groups) {
      const key = outcome.meta?.[field]?.trim() || '(none)';
      let s = values.get(key);
      if (!s) values.set(key, (s = newSlice()));
      slices.push(s);
    }
    if (this.options.dateField) {
      const value = outcome.meta?.[this.options.dateField];
      const p = periodOf(value, this.options.period);
      if (p) {
        let s = this.periods.get(p);
        if (!s) this.periods.set(p, (s = newSlice()));
        slices.push(s);
      } else {
        this.undated++;
        if (value?.trim()) this.unreadableDates++;
      }
    }
    const words = outcome.stats.words;
    const counted = outcome.findings;
    const cats = new Set<Category>();
    const rulesSeen = new Set<string>();
    for (const s of slices) {
      s.documents++;
      s.words += words;
      s.findings += counted.length;
      if (counted.length) s.documentsWithFindings++;
    }
    for (const f of counted) {
      this.bySeverity[f.severity]++;
      for (const s of slices) s.byCategory[f.category]++;
      cats.add(f.category);
      let r = this.rules.get(f.ruleId);
      if (!r) this.rules.set(f.ruleId, (r = { category: f.category, findings: 0, documents: 0, examples: [] }));
      r.findings++;
      if (!rulesSeen.has(f.ruleId)) {
        rulesSeen.add(f.ruleId);
        r.documents++;
      }
      const max = this.options.excerpts ?? 3;
      if (f.sentence && r.examples.length < max) {
        const masked = this.options.mask ? this.options.mask(f.sentence, outcome.findings) : f.sentence;
        if (!r.examples.includes(masked)) r.examples.push(masked);
      }
    }
    for (const c of cats) this.docsByCategory[c]++;
    const kind = outcome.stats.kind;
    if (kind === 'plan') {
      this.plans++;
      if (typeof outcome.stats.strengths === 'number' && outcome.stats.strengths > 0) this.plansWithStrengths++;
    }
    if (typeof outcome.stats.personVoiceShare === 'number') {
      this.voiceDocs++;
      this.voiceSum += outcome.stats.personVoiceShare;
      if (kind === 'note') {
        this.notes++;
        if (outcome.stats.personVoiceShare > 0) this.notesWithView++;
      }
    }
  }

  /** The figures so far. */
  finish(): AuditFigures {
    const all = finishSlice(this.all);
    const byCategory = Object.fromEntries(
      CATEGORIES.map((c) => [
        c,
        {
          findings: this.all.byCategory[c],
          per1000Words: this.all.words ? round((this.all.byCategory[c] / this.all.words) * 1000) : 0,
          documents: this.docsByCategory[c],
          shareOfDocuments: this.all.documents ? round(this.docsByCategory[c] / this.all.documents, 4) : 0,
        },
      ]),
    ) as AuditFigures['byCategory'];
    const topRules: AuditRuleRow[] = [...this.rules.entries()]
      .sort((a, b) => b[1].findings - a[1].findings || (a[0] < b[0] ? -1 : 1))
      .map(([ruleId, r]) => {
        const row: AuditRuleRow = { ruleId, category: r.category, findings: r.findings, documents: r.documents, examples: r.examples };
        const meta = this.options.rules?.get(ruleId);
        if (meta) {
          row.rationale = meta.rationale;
          if (meta.suggest?.length) row.suggest = meta.suggest;
        }
        return row;
      });
    const groups: AuditFigures['groups'] = {};
    for (const [field, values] of this.groups) {
      groups[field] = Object.fromEntries([...values.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, s]) => [k, finishSlice(s)]));
    }
    const trend = this.options.dateField
      ? {
          field: this.options.dateField,
          period: this.options.period ?? 'month',
          points: [...this.periods.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([period, s]) => ({ period, ...finishSlice(s) })),
          undated: this.undated,
          unreadable: this.unreadableDates,
        }
      : null;
    return {
      documents: { read: this.read, analysed: this.read - this.failed, failed: this.failed, withFindings: all.documentsWithFindings, shareWithFindings: all.shareWithFindings },
      words: all.words,
      findings: all.findings,
      per1000Words: all.per1000Words,
      bySeverity: { ...this.bySeverity },
      byCategory,
      topRules,
      rules: Object.fromEntries(topRules.map((r) => [r.ruleId, r.findings])),
      groups,
      trend,
      voice: {
        plans: this.plans,
        plansWithStrengths: this.plansWithStrengths,
        shareOfPlansWithStrengths: this.plans ? round(this.plansWithStrengths / this.plans, 4) : 0,
        meanPersonVoiceShare: this.voiceDocs ? round(this.voiceSum / this.voiceDocs, 4) : null,
        documentsWithVoiceStats: this.voiceDocs,
        notes: this.notes,
        notesWithView: this.notesWithView,
        shareOfNotesWithView: this.notes ? round(this.notesWithView / this.notes, 4) : 0,
      },
      dataQuality: { read: this.read, analysed: this.read - this.failed, failed: this.failed, reasons: { ...this.reasons }, failures: [...this.failures] },
    };
  }
}

/** One line of a comparison: before, after and the change. */
export interface Change {
  before: number;
  after: number;
  change: number;
}

/**
 * One group value's line of a comparison: `before` is null for a group new in this audit, `after`
 * null for one that is not in it (and `change` null for both), since a missing group has no
 * figure, not a figure of 0.
 */
export interface GroupChange {
  before: number | null;
  after: number | null;
  change: number | null;
}

/** What changed between two audits (per 1,000 words, so different sizes compare fairly). */
export interface AuditComparison {
  per1000Words: Change;
  byCategory: Record<Category, Change>;
  /** Per field this audit groups by and the previous audit grouped by too; then per group value. */
  groups: Record<string, Record<string, GroupChange>>;
  rulesAppeared: string[];
  rulesDisappeared: string[];
  ruleSetChanged: boolean;
}

const change = (before: number, after: number): Change => ({ before, after, change: round(after - before) });

/**
 * Compare a previous audit with the current one. Refuses (SD_ERR_AUDIT_COMPARE) when the rule sets
 * differ, unless `allowRuleChanges` — different rules make the figures incomparable.
 */
export function compareAudits(
  previous: { ruleSet: { hash: string }; figures: AuditFigures },
  current: { ruleSet: { hash: string }; figures: AuditFigures },
  allowRuleChanges = false,
): AuditComparison {
  const ruleSetChanged = previous.ruleSet.hash !== current.ruleSet.hash;
  if (ruleSetChanged && !allowRuleChanges) {
    throw new SourdoughError(
      'SD_ERR_AUDIT_COMPARE',
      `the previous audit used a different rule set (${previous.ruleSet.hash}, now ${current.ruleSet.hash}), so its figures are not comparable; run both audits with the same rules, or pass --allow-rule-changes to compare anyway`,
    );
  }
  const p = previous.figures;
  const c = current.figures;
  const groups: AuditComparison['groups'] = {};
  for (const field of Object.keys(c.groups)) {
    // A field the previous audit did not group by has no figures to compare with.
    const before = p.groups?.[field];
    if (!before) continue;
    const after = c.groups[field]!;
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    groups[field] = Object.fromEntries(
      keys.map((k): [string, GroupChange] => {
        const b = before[k]?.per1000Words;
        const a = after[k]?.per1000Words;
        return [k, b === undefined || a === undefined ? { before: b ?? null, after: a ?? null, change: null } : change(b, a)];
      }),
    );
  }
  const prevRules = new Set(Object.keys(p.rules));
  const curRules = new Set(Object.keys(c.rules));
  return {
    per1000Words: change(p.per1000Words, c.per1000Words),
    byCategory: Object.fromEntries(CATEGORIES.map((cat) => [cat, change(p.byCategory[cat]?.per1000Words ?? 0, c.byCategory[cat]?.per1000Words ?? 0)])) as Record<Category, Change>,
    groups,
    rulesAppeared: [...curRules].filter((r) => !prevRules.has(r)).sort(),
    rulesDisappeared: [...prevRules].filter((r) => !curRules.has(r)).sort(),
    ruleSetChanged,
  };
}
