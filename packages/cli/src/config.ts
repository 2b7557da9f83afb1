/**
 * Config for `check` (and `audit`): `.sourdough.yaml` (or `.sourdough.yml`) found upward from each
 * file's folder — the nearest one wins, nothing cascades — or one file given with `--config`.
 * Command-line options always win over the file. Rule packs named in a config are relative to the
 * config file; `--rules` folders are relative to the working folder. Files are read through
 * `@sourdough/core/node`'s `loadConfigFile`, so a bad config names the file, line and key.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { applyConfig, CATEGORIES, didYouMean, type AnalyseOptions, type Config, type ConfigLocator } from '@sourdough/core';
import { loadConfigFileWithLocations } from '@sourdough/core/node';
import { unknownRuleName } from './rule-set.js';

/** The config file names looked for, in order, in each folder. */
export const CONFIG_NAMES = ['.sourdough.yaml', '.sourdough.yml'];

/** What applies to one file: analyse options, extra rule packs, and where they came from. */
export interface Effective {
  options: AnalyseOptions;
  /** Absolute folders of extra rule packs (config packs first, then `--rules`). */
  packs: string[];
  /** The config file used, if any. */
  configFile?: string;
}

/** How to find config. */
export interface ConfigResolverOptions {
  cwd: string;
  /** `--config FILE`: use this file for every input and do not look upward. */
  configFile?: string;
  /** Look for `.sourdough.yaml` upward from each file (default true; `--no-config-lookup`). */
  lookup?: boolean;
  /** Options from the command line (they win over the config). */
  cli?: AnalyseOptions;
  /** `--rules` folders (relative to cwd). */
  rulePacks?: string[];
}

/** Finds and caches the effective config of each input file. Errors are SourdoughErrors (SD_ERR_CONFIG). */
export class ConfigResolver {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly byFile = new Map<string, Effective>();
  /** Each config file read: its settings as written, and where each sits in the file. */
  private readonly loaded = new Map<string, { config: Config; locate: ConfigLocator }>();
  private readonly opts: ConfigResolverOptions;

  constructor(options: ConfigResolverOptions) {
    this.opts = options;
  }

  /** The nearest config file at or above `dir`, or undefined. */
  findConfig(dir: string): string | undefined {
    const chain: string[] = [];
    let here = dir;
    let found: string | undefined;
    for (;;) {
      if (this.byDir.has(here)) {
        found = this.byDir.get(here);
        break;
      }
      chain.push(here);
      const hit = CONFIG_NAMES.map((n) => join(here, n)).find((f) => existsSync(f));
      if (hit) {
        found = hit;
        break;
      }
      const up = dirname(here);
      if (up === here) break;
      here = up;
    }
    for (const d of chain) this.byDir.set(d, found);
    return found;
  }

  /** The config file that applies to an input path (`-` means standard input: the working folder). */
  configFor(path: string): string | undefined {
    if (this.opts.configFile) return resolve(this.opts.cwd, this.opts.configFile);
    if (this.opts.lookup === false) return undefined;
    const dir = path === '-' ? this.opts.cwd : dirname(resolve(this.opts.cwd, path));
    return this.findConfig(dir);
  }

  /** The effective settings for a config file (or none). */
  effective(configFile: string | undefined): Effective {
    const key = configFile ?? '';
    let e = this.byFile.get(key);
    if (!e) {
      let config: Config = {};
      if (configFile) {
        const loaded = loadConfigFileWithLocations(configFile, { suggest: didYouMean });
        config = loaded.config;
        this.loaded.set(configFile, loaded);
        // A severity name that is neither a category nor a rule id (applyConfig's check), named
        // with its place in the file and the closest names.
        const unknown = Object.keys(config.severity ?? {}).find((k) => !k.includes('/') && !(CATEGORIES as readonly string[]).includes(k));
        if (unknown !== undefined) throw unknownRuleName(unknown, this.where(configFile, 'severity', unknown), [...CATEGORIES], configFile);
      }
      const options = applyConfig(config, this.opts.cli ?? {});
      // The command line wins: a name given there decides for every rule it covers, so the file's
      // names under it are dropped (`--disable jargon` also drops the file's `enable:
      // [jargon/respite]`); within each place the most specific name decides, as in analyse().
      const cliNames = [...(this.opts.cli?.enable ?? []), ...(this.opts.cli?.disable ?? [])];
      const fromFile = (list: string[], cliCount: number): string[] => list.filter((name, i) => i < cliCount || !cliNames.some((c) => covers(c, name)));
      if (options.disable) options.disable = fromFile(options.disable, this.opts.cli?.disable?.length ?? 0);
      if (options.enable) options.enable = fromFile(options.enable, this.opts.cli?.enable?.length ?? 0);
      if (options.disable?.length === 0) delete options.disable;
      if (options.enable?.length === 0) delete options.enable;
      const packs = [
        ...(config.rules ?? []).map((p) => resolve(dirname(configFile!), p)),
        ...(this.opts.rulePacks ?? []).map((p) => resolve(this.opts.cwd, p)),
      ];
      e = { options, packs: [...new Set(packs)] };
      if (configFile) e.configFile = configFile;
      this.byFile.set(key, e);
    }
    return e;
  }

  /**
   * `FILE:LINE:COLUMN: LIST` for a rule name in a config file's `enable` or `disable` list or a
   * `severity` key (the name itself, what to edit), or `FILE: LIST` when it cannot be found.
   */
  where(configFile: string, list: 'enable' | 'disable' | 'severity', name: string): string {
    const file = this.loaded.get(configFile);
    let at: { line: number; column: number } | undefined;
    if (list === 'severity') at = file?.locate(['severity', name], { key: true });
    else {
      const i = file?.config[list]?.indexOf(name) ?? -1;
      if (i >= 0) at = file?.locate([list, i]);
    }
    return `${configFile}${at ? `:${at.line}:${at.column}` : ''}: ${list}`;
  }

  /** The effective settings for an input path. */
  forPath(path: string): Effective {
    return this.effective(this.configFor(path));
  }
}

/**
 * Whether a rule or category name covers another: `*` covers everything, a category its own name
 * and its rules' ids (`jargon` covers `jargon/respite`), a rule id only itself.
 */
export function covers(outer: string, inner: string): boolean {
  if (outer === '*' || outer === inner) return true;
  return !outer.includes('/') && inner !== '*' && inner.startsWith(`${outer}/`);
}
