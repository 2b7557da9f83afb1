/**
 * `sourdough serve`: starts the API on 127.0.0.1, answers, stops gracefully; bad flags and busy
 * ports are usage errors (exit 2). The built binary is also started and stopped with SIGTERM.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { serve } from '../src/commands/serve.js';
import { run } from '../src/cli.js';
import { bin, fakeIo, repoRoot } from './helpers.js';

describe('sourdough serve', () => {
  it('listens on 127.0.0.1, answers the API, and returns 0 once stopped', async () => {
    const { io, err } = fakeIo();
    io.env = { SOURDOUGH_WORKERS: '1' };
    let url = '';
    const code = await serve({ port: 0 }, io, {
      onListening: (handle) => {
        url = handle.url;
        void (async () => {
          const res = await fetch(`${handle.url}/v1/analyse`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Jack refused lunch.' }) });
          expect(res.status).toBe(200);
          await handle.stop();
        })();
      },
    });
    expect(code).toBe(0);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(err()).toContain(`sourdough is listening on ${url}`);
    expect(err()).toContain(`${url}/docs`);
  });

  it('says it is listening only once the analysis workers have loaded the rules', async () => {
    const { io, err } = fakeIo();
    io.env = { SOURDOUGH_WORKERS: '1' };
    let readyz: unknown;
    let said = '';
    const code = await serve({ port: 0 }, io, {
      onListening: (handle) => {
        said = err();
        void (async () => {
          readyz = await (await fetch(`${handle.url}/readyz`)).json();
          await handle.stop();
        })();
      },
    });
    expect(code).toBe(0);
    expect(readyz).toMatchObject({ status: 'ok' });
    // A "starting" line comes first, then "listening".
    expect(said.indexOf('sourdough serve: starting')).toBeGreaterThanOrEqual(0);
    expect(said.indexOf('sourdough serve: starting')).toBeLessThan(said.indexOf('sourdough is listening on'));
  });

  it('loads extra rule packs given with --rules, relative to the working folder', async () => {
    const { io } = fakeIo();
    io.env = { SOURDOUGH_WORKERS: '1' };
    let ids: string[] = [];
    const code = await serve({ port: 0, rules: ['packages/server/test/fixtures/rules'] }, io, {
      onListening: (handle) => {
        void (async () => {
          const res = await fetch(`${handle.url}/v1/analyse`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'The zorblat is on Tuesday.' }) });
          ids = ((await res.json()) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
          await handle.stop();
        })();
      },
    });
    expect(code).toBe(0);
    expect(ids).toEqual(['jargon/zorblat']);
  });

  it('exits 2 with a clear message when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { io, err } = fakeIo();
      io.env = { SOURDOUGH_WORKERS: '1' };
      expect(await serve({ port }, io)).toBe(2);
      expect(err()).toContain(`port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('exits 2 for a port that is not a number', async () => {
    const { io, err } = fakeIo();
    expect(await run(['serve', '--port', 'eighty'], io)).toBe(2);
    expect(err()).toContain('--port needs a whole number');
  });

  it('exits 2 for a port above 65535, saying what range it takes', async () => {
    const { io, err } = fakeIo();
    expect(await run(['serve', '--port', '99999'], io)).toBe(2);
    expect(err()).toContain('--port needs a whole number from 0 to 65535, got "99999"');
    expect(err()).not.toContain('options.port');
  });

  it('exits 2 with a plain message and a next step for a host name that does not resolve', async () => {
    const { io, err } = fakeIo();
    io.env = { SOURDOUGH_WORKERS: '1' };
    expect(await serve({ port: 0, host: 'no-such-host.invalid' }, io)).toBe(2);
    expect(err()).toContain('cannot listen on no-such-host.invalid: no address of that name was found');
    expect(err()).toContain('127.0.0.1');
    expect(err()).not.toContain('getaddrinfo');
  });

  it('exits 2 for a bad SOURDOUGH_* setting, naming it', async () => {
    const { io, err } = fakeIo();
    io.env = { SOURDOUGH_BATCH_LIMIT: 'lots' };
    expect(await serve({ port: 0 }, io)).toBe(2);
    expect(err()).toContain('SOURDOUGH_BATCH_LIMIT');
  });

  it('the built binary serves until SIGTERM, then exits 0', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], { cwd: repoRoot, env: { ...process.env, SOURDOUGH_WORKERS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += String(d)));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    let url: string | undefined;
    for (let i = 0; i < 400 && !url; i++) {
      url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err)?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 50));
    }
    expect(url, err).toBeDefined();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(err).toContain('stopping');
  });

  it('the built binary stopped with SIGTERM while the workers are still starting exits 0, quietly', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], { cwd: repoRoot, env: { ...process.env, SOURDOUGH_WORKERS: '2' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    for (let i = 0; i < 800 && !err.includes('starting'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(err).toContain('sourdough serve: starting');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(err).toContain('stopping');
    expect(err).not.toContain('listening');
    expect(out, 'nothing is logged at warn or above').toBe('');
  });
});
