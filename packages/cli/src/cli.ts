/**
 * `run(argv, io)`: the sourdough command line (SPEC §4), option parsing by commander. Never calls
 * process.exit; returns the exit code (0 clean, 1 findings over the limit, 2 usage or input error).
 */
import { Command, CommanderError, Option } from 'commander';
import type { Io } from './io.js';
import { check } from './commands/check.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

/** Run the CLI with arguments (without node and script) and streams; resolves to the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  let code = 0;
  const program = new Command('sourdough')
    .description('Checks how we write about people: flags deficit, blaming, dehumanising, controlling and gatekeeping language in support plans and case notes, and says what to write instead.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run sourdough --help for usage)');

  program
    .command('check')
    .description('check files (.txt, .md) or standard input (-)')
    .argument('[paths...]', 'files to check, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish'))
    .option('--include-quotes', "also report findings inside the person's own quoted words (at info)")
    .option('--enable <rules>', 'switch on rules or categories (comma-separated, repeatable)', collect)
    .option('--disable <rules>', 'switch off rules or categories (comma-separated, repeatable)', collect)
    .addOption(new Option('--min-severity <level>', 'only show findings at or above this severity').choices(['info', 'warning', 'error']))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new CommanderError(2, 'sourdough.usage', `--max-warnings needs a whole number, got "${v}"`);
      return n;
    })
    .action(async (paths: string[], opts) => {
      code = await check(paths, opts, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      if (err.code === 'sourdough.usage') io.stderr.write(`sourdough: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  return code;
}
