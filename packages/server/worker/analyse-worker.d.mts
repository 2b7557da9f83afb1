/**
 * Types for the worker module (plain JavaScript, so a worker thread can load it from `src/` or
 * `dist/`), for the tests that import it. See analyse-worker.mjs for what each does.
 */
import type { DocumentResult } from '@sourdough/core';

export type AnalyseTask = { respond?: string; slot?: number; items: unknown[]; options?: unknown };
export type TaskOutcome = { result: DocumentResult } | { body: Uint8Array; tally: Record<string, number> } | { error: { code: string; message: string } };

export function respond(name: string, result: DocumentResult): { body: Uint8Array; tally: Record<string, number> };
export function moveBodies<T>(out: T[]): T[];
export function analyseTask(task: AnalyseTask): Promise<TaskOutcome[]>;
export function enterGate(states: Int32Array, times: Float64Array, slot: number): boolean;
export function gated<T>(fn: (task: AnalyseTask) => T): (task: AnalyseTask) => T | [];
declare const task: (task: AnalyseTask) => Promise<TaskOutcome[]> | [];
export default task;
