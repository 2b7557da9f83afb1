// Soak test for the REST API (`npm run soak`; not in CI). Starts the built server in a child
// process on 127.0.0.1 (rate limit off, logs at warn), then sends a steady stream of requests for
// a bounded time (default 300 s at 20 requests/s; two minutes is too short: one climb of the sawtooth below lasts longer): notes and plans of different sizes, small
// batches, and requests that fail (bad JSON, unknown rules, wrong types). It samples the server's
// memory from /metrics every 2 s. The worker threads' heaps make RSS a sawtooth (it climbs for a
// minute or more, then a major collection drops it), so "flat" compares floors, not ends: after a
// warm-up (the first quarter of the run), the lowest RSS in the last third must be within 15%
// (+16 MB) of the lowest RSS in the first third, and the peak of the last third within 15% of the
// overall peak before it. Prints the figures (and JSON with --json); exits 1 when memory grows or a
// request gets an unexpected answer. Flags: --duration S, --rate N, --json.
// The text is synthetic (bench/corpus.mjs); nothing is logged or kept.
import { note, plan, rng } from '../bench/corpus.mjs';
import { memory, startServer } from '../bench/server-harness.mjs';

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(name);
  return i === -1 ? fallback : Number(argv[i + 1]);
};
const duration = flag('--duration', 300);
const rate = flag('--rate', 20);

let stop = () => {};

/** The request mix: [weight, expected status, body]. */
function mix() {
  const r = rng(11);
  const json = (o) => JSON.stringify(o);
  return [
    [6, 200, () => json({ text: note(r, 150) })],
    [2, 200, () => json({ text: plan(r, 1500), format: 'markdown' })],
    [1, 200, () => json({ documents: Array.from({ length: 10 }, (_, k) => ({ id: `n-${k}`, text: note(r, 80) })) }), '/v1/analyse/batch'],
    [1, 400, () => '{"text": "unterminated'],
    [1, 400, () => json({ text: 'Sam chose lunch.', rules: { enable: ['no-such/rule'] } })],
    [1, 400, () => json({ text: 42 })],
  ];
}

try {
  const started = await startServer({ env: { SOURDOUGH_WORKERS: '2' }, boundSeconds: duration + 120, label: 'soak test' });
  stop = started.stop;
  const base = started.base;

  const kinds = mix();
  const bag = kinds.flatMap((k, i) => Array(k[0]).fill(i));
  const counts = { sent: 0, ok: 0, expectedFailures: 0, unexpected: 0 };
  const surprises = {};
  const inFlight = new Set();
  const samples = [];
  const t0 = Date.now();
  const sampler = setInterval(() => void memory(base).then((m) => samples.push({ s: (Date.now() - t0) / 1000, ...m }), () => undefined), 2000);
  let i = 0;
  const sender = setInterval(() => {
    const [, expected, body, path = '/v1/analyse'] = kinds[bag[i++ % bag.length]];
    counts.sent++;
    const p = fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body() })
      .then(async (res) => {
        await res.arrayBuffer();
        if (res.status === expected) counts[expected === 200 ? 'ok' : 'expectedFailures']++;
        else {
          counts.unexpected++;
          surprises[`${path} ${res.status}`] = (surprises[`${path} ${res.status}`] ?? 0) + 1;
        }
      })
      .catch(() => counts.unexpected++)
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }, 1000 / rate);
  await new Promise((res) => setTimeout(res, duration * 1000));
  clearInterval(sender);
  await Promise.all(inFlight);
  clearInterval(sampler);
  const end = await memory(base);

  const warm = samples.filter((x) => x.s >= duration / 4);
  const atWarm = warm[0] ?? end;
  const n = warm.length;
  const mx = warm.reduce((a, x) => a + x.s, 0) / Math.max(1, n);
  const my = warm.reduce((a, x) => a + x.rssMb, 0) / Math.max(1, n);
  const slope = warm.reduce((a, x) => a + (x.s - mx) * (x.rssMb - my), 0) / Math.max(1e-9, warm.reduce((a, x) => a + (x.s - mx) ** 2, 0));
  const perMinute = slope * 60;
  const peak = Math.max(...samples.map((x) => x.rssMb));
  const third = (k) => warm.filter((x) => x.s >= duration / 4 + (k * (duration * 3)) / 4 / 3 && x.s < duration / 4 + ((k + 1) * (duration * 3)) / 4 / 3);
  const floor = (xs) => Math.min(...xs.map((x) => x.rssMb));
  const top = (xs) => Math.max(...xs.map((x) => x.rssMb));
  const [first, , last] = [third(0), third(1), third(2)];
  const before = warm.filter((x) => x.s < duration / 4 + (2 * (duration * 3)) / 4 / 3);
  const flat = first.length >= 2 && last.length >= 2 && floor(last) <= floor(first) * 1.15 + 16 && top(last) <= top([...samples.filter((x) => x.s < duration / 4), ...before]) * 1.15;
  const lines = [
    `soak: ${duration} s at ${rate} requests/s — ${counts.sent} sent, ${counts.ok} answered 200, ${counts.expectedFailures} refused as expected (400), ${counts.unexpected} unexpected`,
    `server RSS: ${samples[0]?.rssMb.toFixed(0)} MB at start, ${atWarm.rssMb.toFixed(0)} MB after warm-up (${(duration / 4).toFixed(0)} s), peak ${peak.toFixed(0)} MB, ${end.rssMb.toFixed(0)} MB at the end; lowest ${first.length ? floor(first).toFixed(0) : '?'} MB in the first third after warm-up and ${last.length ? floor(last).toFixed(0) : '?'} MB in the last; fitted growth ${perMinute.toFixed(1)} MB/min; main heap ${atWarm.heapMb.toFixed(0)} → ${end.heapMb.toFixed(0)} MB   ${flat ? 'flat' : 'GROWING'}`,
  ];
  if (counts.unexpected) lines.push(`unexpected answers: ${JSON.stringify(surprises)}`);
  console.log(lines.join('\n'));
  if (argv.includes('--json')) console.log(JSON.stringify({ duration, rate, counts, atWarm, end, peak, perMinute, samples }));
  if (argv.includes('--trace')) console.log(samples.map((x) => `${x.s.toFixed(0)}s:${x.rssMb.toFixed(0)}`).join(' '));
  if (!flat || counts.unexpected) process.exitCode = 1;
} catch (err) {
  process.stderr.write(`soak test failed: ${err.message}\n`);
  process.exitCode = 1;
} finally {
  stop();
}
