/**
 * Config validation: every setting, and under `detectors:` each detector's parameters against its
 * own params schema; unknown settings and detectors are refused, with messages naming the file,
 * the line and column of what to edit (a wrong name's key, a wrong value's value) and the setting.
 * Config files are synthetic, written to a temporary folder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyConfig, validateConfig } from '../src/config.js';
import { loadConfigFile } from '../src/node.js';
import { SourdoughError } from '../src/errors.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourdough-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The message loading this config gives, or undefined when it loads. */
function problem(yaml: string, suggest?: (wanted: string, known: readonly string[]) => string[]): string | undefined {
  const file = join(dir, '.sourdough.yaml');
  writeFileSync(file, yaml);
  try {
    loadConfigFile(file, suggest ? { suggest } : {});
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(SourdoughError);
    expect((err as SourdoughError).code).toBe('SD_ERR_CONFIG');
    return (err as Error).message.replace(`${file}:`, 'FILE:');
  }
}

describe('config: detectors', () => {
  it('accepts parameters that fit the detector, including part of a detector whose rule requires more', () => {
    expect(problem('detectors:\n  small-sum: { threshold: 100, cues: [top-up] }\n  person-voice: { threshold: 0.3 }\n  signposting: {}\n')).toBeUndefined();
    const config = validateConfig({ detectors: { 'small-sum': { threshold: 100 } } });
    expect(applyConfig(config).detectorParams).toEqual({ 'small-sum': { threshold: 100 } });
  });

  it('refuses a parameter of the wrong type, naming file, line, key and what the setting is', () => {
    expect(problem('kind: plan\ndetectors:\n  small-sum:\n    threshold: "100"\n')).toBe(
      'FILE:4:16: setting `detectors.small-sum.threshold` must be a number (threshold: Weekly amount in pounds below which a sum counts as small (default 50))',
    );
    expect(problem('detectors:\n  person-voice: { threshold: 2 }\n')).toMatch(/^FILE:2:30: setting `detectors\.person-voice\.threshold` must be at most 1 \(threshold: Plans: report when/);
    expect(problem('detectors:\n  small-sum: { threshold: 0 }\n')).toMatch(/setting `detectors\.small-sum\.threshold` must be more than 0 /);
    expect(problem('detectors:\n  small-sum: { cues: [top-up, ""] }\n')).toMatch(/^FILE:2:31: setting `detectors\.small-sum\.cues` \(item 2\) must not be empty/);
    expect(problem('detectors:\n  small-sum: { cues: top-up }\n')).toMatch(/setting `detectors\.small-sum\.cues` must be a list /);
    expect(problem('detectors:\n  signposting: { closed: "yes" }\n')).toMatch(/setting `detectors\.signposting\.closed` must be true or false /);
    expect(problem('detectors:\n  person-voice: { mode: essay }\n')).toMatch(/setting `detectors\.person-voice\.mode` must be one of: plan, note /);
    expect(problem('detectors:\n  strengths: { minSentences: 2.5 }\n')).toMatch(/setting `detectors\.strengths\.minSentences` must be a whole number /);
  });

  it('refuses a setting the detector does not have, listing those it has', () => {
    expect(problem('detectors:\n  small-sum:\n    treshold: 100\n')).toBe('FILE:3:5: setting `detectors.small-sum.treshold` is not a setting of the small-sum detector; its settings are threshold, cues, weakCues, ignore');
    expect(problem('detectors:\n  need-vs-want: { strict: true }\n')).toMatch(/setting `detectors\.need-vs-want\.strict` is not a setting: the need-vs-want detector has no settings$/);
  });

  it('refuses a detector that does not exist, and a rule id given instead of a detector name', () => {
    const unknown = problem('detectors:\n  small-sums: { threshold: 100 }\n');
    expect(unknown).toMatch(/^FILE:2:3: setting `detectors\.small-sums` is not a detector; the detectors are about-me-problems, cheapest-option, date-of-birth, .*small-sum.* \(a rule names its detector with `detector:`\)$/);
    expect(problem('detectors:\n  gatekeeping/small-sum: { threshold: 100 }\n')).toBe("FILE:2:3: setting `detectors.gatekeeping/small-sum` is not a detector: `detectors` takes a detector's name, not a rule id (here `small-sum`)");
    expect(problem('detectors:\n  constructor: {}\n')).toMatch(/setting `detectors\.constructor` is not a detector/);
  });

  it('refuses a detector entry or a detectors block that is not a map', () => {
    expect(problem('detectors:\n  small-sum: 100\n')).toMatch(/^FILE:2:14: setting `detectors\.small-sum` must be a set of settings for the small-sum detector, such as `small-sum: \{ threshold: … \}`$/);
    expect(problem('detectors: [small-sum]\n')).toMatch(/setting `detectors` must be a set of detector names, each with its settings/);
  });
});

describe('config: everyday mistakes point at what to edit', () => {
  it('a misspelt setting points at its name (not its value), and offers the closest setting when asked', () => {
    expect(problem('kind: plan\ndisabel:\n  - jargon\n')).toBe('FILE:2:1: setting `disabel` is not a known setting; the settings are enable, disable, severity, rules, allow, kind, includeQuotes, minSeverity, detectors');
    const suggest = (wanted: string, known: readonly string[]): string[] => known.filter((k) => k.toLowerCase().replace(/_/g, '') === wanted.toLowerCase().replace(/_/g, '') || (wanted === 'disabel' && k === 'disable'));
    expect(problem('kind: plan\ndisabel:\n  - jargon\n', suggest)).toBe('FILE:2:1: setting `disabel` is not a known setting; did you mean `disable`?');
    expect(problem('include_quotes: true\n', suggest)).toBe('FILE:1:1: setting `include_quotes` is not a known setting; did you mean `includeQuotes`?');
    // Nested settings are pointed at by their own name too.
    expect(problem('detectors:\n  small-sum:\n    weakcues: [top-up]\n')).toMatch(/^FILE:3:5: setting `detectors\.small-sum\.weakcues` is not a setting of the small-sum detector/);
  });

  it('a value of the wrong kind points at the value and says what to write', () => {
    expect(problem('enable: blaming\n')).toBe('FILE:1:9: setting `enable` must be a list, such as `enable: [blaming]`');
    expect(problem('rules: ./team-rules\n')).toBe('FILE:1:8: setting `rules` must be a list, such as `rules: [./team-rules]`');
    expect(problem('disable:\n  - jargon\n  - 3\n')).toBe('FILE:3:5: setting `disable` (item 2) must be text: a rule id or a category');
    expect(problem('includeQuotes: yes\n')).toBe('FILE:1:16: setting `includeQuotes` must be true or false (yes is read as a word here)');
    expect(problem('includeQuotes: "true"\n')).toBe('FILE:1:16: setting `includeQuotes` must be true or false, without quotes');
    expect(problem('severity: error\n')).toBe('FILE:1:11: setting `severity` must be a set of rule ids or categories, each with a severity, such as `blaming: error`');
    expect(problem('severity:\n  blaming: high\n')).toBe('FILE:2:12: setting `severity.blaming` must be one of: info, warning, error');
    expect(problem('allow:\n  - person-centred\n  - ""\n')).toBe('FILE:3:5: setting `allow` (item 2) must not be empty');
    expect(problem('kind: note\ndisable:\n')).toBe('FILE:2:9: setting `disable` has nothing after it: give a list, or leave the setting out');
  });

  it('a file that is a list or a single word, not settings, says what a config holds', () => {
    expect(problem('- jargon\n- blaming\n')).toBe('FILE:1:1: a config holds settings, one `name: value` a line, such as `disable: [jargon]`; this one holds a list');
    expect(problem('jargon\n')).toBe('FILE:1:1: a config holds settings, one `name: value` a line, such as `disable: [jargon]`; this one holds a single value');
  });

  it('names the setting in the error location too', () => {
    try {
      validateConfig({ disable: ['jargon', 3] });
      expect.unreachable();
    } catch (err) {
      expect((err as SourdoughError).location).toEqual({ field: 'disable.1' });
      expect((err as Error).message).toBe('setting `disable` (item 2) must be text: a rule id or a category');
    }
  });
});
