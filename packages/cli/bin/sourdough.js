#!/usr/bin/env node
import { run } from '../dist/cli.js';
// Test hook (off unless set): report peak memory on exit, for the bounded-memory streaming test.
if (process.env.SOURDOUGH_REPORT_MAXRSS === '1') process.on('exit', () => process.stderr.write(`sourdough-maxrss-kb ${process.resourceUsage().maxRSS}\n`));
// Bench hook (off unless set): report the CPU time of the whole process, worker threads included (bench/cli-jobs.mjs).
if (process.env.SOURDOUGH_REPORT_CPU === '1') process.on('exit', () => { const c = process.cpuUsage(); process.stderr.write(`sourdough-cpu-ms ${Math.round((c.user + c.system) / 1000)}\n`); });
// A reader that goes away early (`sourdough rules -f json | head`) closes the pipe: stop quietly,
// as `check` does, rather than print Node's unhandled 'error' event and its stack.
process.stdout.on('error', (err) => { if (err.code !== 'EPIPE') throw err; });
process.exitCode = await run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });
