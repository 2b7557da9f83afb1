/**
 * `@sourdough/core/node`: loading rule packs and config files from disk. The only file system
 * access in core; everything else stays pure so the engine also runs in a browser or worker.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep, basename, dirname } from 'node:path';
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import type { Pattern, RuleData, SharedPattern } from './types.js';
import { validateRule, validateSharedPatterns } from './schema/rule.js';
import { SourdoughError } from './errors.js';
import { inflect } from './nlp/lemmas.js';
import { builtinSharedPatterns, compileRules, resolveNamed } from './rules/compile.js';
import { compileRegex } from './patterns/regex.js';
import { validateConfig, type Config, type ConfigLocator, type ConfigSuggest } from './config.js';

/** Parse YAML keeping positions; returns the value and a path → line/column locator. */
export function parseYamlWithLocations(
  source: string,
  file: string,
): { value: unknown; locate: ConfigLocator } {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(source, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const lc = lineCounter.linePos(e.pos[0]);
    throw new SourdoughError('SD_ERR_RULE_YAML', `${file}:${lc.line}:${lc.col}: YAML syntax error: ${e.message.split('\n')[0]}`, { file, line: lc.line, column: lc.col });
  }
  const locate: ConfigLocator = (path, options) => {
    // `key`: point at the key itself (`disabel:`), not at its value: the key is what to edit.
    if (options?.key && path.length) {
      const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
      const last = String(path[path.length - 1]);
      const pair = isMap(parent) ? parent.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === last) : undefined;
      if (pair && isNode(pair.key) && pair.key.range) {
        const lc = lineCounter.linePos(pair.key.range[0]);
        return { line: lc.line, column: lc.col };
      }
    }
    for (let n = path.length; n >= 0; n--) {
      const node = path.length === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        // For a map key, point at the key's line when the whole path resolved.
        const lc = lineCounter.linePos(node.range[0]);
        return { line: lc.line, column: lc.col };
      }
      if (n === 0 && isNode(doc.contents) && doc.contents.range) {
        const lc = lineCounter.linePos(doc.contents.range[0]);
        return { line: lc.line, column: lc.col };
      }
    }
    return undefined;
  };
  return { value: doc.toJS(), locate };
}

/**
 * The patterns a pack's rules may cite by name (`named: <name>`): the built-in ones
 * (`rules/_patterns.yaml`, bundled) and the pack's own `_patterns.yaml`, when it has one, over
 * them. Each entry is validated (file, line and name in the error) and its regex checked as a
 * rule's own regex is.
 */
export function loadSharedPatterns(dir: string): Record<string, SharedPattern> {
  const file = join(dir, '_patterns.yaml');
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return builtinSharedPatterns();
    throw new SourdoughError('SD_ERR_READ', `cannot read ${file}: ${(err as Error).message}`, { file });
  }
  const { value, locate } = parseYamlWithLocations(source, file);
  const own = validateSharedPatterns(value, file, locate);
  for (const [name, entry] of Object.entries(own)) {
    if (!('regex' in entry)) continue;
    try {
      compileRegex(entry.regex, entry.caseSensitive, name, file);
    } catch (err) {
      if (!(err instanceof SourdoughError)) throw err;
      throw located(err, file, locate([name, 'regex']), `${name}.regex`, `shared pattern "${name}": `);
    }
  }
  return { ...builtinSharedPatterns(), ...own };
}

/**
 * Read and validate one rule file; `root` is the pack folder (id must equal the relative path).
 * `named:` patterns are replaced by the shared patterns they cite (`shared`; by default the
 * pack's, see loadSharedPatterns), so the rule that comes back needs no shared list to compile.
 */
export function loadRuleFile(file: string, root?: string, shared?: Record<string, SharedPattern>): RuleData {
  const source = readFileSync(file, 'utf8');
  const { value, locate } = parseYamlWithLocations(source, file);
  const rule = validateRule(value, file, locate);
  if (root) {
    const expected = relative(root, file).split(sep).join('/').replace(/\.ya?ml$/, '');
    if (rule.id !== expected) {
      const where = locate(['id']);
      throw new SourdoughError('SD_ERR_RULE_SCHEMA', `${file}${where ? `:${where.line}:${where.column}` : ''}: field \`id\` is "${rule.id}" but the file path says "${expected}"`, { file, field: 'id', ...(where ?? {}) });
    }
    const folder = basename(dirname(file));
    if (rule.category !== folder) {
      const where = locate(['category']);
      throw new SourdoughError('SD_ERR_RULE_SCHEMA', `${file}${where ? `:${where.line}:${where.column}` : ''}: field \`category\` is "${rule.category}" but the rule sits in folder "${folder}"`, { file, field: 'category', ...(where ?? {}) });
    }
  }
  rule.file = file;
  resolveShared(rule, shared ?? (root ? loadSharedPatterns(root) : builtinSharedPatterns()), file, locate);
  const expanded: Record<string, string[]> = {};
  for (const p of [...(rule.patterns ?? []), ...(rule.unless ?? [])]) if ('lemma' in p) expanded[p.lemma] = inflect(p.lemma, p.pos);
  if (Object.keys(expanded).length) rule.expanded = expanded;
  checkCompiles(rule, file, locate);
  return rule;
}

/**
 * `err` again, pointed at `file`, the line and column `where` (when found) and `field`, with
 * `lead` before its own words (its file prefix, if any, dropped): how every rule-file error that
 * compiling finds is made to point at the line to edit.
 */
function located(err: SourdoughError, file: string, where: { line: number; column: number } | undefined, field: string, lead = ''): SourdoughError {
  const detail = err.message.startsWith(`${file}: `) ? err.message.slice(file.length + 2) : err.message.replace(/^[^:]*: /, '');
  return new SourdoughError(err.code, `${file}${where ? `:${where.line}:${where.column}` : ''}: ${lead}${detail}`, { file, field, ...(where ?? {}) }, { cause: err });
}

/** Replace each `named:` pattern of a rule by the shared pattern it cites, pointing any error at its line. */
function resolveShared(rule: RuleData, shared: Record<string, SharedPattern>, file: string, locate: (path: (string | number)[]) => { line: number; column: number } | undefined): void {
  for (const list of ['patterns', 'unless'] as const) {
    const items = rule[list];
    if (!items?.some((p) => 'named' in p)) continue;
    rule[list] = items.map((p, i): Pattern => {
      try {
        return resolveNamed(p, shared, rule, list);
      } catch (err) {
        if (!(err instanceof SourdoughError)) throw err;
        throw located(err, file, locate([list, i, 'named']), `${list}.${i}.named`);
      }
    });
  }
}

/**
 * Compile one rule on its own (regex safety, match anchors, detector and params, placeholders) and
 * point any error at the line of the offending field, like schema errors.
 */
function checkCompiles(rule: RuleData, file: string, locate: (path: (string | number)[]) => { line: number; column: number } | undefined): void {
  try {
    compileRules([rule], { validate: false });
  } catch (err) {
    if (!(err instanceof SourdoughError)) throw err;
    const field = err.location?.field ?? '';
    let path: (string | number)[] = field ? field.split('.') : [];
    // A pattern error: find which pattern (or unless entry) it is by compiling each alone.
    const [list, kind] = path as [string | undefined, string | undefined];
    if ((list === 'patterns' || list === 'unless') && kind) {
      for (const key of ['patterns', 'unless'] as const) {
        const items = rule[key] ?? [];
        const at = items.findIndex((p) => {
          if (!(kind in p)) return false;
          try {
            compileRules([{ ...rule, patterns: [p], unless: [], detector: undefined } as unknown as RuleData], { validate: false });
            return false;
          } catch {
            return true;
          }
        });
        if (at >= 0) {
          path = [key, at, kind];
          break;
        }
      }
    }
    const where = locate(path);
    if (!where) throw err;
    throw located(err, file, where, path.join('.') || field);
  }
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else if (/\.ya?ml$/.test(name) && !name.startsWith('.') && !name.startsWith('_') && name !== 'allow-list.yaml') out.push(full);
  }
  return out;
}

/**
 * Load every rule under `dir` (`<category>/<name>.yaml`), validate each with file/line/field
 * errors, and check that the whole pack compiles (regex safety, detectors, match anchors).
 */
export function loadRulePack(dir: string): RuleData[] {
  let files: string[];
  try {
    files = walk(dir);
  } catch (err) {
    // Plain words for the usual slips (a mistyped --rules folder, a rule file named instead of its
    // folder) rather than Node's "ENOENT: no such file or directory, scandir '…'".
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'there is no such folder'
      : code === 'ENOTDIR' ? 'it is a file, not a folder of rules (name the folder that holds <category>/<name>.yaml)'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : (err as Error).message;
    throw new SourdoughError('SD_ERR_READ', `cannot read rule pack ${dir}: ${why}`, { file: dir });
  }
  const shared = loadSharedPatterns(dir);
  const rules = files.map((f) => loadRuleFile(f, dir, shared));
  compileRules(rules, { validate: false });
  return rules;
}

/** Read the protected-terms allow-list (`allow-list.yaml`: lists of phrases, grouped). */
export function loadAllowList(file: string): string[] {
  const { value } = parseYamlWithLocations(readFileSync(file, 'utf8'), file);
  const out: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(value);
  return out;
}

/**
 * Read and validate a `.sourdough.yaml` config file (errors name file, line and column of what to
 * edit, and the setting). `suggest` offers the closest known names for a misspelt setting.
 */
export function loadConfigFile(file: string, options: { suggest?: ConfigSuggest } = {}): Config {
  return loadConfigFileWithLocations(file, options).config;
}

/**
 * loadConfigFile, also returning a locator: where a setting (or, with `key`, its name) sits in the
 * file, for messages about a value checked later (a rule name that is not a rule).
 */
export function loadConfigFileWithLocations(
  file: string,
  options: { suggest?: ConfigSuggest } = {},
): { config: Config; locate: ConfigLocator } {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SourdoughError('SD_ERR_CONFIG', `cannot read config ${file}: ${(err as Error).message}`, { file });
  }
  let parsed;
  try {
    parsed = parseYamlWithLocations(source, file);
  } catch (err) {
    if (err instanceof SourdoughError) throw new SourdoughError('SD_ERR_CONFIG', err.message, err.location);
    throw err;
  }
  return { config: validateConfig(parsed.value, file, parsed.locate, options.suggest), locate: parsed.locate };
}
