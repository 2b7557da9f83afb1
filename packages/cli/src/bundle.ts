/**
 * Whether the single-file bundles (`scripts/bundle.mjs`, made by `npm run build`) may be used:
 * only while every workspace file they were built from is byte-identical and every npm package
 * they hold has the same version. Otherwise (one package rebuilt on its own, a dependency
 * upgraded, no bundles at all, running from src/) the plain modules load instead, so nothing
 * stale ever runs. Loads nothing of the engine.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What `dist/bundles.json` records. */
interface BundleManifest {
  /** SHA-256 of each workspace file, by path relative to dist/. */
  files: Record<string, string>;
  /** Version of each npm package, by the path of its package.json relative to dist/. */
  packages: Record<string, string>;
}

/** The verdict for each dist folder already checked in this process. */
const checked = new Map<string, boolean>();

function current(dist: URL): boolean {
  try {
    const manifest = JSON.parse(readFileSync(new URL('bundles.json', dist), 'utf8')) as BundleManifest;
    for (const [file, hash] of Object.entries(manifest.files)) {
      if (createHash('sha256').update(readFileSync(fileURLToPath(new URL(file, dist)))).digest('hex') !== hash) return false;
    }
    for (const [file, version] of Object.entries(manifest.packages)) {
      if ((JSON.parse(readFileSync(fileURLToPath(new URL(file, dist)), 'utf8')) as { version?: string }).version !== version) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * `<dist>/<name>.bundle.js` (`worker` or `check`) if it exists and the bundles still match what
 * they were built from, else undefined. The check runs once per folder and process.
 */
export function freshBundle(dist: URL, name: string): URL | undefined {
  let ok = checked.get(dist.href);
  if (ok === undefined) checked.set(dist.href, (ok = current(dist)));
  const bundle = new URL(`${name}.bundle.js`, dist);
  return ok && existsSync(fileURLToPath(bundle)) ? bundle : undefined;
}
