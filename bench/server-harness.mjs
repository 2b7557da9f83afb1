// Shared by bench/server-load.mjs and scripts/soak.mjs: start the built server in a child process
// on a free port of 127.0.0.1 (rate limit off, logs at warn), wait until its workers are ready,
// read its memory from /metrics, and always stop it — also on a time bound.
import autocannon from 'autocannon';
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
  return { rssMb: get('sourdough_process_resident_memory_bytes') / 1e6, heapMb: get('sourdough_nodejs_heap_size_used_bytes') / 1e6 };
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

/**
 * How `connections` connections offer `rate` requests/s evenly (bench/server-load.mjs, paced
 * load): each connection gets a whole number of requests a second (the remainder spread one each
 * over the first connections), and their seconds start at even steps across one second, so the
 * connections' requests arrive spread out rather than all at the turn of each second (autocannon
 * counts its rate per connection and per second, from the moment the connection starts).
 * @returns {{ rate: number, startMs: number }[]} one entry per connection
 */
export function pacedSchedule({ rate, connections }) {
  if (!Number.isInteger(connections) || connections < 1) throw new RangeError('connections must be a whole number, at least 1');
  if (!Number.isInteger(rate) || rate < connections) throw new RangeError('the rate must be a whole number of requests a second, at least one for each connection');
  return Array.from({ length: connections }, (_, k) => ({ rate: Math.floor(rate / connections) + (k < rate % connections ? 1 : 0), startMs: (k * 1000) / connections }));
}

/**
 * Latency percentiles (nearest rank: the smallest latency that at least p% of the requests did
 * not exceed) and throughput, from every answered request's latency in ms.
 * @param {number[]} latencies
 * @param {number} seconds how long each connection ran
 * @returns {{ requests: number, rps: number, p50: number, p90: number, p99: number, max: number }}
 */
export function latencySummary(latencies, seconds) {
  const sorted = Float64Array.from(latencies).sort();
  const rank = (p) => (sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
  return { requests: sorted.length, rps: sorted.length / seconds, p50: rank(50), p90: rank(90), p99: rank(99), max: sorted.length ? sorted[sorted.length - 1] : NaN };
}

/**
 * Paced load: `connections` connections offering `rate` requests/s between them, evenly, for
 * `seconds` each: one autocannon instance per connection, with autocannon's per-connection rate,
 * their starts spread over one second (pacedSchedule). Unlike a saturated run, where each connection
 * sends its next request the moment the last is answered, the offered load is fixed, so the latency
 * read is the server's at that load. Latencies are autocannon's own, per request answered (2xx);
 * coordinated omission is not corrected, so a server that cannot keep up shows as fewer requests
 * answered than offered: `keptUp` is false below 98% of the offered rate (the slack covers the
 * connections starting, and stopping, within a second of each other).
 * @param {object} opts autocannon options for one request (url, method, headers, body)
 */
export async function pacedLoad(opts, { rate, connections, seconds }) {
  const schedule = pacedSchedule({ rate, connections });
  const latencies = [];
  let failed = 0;
  const runs = [];
  const t0 = performance.now();
  for (const { rate: perConnection, startMs } of schedule) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, t0 + startMs - performance.now())));
    const instance = autocannon({ ...opts, connections: 1, connectionRate: perConnection, duration: seconds, ignoreCoordinatedOmission: true });
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
      else failed++;
    });
    runs.push(instance.then((res) => (failed += res.errors + res.timeouts)));
  }
  await Promise.all(runs);
  const summary = latencySummary(latencies, seconds);
  return { offered: rate, connections, seconds, ...summary, errors: failed, keptUp: summary.rps >= rate * 0.98 };
}
