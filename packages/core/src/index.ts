/**
 * @sourdough/core — the public surface (pinned by a test). Pure: no file system, network,
 * process or console. File loading lives in `@sourdough/core/node`.
 */
import { text } from './readers/text.js';
import { markdown } from './readers/markdown.js';

export { analyse, compareFindings, sentencesOf } from './analyse.js';
export { compileRules, withAllow, builtinSharedPatterns, ruleSuggestions } from './rules/compile.js';
export type { RuleSet, CompiledRule, CompileOptions } from './rules/compile.js';
export { builtinRules, builtinRuleSet, builtinAllowList, builtinContextWords, builtinRulesHash, builtinTypos } from './rules/builtin.js';
export type { ContextWords } from './context/subject.js';
export { applyConfig, validateConfig, configSchema } from './config.js';
export type { Config, ConfigLocator, ConfigSuggest } from './config.js';
export { summarise, SummaryBuilder, countsOf } from './summarise.js';
export type { SummaryCounts } from './summarise.js';
export { AuditAggregator, compareAudits, periodOf } from './audit.js';
export type { AuditOptions, AuditFigures, AuditSlice, AuditRuleRow, AuditComparison, Change, GroupChange } from './audit.js';
export { computeStats } from './stats.js';
export { validateRule, ruleSchema, validateSharedPatterns, sharedPatternsSchema, CONDITION_EFFECT, optInEffect } from './schema/rule.js';
export { SourdoughError, formatLocation } from './errors.js';
export type { ErrorCode, ErrorLocation } from './errors.js';
export { detectors } from './detectors/index.js';
export { maskIdentifiers } from './privacy/mask.js';
export type { Detector, DetectorContext, SentenceView } from './detectors/index.js';
export { CATEGORIES, SEVERITIES } from './types.js';
export { didYouMean, didYouMeanHint } from './did-you-mean.js';
export type * from './types.js';

/** Helpers other readers share: URL and email-quote masking, line tables, suppression comments. */
export { maskUrls, maskQuotePrefixes, lineStarts, lineColumn, loneCrToLf } from './readers/mask.js';
export { joinAcross, blankSoftHyphens, textToSource, spanToSource, type Moved } from './readers/join.js';
export { parseDirectives } from './suppress.js';
export { lastStartingAtOrBefore } from './search.js';

/** String readers: plain text and Markdown → SourceDocument. */
export const readers = { text, markdown };
