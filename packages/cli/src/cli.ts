/**
 * `run(argv, io)`: the sourdough command line (SPEC §4), option parsing by commander. Never calls
 * process.exit; returns the exit code (0 clean, 1 findings over the limit, 2 usage or input error).
 * One file per subcommand in `commands/`, each loaded only when it runs; `serve` is registered by
 * the server package's command. Nothing of the engine is loaded at start, so `check --jobs N` can
 * start its worker threads first and their start-up overlaps this thread's.
 */
import { Command, CommanderError, Option } from 'commander';
import { CATEGORIES, SEVERITIES } from '@sourdough/core/types';
import { formats, printable } from '@sourdough/reporters';
import type { Io } from './io.js';
import type { CheckOptions } from './commands/check.js';
import type { ServeOptions } from './commands/serve.js';
import { earlyAnalyser } from './workers.js';
import { freshBundle } from './bundle.js';
import { cliVersion } from './version.js';
import { isWriteFailure, writeProblem } from './write-error.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
const repeat = (value: string, previous: string[] = []): string[] => [...previous, value];

function wholeNumber(flag: string, min: number, max?: number) {
  return (v: string): number => {
    const n = Number(v);
    const range = max !== undefined ? ` from ${min} to ${max}` : min > 0 ? ` of at least ${min}` : '';
    if (!Number.isInteger(n) || n < min || (max !== undefined && n > max)) throw new CommanderError(2, 'sourdough.usage', `${flag} needs a whole number${range}, got "${v}"`);
    return n;
  };
}

/** Rule and config options shared by `check` and `audit` (`verb`: what happens to findings). */
function ruleOptions(cmd: Command, verb: 'report' | 'count'): Command {
  return cmd
    .option('-c, --config <file>', 'use this config file for every input (no .sourdough.yaml lookup)')
    .option('--no-config-lookup', 'do not look for .sourdough.yaml files')
    .option('--rules <dir>', 'also load the rules in this folder (repeatable)', repeat)
    .option('--enable <rules>', 'switch on rules or categories (comma-separated, repeatable)', collect)
    .option('--disable <rules>', 'switch off rules or categories (comma-separated, repeatable)', collect)
    .option('--allow <phrase>', 'never flag this phrase (repeatable)', repeat)
    .addOption(new Option('--kind <kind>', 'what the documents are, for voice checks').choices(['plan', 'note', 'auto']))
    .addOption(new Option('--min-severity <level>', `only ${verb} findings at or above this severity`).choices([...SEVERITIES]))
    .option('--include-quotes', `also ${verb} findings inside the person's own quoted words (at info)`);
}

/** Input and batch options shared by `check` and `audit` (only `check` starts fewer workers for a few small files). */
function inputOptions(cmd: Command, name: 'check' | 'audit'): Command {
  return cmd
    .option('--text-field <name>', 'CSV/JSONL field holding the text', 'text')
    .option('--id-field <name>', 'CSV/JSONL field holding the record id', 'id')
    .option('--stdin-filename <name>', 'file name for standard input; its extension picks the reader (e.g. notes.jsonl)')
    .option('--ignore-pattern <pattern>', '.gitignore-style pattern of files to skip in folders and globs (repeatable)', repeat)
    .option('--ignore-path <file>', 'ignore file to use (default: .sourdoughignore in the working folder)')
    .option('-j, --jobs <n>', `documents analysed in parallel on worker threads (default: cores − 1, at least 1${name === 'check' ? '; fewer for a few small files' : ''})`, wholeNumber('--jobs', 1))
    .option('--no-progress', 'never show the progress bar');
}

/** Run the CLI with arguments (without node and script) and streams; resolves to the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  let code = 0;
  const program = new Command('sourdough')
    .description('Checks how we write about people: flags deficit, blaming, dehumanising, controlling and gatekeeping language in support plans and case notes, and says what to write instead.')
    .version(cliVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run sourdough --help for usage)');

  const checkCommand = program
    .command('check')
    .description('check documents (.txt .md .markdown .html .docx), record exports (.csv .jsonl: one document per row), folders, globs, or standard input (-)')
    .argument('[paths...]', 'files, folders or globs to check, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...formats]).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--print-config <file>', 'print the settings that apply to a file, and exit')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', wholeNumber('--max-warnings', 0));
  inputOptions(ruleOptions(checkCommand, 'report'), 'check').action(async (paths: string[], opts: CheckOptions) => {
    // Workers first, then the engine in this thread: the two start-ups run side by side.
    const analyser = earlyAnalyser(paths, opts, io.cwd);
    // From dist/, the single-file bundle of the command when it is current (it loads in under half the CPU time).
    const bundled = freshBundle(new URL('./', import.meta.url), 'check');
    const { check } = bundled ? ((await import(bundled.href)) as typeof import('./commands/check.js')) : await import('./commands/check.js');
    code = await check(paths, opts, io, analyser);
  });

  const auditCommand = program
    .command('audit')
    .description('audit many documents or record exports for quality leads: report.html (charts, tables, examples), findings.csv, documents.csv and summary.json in a folder (see docs/audit.md)')
    .argument('[paths...]', 'CSV/JSONL exports, files, folders or globs, or - for standard input')
    .requiredOption('-o, --output <dir>', 'folder to write the report into (created if needed)')
    .option('--group-by <field>', 'record field to compare groups by, e.g. team or record type (repeatable; folder groups plain files by folder)', repeat)
    .option('--date-field <field>', 'record field holding the date, for trends over time')
    .addOption(new Option('--period <period>', 'trend period').choices(['month', 'quarter']).default('month'))
    .option('--compare <file>', 'summary.json of an earlier audit: add the change since then')
    .option('--allow-rule-changes', 'compare even when the earlier audit used different rules or settings')
    .option('--no-excerpts', 'leave example sentences out of every output');
  inputOptions(ruleOptions(auditCommand, 'count'), 'audit').action(async (paths: string[], opts) => {
    const { audit } = await import('./commands/audit.js');
    code = await audit(paths, opts, io);
  });

  program
    .command('rules')
    .description('list the rules')
    .addOption(new Option('--category <category>', 'only this category').choices([...CATEGORIES]))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--rules <dir>', 'also load the rules in this folder (repeatable)', repeat)
    .action(async (opts) => {
      const { rules } = await import('./commands/rules.js');
      code = rules(opts, io);
    });

  program
    .command('explain')
    .description('explain a rule: why it matters, what to write instead, examples and sources')
    .argument('<rule>', 'rule id, e.g. blaming/refuses')
    .option('--rules <dir>', 'also load the rules in this folder (repeatable)', repeat)
    .action(async (rule: string, opts) => {
      const { explain } = await import('./commands/explain.js');
      code = explain(rule, opts, io);
    });

  program
    .command('serve')
    .description('start the REST API and LanguageTool-compatible server (settings: docs/api.md)')
    .option('-p, --port <n>', 'port to listen on (default 3000, or SOURDOUGH_PORT)', wholeNumber('--port', 0, 65535))
    .option('--host <address>', 'address to listen on (default 127.0.0.1: this machine only; or SOURDOUGH_HOST)')
    .option('--rules <dir>', 'also load the rules in this folder (repeatable)', repeat)
    .action(async (opts: ServeOptions) => {
      const { serve } = await import('./commands/serve.js');
      code = await serve(opts, io);
    });

  // A usage mistake in a command points at that command's own help, which lists its options.
  for (const cmd of program.commands) cmd.showHelpAfterError(`(run sourdough ${cmd.name()} --help for usage)`);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      if (err.code === 'sourdough.usage') io.stderr.write(`sourdough: ${printable(err.message)}\n`);
      return 2;
    }
    // The reader of our output went away (e.g. `| head`): stop quietly.
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') return code || 0;
    // A full disk is not a bug in sourdough: say what happened and what to do.
    if (isWriteFailure(err)) {
      io.stderr.write(`sourdough: ${printable(writeProblem(err, 'the report', 'file'))}\n`);
      return 2;
    }
    io.stderr.write(`sourdough: internal error: ${printable(String((err as Error).message))}\n`);
    return 2;
  }
  return code;
}
