/**
 * Start-up order of the built command line: loading it loads nothing of the engine (so `check
 * --jobs N` starts its workers before this thread loads the engine, and the two start-ups overlap),
 * and workers started that early are always stopped, even when the command then refuses to run.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, sourdough } from './helpers.js';

const cliModule = pathToFileURL(join(repoRoot, 'packages', 'cli', 'dist', 'cli.js')).href;

/** The module URLs a child process resolves while it imports `target` (via a module resolve hook). */
function modulesLoadedBy(target: string): string[] {
  const hooks = 'let port; export function initialize(d) { port = d.port; } export async function resolve(s, c, next) { const r = await next(s, c); port.postMessage(r.url); return r; }';
  const script = `
    import { register } from 'node:module';
    import { MessageChannel } from 'node:worker_threads';
    const { port1, port2 } = new MessageChannel();
    const seen = [];
    port1.on('message', (u) => seen.push(u));
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}), { data: { port: port2 }, transferList: [port2] });
    await import(${JSON.stringify(target)});
    setTimeout(() => { port1.close(); process.stdout.write(JSON.stringify(seen)); }, 200);
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as string[];
}

describe('start-up', () => {
  it('loading the command line loads nothing of the engine, the readers or compromise', () => {
    const urls = modulesLoadedBy(cliModule);
    // The hook sees the command line's own modules, so a silent failure cannot pass as "nothing loaded".
    expect(urls.some((u) => u.endsWith('/cli/dist/workers.js'))).toBe(true);
    expect(urls.some((u) => u.endsWith('/core/dist/types.js'))).toBe(true);
    expect(urls.filter((u) => /\/core\/dist\/(?!types\.js$)|\/readers\/dist\/|\/compromise\/|\/ajv\//.test(u))).toEqual([]);
  });

  it('the same hook does see the engine when the full package is loaded', () => {
    const urls = modulesLoadedBy(pathToFileURL(join(repoRoot, 'packages', 'cli', 'dist', 'index.js')).href);
    expect(urls.some((u) => u.endsWith('/core/dist/analyse.js'))).toBe(true);
  });

  it('stops workers it started early when check then refuses to run (exit 2, no hang)', async () => {
    const r = await sourdough(['check', '--jobs', '2', '-', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('standard input (-) can only be read once');
  });

  it('runs --print-config without starting workers, with the same answer as --jobs 1', async () => {
    const file = 'fixtures/documents/text-note/input.txt';
    const two = await sourdough(['check', '--jobs', '2', '--print-config', file]);
    const one = await sourdough(['check', '--jobs', '1', '--print-config', file]);
    expect(two.code).toBe(0);
    expect(JSON.parse(two.stdout)).toMatchObject({ file });
    expect(two.stdout).toBe(one.stdout);
  });
});
