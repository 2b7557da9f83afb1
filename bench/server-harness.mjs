// Shared by bench/server-load.mjs and scripts/soak.mjs: start the built server in a child process
// on a free port of 127.0.0.1 (rate limit off, logs at warn), wait until its workers are ready,
// read its memory from /metrics, and always stop it — also on a time bound.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The server's resident and heap memory in MB, from its /metrics. */
export async function memory(base) {
  const text = await (await fetch(`${base}/metrics`)).text();
  const get = (name) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { rssMb: get('sourdough_process_process_resident_memory_bytes') / 1e6, heapMb: get('sourdough_process_nodejs_heap_size_used_bytes') / 1e6 };
}

/**
 * CPU time (user + system, all threads: main, workers, GC) a process has used so far, in ms, from
 * /proc (Linux); undefined elsewhere. 10 ms resolution, so read it around thousands of requests.
 */
export function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return undefined;
  }
}

/**
 * Start the server (extra environment variables in `env`); it is stopped when this process exits,
 * and this process gives up with exit code 2 after `boundSeconds`. Resolves once /readyz is ok.
 * `workerFile` swaps the analysis worker (the bench's canned-result worker).
 */
export async function startServer({ env = {}, boundSeconds, label, workerFile }) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const entry = pathToFileURL(join(here, '../packages/server/dist/server.js')).href;
  const args = workerFile
    ? ['--input-type=module', '-e', `import { startServer } from ${JSON.stringify(entry)};\nawait startServer({ workerFile: new URL(${JSON.stringify(pathToFileURL(workerFile).href)}) });`]
    : [fileURLToPath(entry)];
  const server = spawn(process.execPath, args, {
    env: { ...process.env, SOURDOUGH_PORT: String(port), SOURDOUGH_HOST: '127.0.0.1', SOURDOUGH_RATE_LIMIT: '0', SOURDOUGH_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
  };
  process.on('exit', stop);
  const hardStop = setTimeout(() => {
    process.stderr.write(`${label}: gave up after the time bound\n`);
    stop();
    process.exit(2);
  }, boundSeconds * 1000);
  hardStop.unref();
  // Wait for the workers to compile the rules.
  let ready = false;
  for (let i = 0; i < 600 && !ready; i++) {
    ready = await fetch(`${base}/readyz`).then((r) => r.status === 200, () => false);
    if (!ready) await new Promise((r) => setTimeout(r, 100));
  }
  if (!ready) {
    stop();
    throw new Error('the server did not become ready within 60 s');
  }
  return { base, server, stop };
}

/**
 * Whether a p99 target (ms) is within reach at this many connections (bench/server-load.mjs).
 * autocannon keeps every connection busy, so the mean latency is connections ÷ throughput (Little's
 * law): p99 ≤ the target needs more than connections ÷ target requests/s, before any tail. The CPU
 * time (ms) that the server and autocannon use per request bounds the throughput the cores allow.
 * @returns {{ needed: number, perRequest?: number, allowed?: number, cores?: number }}
 */
export function capacity({ connections, p99Ms, cpuPerRequest, clientCpuPerRequest = 0, cores = availableParallelism() }) {
  const needed = (connections * 1000) / p99Ms;
  if (cpuPerRequest === undefined) return { needed };
  const perRequest = cpuPerRequest + clientCpuPerRequest;
  return { needed, perRequest, allowed: (cores * 1000) / perRequest, cores };
}
