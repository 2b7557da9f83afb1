// Load test for the REST API, called by `npm run bench` (needs the server built: dist/).
// Starts the server in a child process on 127.0.0.1 (rate limit off, logs at warn), warms it up,
// then autocannon POSTs a synthetic 2,000-word plan to /v1/analyse at 50 concurrent connections
// for 20 s, and prints throughput, latency percentiles, errors, the server's CPU time per request
// (all its threads, from /proc on Linux: steadier than wall-clock figures on a shared machine) and
// its memory before, during and after the run. Bounded in time; the server is always stopped.
// Then, as the peer measured in the same run, the same test with the analysis replaced by one
// result computed once (the canned-result worker): the server around the analysis.
// Then, on the real server, the paced run: the same connections offering the target's 200
// requests/s between them, evenly, instead of each sending its next request the moment the last is
// answered (the saturated run above): the latency at that load rather than at the server's limit.
// Flags: --quick (5 s), --duration N, --connections N, --json, --canned (only the canned run),
// --no-canned (only the real run), --sweep (instead: the real server at 5 to 50 connections, 10 s
// each, and the most connections at which p99 stays within the target), --paced-sweep (instead:
// paced loads of 200 requests/s and up, 10 s each, and the highest within the target). Targets (on
// a 2-core machine shared with autocannon): p99 <= 50 ms, >= 200 requests/s, zero errors, memory
// stable.
import autocannon from 'autocannon';
import { plan, rng } from './corpus.mjs';
import { fileURLToPath } from 'node:url';
import { capacity, cpuMs, memory, pacedLoad, pacedSchedule, startServer } from './server-harness.mjs';

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(name);
  return i === -1 ? fallback : Number(argv[i + 1]);
};
const quick = argv.includes('--quick');
const duration = flag('--duration', quick ? 5 : 20);
const connections = flag('--connections', 50);
const cannedOnly = argv.includes('--canned');
const CANNED_WORKER = fileURLToPath(new URL('../packages/server/test/fixtures/canned-worker.mjs', import.meta.url));
const TARGET = { p99Ms: 50, rps: 200 };

/** Start a server (the real worker, or with `canned` the canned-result one), run `fn`, and always stop it. */
async function withServer({ canned = false, label, boundSeconds }, fn) {
  let stop = () => {};
  try {
    const started = await startServer({ env: {}, boundSeconds, label, ...(canned ? { workerFile: CANNED_WORKER } : {}) });
    stop = started.stop;
    const opts = { url: `${started.base}/v1/analyse`, method: 'POST', headers: { 'content-type': 'application/json' }, body };
    return await fn(started, opts);
  } finally {
    stop();
  }
}

/** A short run at 10 connections, so the workers' code is optimised before anything is measured. */
const warmUp = (opts) => autocannon({ ...opts, connections: 10, duration: quick ? 2 : 5 });

/** One more request, queued behind the previous run's last ones: resolves once they are done. */
const drain = (opts) => fetch(opts.url, opts).then((res) => res.text());

/**
 * Starts counting the server's CPU time; the function it returns gives the time since, per request
 * for `requests` requests (undefined without /proc).
 */
function serverCpu(started) {
  const cpu0 = cpuMs(started.server.pid);
  return (requests) => {
    const cpu1 = cpuMs(started.server.pid);
    return cpu0 === undefined || cpu1 === undefined ? undefined : (cpu1 - cpu0) / Math.max(1, requests);
  };
}

/**
 * One autocannon run, with the errors counted together, the server's CPU time per request, and
 * autocannon's (this process: autocannon runs in it, and the memory sampler's share is negligible).
 */
async function measure(started, opts, connections, seconds) {
  const perRequest = serverCpu(started);
  const client0 = process.cpuUsage();
  const r = await autocannon({ ...opts, connections, duration: seconds });
  const client = process.cpuUsage(client0);
  const n = Math.max(1, r.requests.total);
  return {
    r,
    rps: r.requests.average,
    errors: r.errors + r.timeouts + r.non2xx,
    cpuPerRequest: perRequest(n),
    clientCpuPerRequest: (client.user + client.system) / 1000 / n,
  };
}

/** A paced run against the target (see pacedLoad in server-harness.mjs). */
async function paced(opts, rate, seconds) {
  const p = await pacedLoad(opts, { rate, connections, seconds });
  return { ...p, met: p.keptUp && p.errors === 0 && p.p99 <= TARGET.p99Ms };
}

const ms = (x) => `${x.toFixed(1)} ms`;

/** A table cell, right-aligned in `width` characters. */
const cell = (x, width) => String(x).padStart(width);

/** The last of `rows` (levels tried in order) before the first that misses: the level the target holds up to. */
function upToFirstMiss(rows, met) {
  const firstMiss = rows.findIndex((w) => !met(w));
  return firstMiss === -1 ? rows.at(-1) : rows[firstMiss - 1];
}

/** The paced run's report. */
function pacedLines(p) {
  const [fewest, most] = [Math.floor(p.offered / p.connections), Math.ceil(p.offered / p.connections)];
  const perConnection = `${fewest === most ? fewest : `${fewest}–${most}`} a second each`;
  return [
    `paced (the ${p.connections} connections offer ${p.offered} requests/s between them, ${perConnection}, their seconds staggered; ${p.seconds} s):`,
    `  ${p.rps.toFixed(0)} requests/s answered (${p.requests} requests${p.keptUp ? '' : ', FEWER than offered: the server fell behind'}), p50 ${ms(p.p50)}, p90 ${ms(p.p90)}, p99 ${ms(p.p99)}, max ${ms(p.max)}, ${p.errors} errors   target p99 ≤ ${TARGET.p99Ms} ms at ≥ ${TARGET.rps} requests/s, no errors   ${p.met ? 'met' : 'MISSED'}`,
  ];
}

function capacityLine(run) {
  const c = capacity({ connections, p99Ms: TARGET.p99Ms, cpuPerRequest: run.cpuPerRequest, clientCpuPerRequest: run.clientCpuPerRequest });
  const needs = `at ${connections} connections the mean latency is ${connections} ÷ throughput, so p99 ≤ ${TARGET.p99Ms} ms needs more than ${Math.round(c.needed).toLocaleString('en-GB')} requests/s before any tail`;
  if (c.allowed === undefined) return `capacity: ${needs}`;
  return `capacity: ${needs}; the server's ${run.cpuPerRequest.toFixed(2)} ms and autocannon's ${run.clientCpuPerRequest.toFixed(2)} ms of CPU per request allow at most ${Math.round(c.allowed).toLocaleString('en-GB')} requests/s on ${c.cores} cores`;
}

/** One load test: warm the server up, run autocannon, and measure CPU and memory. */
function loadTest({ canned }) {
  return withServer({ canned, label: 'server load test', boundSeconds: 2 * duration + 150 }, async (started, opts) => {
    const check = await fetch(opts.url, opts).then((r) => r.json());
    if (!Array.isArray(check.findings)) throw new Error('the server did not answer with findings');
    await warmUp(opts);
    await drain(opts);
    const before = await memory(started.base);
    // Sample the server's memory once a second during the run: "stable" means the second half of
    // the run uses no more than the first half (plus 15%), i.e. no steady growth.
    const samples = [];
    const sampler = setInterval(() => void memory(started.base).then((m) => samples.push(m), () => undefined), 1000);
    const run = await measure(started, opts, connections, duration);
    clearInterval(sampler);
    const after = await memory(started.base);
    const half = Math.floor(samples.length / 2);
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const firstHalf = mean(samples.slice(0, half).map((m) => m.rssMb));
    const secondHalf = mean(samples.slice(half).map((m) => m.rssMb));
    // The same server, the target's throughput offered evenly (see paced()).
    let pace;
    if (!canned) {
      await drain(opts);
      pace = await paced(opts, TARGET.rps, duration);
    }
    return { ...run, findings: check.findings.length, before, after, firstHalf, secondHalf, stable: samples.length >= 4 && secondHalf <= firstHalf * 1.15, pace };
  });
}

/**
 * The real server under each number of connections in turn (one server, warmed up once): how
 * latency grows with concurrency, and the most connections at which p99 stays within the target.
 */
function sweep(levels, seconds) {
  return withServer({ label: 'server load sweep', boundSeconds: levels.length * (seconds + 5) + 120 }, async (started, opts) => {
    await warmUp(opts);
    const rows = [];
    for (const c of levels) {
      await drain(opts); // the previous level's requests are done
      const { r, rps, errors, cpuPerRequest } = await measure(started, opts, c, seconds);
      rows.push({ connections: c, rps, p50: r.latency.p50, p99: r.latency.p99, errors, cpuPerRequest });
    }
    return rows;
  });
}

const text = plan(rng(3), 2000);
const body = JSON.stringify({ text, format: 'markdown' });
const words = text.split(/\s+/).length;

/** --sweep: print the sweep's table. */
async function runSweep() {
  const seconds = quick ? 3 : 10;
  const rows = await sweep([5, 10, 20, 30, 40, 50], seconds);
  const met = (w) => w.p99 <= TARGET.p99Ms && w.errors === 0;
  const upTo = upToFirstMiss(rows, met);
  console.log(
    [
      `POST /v1/analyse, ${words}-word plan, ${seconds} s at each number of connections (one server, warmed up once)`,
      'connections  requests/s  p50 ms  p99 ms  errors  server CPU ms/request  p99 target',
      ...rows.map((w) =>
        [cell(w.connections, 11), cell(w.rps.toFixed(0), 11), cell(w.p50, 7), cell(w.p99, 7), cell(w.errors, 7), cell(w.cpuPerRequest?.toFixed(2) ?? '?', 22), `  ${w.p99 <= TARGET.p99Ms ? 'met' : 'missed'}`].join(' '),
      ),
      upTo ? `p99 ≤ ${TARGET.p99Ms} ms with no errors at every level up to ${upTo.connections} connections` : `p99 ≤ ${TARGET.p99Ms} ms at none of the connection counts tried`,
    ].join('\n'),
  );
  if (argv.includes('--json')) console.log(JSON.stringify({ sweep: rows }));
}

/**
 * --paced-sweep: the real server (one, warmed up once) under paced loads of 200 requests/s and up,
 * from the connections, 10 s each: the highest offered load at which every request is answered,
 * with no errors and p99 within the target. Stops after the first level the server cannot keep up
 * with.
 */
async function runPacedSweep() {
  const seconds = quick ? 3 : 10;
  const levels = [200, 400, 600, 800, 1000, 1200];
  const rows = await withServer({ label: 'paced load sweep', boundSeconds: levels.length * (seconds + 8) + 120 }, async (started, opts) => {
    await warmUp(opts);
    const out = [];
    for (const rate of levels) {
      await drain(opts);
      const perRequest = serverCpu(started);
      const p = await paced(opts, rate, seconds);
      out.push({ ...p, cpuPerRequest: perRequest(p.requests) });
      if (!p.keptUp) break;
    }
    return out;
  });
  const upTo = upToFirstMiss(rows, (w) => w.met);
  console.log(
    [
      `POST /v1/analyse, ${words}-word plan, ${connections} connections offering each load evenly between them (see "paced" in the load test), ${seconds} s a level, one server warmed up once`,
      'offered/s  answered/s  p50 ms  p90 ms  p99 ms  max ms  errors  server CPU ms/request  target',
      ...rows.map((w) =>
        [cell(w.offered, 9), cell(w.rps.toFixed(0), 11), cell(w.p50.toFixed(1), 7), cell(w.p90.toFixed(1), 7), cell(w.p99.toFixed(1), 7), cell(w.max.toFixed(1), 7), cell(w.errors, 7), cell(w.cpuPerRequest?.toFixed(2) ?? '?', 22), `  ${w.met ? 'met' : w.keptUp ? 'missed' : 'missed (fell behind)'}`].join(' '),
      ),
      upTo ? `p99 ≤ ${TARGET.p99Ms} ms, every request answered, no errors, at every offered load up to ${upTo.offered} requests/s` : `p99 ≤ ${TARGET.p99Ms} ms at none of the loads tried`,
    ].join('\n'),
  );
  if (argv.includes('--json')) console.log(JSON.stringify({ pacedSweep: rows }));
}

/** The load test and its canned peer: print the figures against the targets. */
async function runLoad() {
  if (!cannedOnly) pacedSchedule({ rate: TARGET.rps, connections }); // the paced run's connections can carry the rate: fail now, not after the saturated run
  const t = await loadTest({ canned: cannedOnly });
  const { r, rps, errors, cpuPerRequest, clientCpuPerRequest, before, after, firstHalf, secondHalf, stable } = t;
  const p99 = r.latency.p99;
  const lines = [
    `POST /v1/analyse, ${words}-word plan (${(Buffer.byteLength(body) / 1024).toFixed(1)} KB, ${t.findings} findings), ${connections} connections, ${duration} s${cannedOnly ? ', analysis replaced by a canned result' : ''}`,
    'saturated (each connection sends its next request as soon as its last is answered):',
    `  throughput: ${rps.toFixed(0)} requests/s (${r.requests.total} requests)   target ≥ ${TARGET.rps}   ${rps >= TARGET.rps ? 'met' : 'MISSED'}`,
    `  latency: p50 ${r.latency.p50} ms, p90 ${r.latency.p90} ms, p99 ${p99} ms, max ${r.latency.max} ms   target p99 ≤ ${TARGET.p99Ms} ms   ${p99 <= TARGET.p99Ms ? 'met' : 'MISSED'}`,
    `  server CPU: ${cpuPerRequest === undefined ? 'not available (no /proc)' : `${cpuPerRequest.toFixed(2)} ms per request (all threads)`}; autocannon's: ${clientCpuPerRequest.toFixed(2)} ms per request`,
    `  ${capacityLine(t)}`,
    `  errors: ${errors} (${r.errors} connection errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx)   target 0   ${errors === 0 ? 'met' : 'MISSED'}`,
    `  server memory: RSS ${before.rssMb.toFixed(0)} MB before, mean ${firstHalf.toFixed(0)} MB in the first half of the run and ${secondHalf.toFixed(0)} MB in the second, ${after.rssMb.toFixed(0)} MB after; main heap ${before.heapMb.toFixed(0)} → ${after.heapMb.toFixed(0)} MB   target stable (second half ≤ first half + 15%)   ${stable ? 'met' : 'MISSED'}`,
  ];
  // The peer in the same run: the same server and requests with the analysis replaced by one
  // result computed once, so what the analysis costs and what the server around it costs are
  // read from one run on the same machine.
  let peer;
  if (!cannedOnly && !argv.includes('--no-canned')) {
    peer = await loadTest({ canned: true });
    const share = cpuPerRequest === undefined || peer.cpuPerRequest === undefined ? '' : `; the analysis is ${(cpuPerRequest - peer.cpuPerRequest).toFixed(2)} of the ${cpuPerRequest.toFixed(2)} ms of server CPU per request`;
    lines.push(
      `  the server around the analysis (same run, analysis replaced by a canned result): ${peer.rps.toFixed(0)} requests/s, p50 ${peer.r.latency.p50} ms, p99 ${peer.r.latency.p99} ms, ${peer.errors} errors, ${peer.cpuPerRequest?.toFixed(2) ?? '?'} ms of server CPU per request${share}`,
      `  ratio: the real server answers at ${(rps / peer.rps).toFixed(2)}× the canned server's throughput, with ${(p99 / Math.max(1, peer.r.latency.p99)).toFixed(1)}× its p99`,
    );
  }
  if (t.pace) lines.push(...pacedLines(t.pace));
  console.log(lines.join('\n'));
  if (argv.includes('--json')) console.log(JSON.stringify({ rps, latency: r.latency, paced: t.pace, errors, cpuPerRequest, clientCpuPerRequest, capacity: capacity({ connections, p99Ms: TARGET.p99Ms, cpuPerRequest, clientCpuPerRequest }), canned: cannedOnly, before, after, firstHalf, secondHalf, requests: r.requests.total, peer: peer && { rps: peer.rps, latency: peer.r.latency, errors: peer.errors, cpuPerRequest: peer.cpuPerRequest } }));
}

const [job, label] = argv.includes('--sweep') ? [runSweep, 'server load sweep'] : argv.includes('--paced-sweep') ? [runPacedSweep, 'paced load sweep'] : [runLoad, 'server load test'];
try {
  await job();
} catch (err) {
  process.stderr.write(`${label} failed: ${err.message}\n`);
  process.exitCode = 1;
}
