/**
 * The gate a worker enters when it begins a task (worker/analyse-worker.mjs, `enterGate`): the main
 * thread hands each worker its next task while it runs one, and may call that task off (its client
 * left, or its time ran out) before it starts, without terminating the worker.
 */
import { describe, expect, it } from 'vitest';
import { enterGate } from '../worker/analyse-worker.mjs';

const slots = (n: number) => ({ states: new Int32Array(new SharedArrayBuffer(4 * n)), times: new Float64Array(new SharedArrayBuffer(8 * n)) });

describe('worker task gate', () => {
  it('marks a waiting task started and notes when', () => {
    const { states, times } = slots(4);
    const before = Date.now();
    expect(enterGate(states, times, 2)).toBe(true);
    expect(Array.from(states)).toEqual([0, 0, 1, 0]);
    expect(times[2]).toBeGreaterThanOrEqual(before);
    expect(times[2]).toBeLessThanOrEqual(Date.now());
  });

  it('skips a task the main thread called off, and leaves it called off', () => {
    const { states, times } = slots(2);
    states[1] = 2;
    expect(enterGate(states, times, 1)).toBe(false);
    expect(states[1]).toBe(2);
  });

  it('lets a task already started go on (a gated function calling another)', () => {
    const { states, times } = slots(1);
    expect(enterGate(states, times, 0)).toBe(true);
    expect(enterGate(states, times, 0)).toBe(true);
    expect(states[0]).toBe(1);
  });
});
