/** The CLI's version, from its package.json (read once; no network, no telemetry). */
import { readFileSync } from 'node:fs';

let version: string | undefined;

/** The `@sourdough/cli` version string. */
export function cliVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
