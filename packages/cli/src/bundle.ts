/**
 * Whether the single-file worker bundle (`scripts/bundle-worker.mjs`, made by `npm run build`)
 * may be used: only while every workspace file it was built from is byte-identical and every npm
 * package it holds has the same version. Otherwise (the engine rebuilt on its own, a dependency
 * upgraded, no bundle at all) workers load the plain modules, so they never run stale code.
 * Loads nothing of the engine.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What `dist/<name>.bundle.json` records. */
interface BundleManifest {
  /** SHA-256 of each workspace file, by path relative to dist/. */
  files: Record<string, string>;
  /** Version of each npm package, by the path of its package.json relative to dist/. */
  packages: Record<string, string>;
}

/** `dist/<name>.bundle.js` if it exists and still matches what it was built from, else undefined. */
export function freshBundle(dist: URL, name: string): URL | undefined {
  try {
    const manifest = JSON.parse(readFileSync(new URL(`${name}.bundle.json`, dist), 'utf8')) as BundleManifest;
    for (const [file, hash] of Object.entries(manifest.files)) {
      if (createHash('sha256').update(readFileSync(fileURLToPath(new URL(file, dist)))).digest('hex') !== hash) return undefined;
    }
    for (const [file, version] of Object.entries(manifest.packages)) {
      if ((JSON.parse(readFileSync(fileURLToPath(new URL(file, dist)), 'utf8')) as { version?: string }).version !== version) return undefined;
    }
    const bundle = new URL(`${name}.bundle.js`, dist);
    return existsSync(fileURLToPath(bundle)) ? bundle : undefined;
  } catch {
    return undefined;
  }
}
