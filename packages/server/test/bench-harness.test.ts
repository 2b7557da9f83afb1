/**
 * The load test's arithmetic and its paced load (bench/server-harness.mjs, used by `npm run bench`):
 * the capacity line, the schedule that spreads a paced load over the connections, the latency
 * percentiles, and — against a small local HTTP server that records when each request arrives —
 * that a paced load really arrives spread out and is counted in full.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error plain JS module without type declarations, shared with bench/server-load.mjs
import * as harness from '../../../bench/server-harness.mjs';
import { build } from './helper.js';

interface Slot {
  rate: number;
  startMs: number;
}
interface Summary {
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}
interface Paced extends Summary {
  offered: number;
  connections: number;
  seconds: number;
  errors: number;
  keptUp: boolean;
}
const { capacity, pacedSchedule, latencySummary, pacedLoad } = harness as {
  capacity(o: { connections: number; p99Ms: number; cpuPerRequest?: number; clientCpuPerRequest?: number; cores?: number }): { needed: number; perRequest?: number; allowed?: number; cores?: number };
  pacedSchedule(o: { rate: number; connections: number }): Slot[];
  latencySummary(latencies: number[], seconds: number): Summary;
  pacedLoad(opts: object, o: { rate: number; connections: number; seconds: number }): Promise<Paced>;
};

describe('capacity()', () => {
  it('needs connections ÷ target requests/s, and allows cores ÷ CPU per request', () => {
    expect(capacity({ connections: 50, p99Ms: 50 })).toEqual({ needed: 1000 });
    const c = capacity({ connections: 50, p99Ms: 50, cpuPerRequest: 1.5, clientCpuPerRequest: 0.1, cores: 2 });
    expect(c.needed).toBe(1000);
    expect(c.perRequest).toBeCloseTo(1.6);
    expect(c.allowed).toBeCloseTo(1250);
    expect(c.cores).toBe(2);
    expect(capacity({ connections: 20, p99Ms: 50, cpuPerRequest: 2, cores: 4 }).allowed).toBe(2000);
  });
});

describe('pacedSchedule()', () => {
  it('gives each connection its share of the rate and spreads their starts over one second', () => {
    const s = pacedSchedule({ rate: 200, connections: 50 });
    expect(s).toHaveLength(50);
    expect(s.every((x) => x.rate === 4)).toBe(true);
    expect(s.map((x) => x.startMs).slice(0, 3)).toEqual([0, 20, 40]);
    expect(s.at(-1)!.startMs).toBe(980);
  });

  it('spreads a remainder one request each over the first connections, keeping the total', () => {
    const s = pacedSchedule({ rate: 203, connections: 50 });
    expect(s.reduce((n, x) => n + x.rate, 0)).toBe(203);
    expect(s.slice(0, 3).map((x) => x.rate)).toEqual([5, 5, 5]);
    expect(s[3]!.rate).toBe(4);
  });

  it('refuses a rate that would leave a connection idle, and fractions', () => {
    expect(() => pacedSchedule({ rate: 20, connections: 50 })).toThrow(RangeError);
    expect(() => pacedSchedule({ rate: 100.5, connections: 50 })).toThrow(RangeError);
    expect(() => pacedSchedule({ rate: 100, connections: 0 })).toThrow(RangeError);
  });
});

describe('latencySummary()', () => {
  it('reads percentiles by nearest rank, whatever the order the latencies came in', () => {
    const latencies = Array.from({ length: 1000 }, (_, i) => 1000 - i); // 1000 … 1
    const s = latencySummary(latencies, 4);
    expect(s).toEqual({ requests: 1000, rps: 250, p50: 500, p90: 900, p99: 990, max: 1000 });
    // One slow request in a hundred is the p99; the p90 does not see it.
    const few = latencySummary([...Array.from({ length: 99 }, () => 2), 80], 1);
    expect(few.p99).toBe(2);
    expect(latencySummary([...Array.from({ length: 98 }, () => 2), 80, 80], 1).p99).toBe(80);
  });

  it('has no percentiles without requests', () => {
    const s = latencySummary([], 10);
    expect(s.requests).toBe(0);
    expect(s.rps).toBe(0);
    expect(Number.isNaN(s.p99)).toBe(true);
  });
});

describe('pacedLoad()', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A server that answers every request at once and records when each arrived. */
  async function recorder(status = 200): Promise<{ url: string; arrivals: number[] }> {
    const arrivals: number[] = [];
    server = createServer((req, res) => {
      arrivals.push(performance.now());
      req.resume();
      req.on('end', () => res.writeHead(status, { 'content-type': 'text/plain' }).end('ok'));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, arrivals };
  }

  it('offers the rate spread over the second, and counts every answer', async () => {
    const { url, arrivals } = await recorder();
    const p = await pacedLoad({ url, method: 'POST', body: 'x' }, { rate: 50, connections: 10, seconds: 2 });
    // 10 connections × 5 a second × 2 s, give or take part of a burst as each connection's run ends
    // (a request still unanswered when autocannon stops a connection arrived but is not counted).
    expect(p.requests).toBeGreaterThanOrEqual(98);
    expect(p.requests).toBeLessThanOrEqual(arrivals.length);
    expect(arrivals.length).toBeLessThanOrEqual(150);
    expect(p.keptUp).toBe(true);
    expect(p.errors).toBe(0);
    expect(p.p99).toBeLessThan(1000);
    // Each connection's 5 requests a second arrive together, but the connections start 100 ms apart,
    // so a 100 ms window holds about one connection's burst, where an unpaced start would put all 50
    // of a second's requests in its first few milliseconds. (Half that, to allow for a busy machine
    // delaying some starts.)
    const t0 = arrivals[0]!;
    const perWindow = new Map<number, number>();
    for (const t of arrivals) perWindow.set(Math.floor((t - t0) / 100), (perWindow.get(Math.floor((t - t0) / 100)) ?? 0) + 1);
    expect(Math.max(...perWindow.values())).toBeLessThanOrEqual(25);
    expect(perWindow.size).toBeGreaterThanOrEqual(10);
  });

  it('counts answers that are not 2xx as errors, not as latencies', async () => {
    const { url } = await recorder(503);
    const p = await pacedLoad({ url }, { rate: 10, connections: 2, seconds: 1 });
    expect(p.requests).toBe(0);
    expect(p.errors).toBeGreaterThanOrEqual(9);
    expect(p.keptUp).toBe(false);
  });
});

describe('memory()', () => {
  it("reads the server's resident and heap memory from the metrics it really serves", async () => {
    const app = await build();
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const { rssMb, heapMb } = await (harness as { memory(base: string): Promise<{ rssMb: number; heapMb: number }> }).memory(base);
    expect(rssMb).toBeGreaterThan(10);
    expect(heapMb).toBeGreaterThan(1);
    expect(heapMb).toBeLessThan(rssMb);
  });
});
