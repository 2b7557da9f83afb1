/**
 * The single-file bundles are used only while they match what they were built from: a changed
 * workspace file, a different package version or a missing manifest or bundle means the plain
 * modules load instead. And the build's own bundles are current, so the tests that spawn the
 * binary (every format, `--jobs N` output identical to `--jobs 1`) run the bundled code.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freshBundle } from '../src/bundle.js';
import { repoRoot } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'sourdough-bundle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

/** A fake package layout: dist/ with a bundle and manifest, an engine file and an npm package. */
function layout(name: string): { dist: URL; engine: string; pkgJson: string } {
  const base = join(root, name);
  mkdirSync(join(base, 'dist'), { recursive: true });
  mkdirSync(join(base, 'engine'), { recursive: true });
  mkdirSync(join(base, 'node_modules', 'dep'), { recursive: true });
  const engine = join(base, 'engine', 'analyse.js');
  const pkgJson = join(base, 'node_modules', 'dep', 'package.json');
  writeFileSync(engine, 'export const x = 1;\n');
  writeFileSync(pkgJson, JSON.stringify({ name: 'dep', version: '1.2.3' }));
  writeFileSync(join(base, 'dist', 'worker.bundle.js'), '// bundle\n');
  writeFileSync(join(base, 'dist', 'bundles.json'), JSON.stringify({ files: { '../engine/analyse.js': sha('export const x = 1;\n') }, packages: { '../node_modules/dep/package.json': '1.2.3' } }));
  return { dist: pathToFileURL(join(base, 'dist') + '/'), engine, pkgJson };
}

describe('freshBundle', () => {
  it('gives the bundle while everything it was built from is unchanged', () => {
    const { dist } = layout('fresh');
    expect(freshBundle(dist, 'worker')?.href).toBe(new URL('worker.bundle.js', dist).href);
  });

  it('refuses it when a workspace file changed (the engine rebuilt without the CLI)', () => {
    const { dist, engine } = layout('changed');
    writeFileSync(engine, 'export const x = 2;\n');
    expect(freshBundle(dist, 'worker')).toBeUndefined();
  });

  it('refuses it when a package has another version (an upgrade)', () => {
    const { dist, pkgJson } = layout('upgraded');
    writeFileSync(pkgJson, JSON.stringify({ name: 'dep', version: '1.2.4' }));
    expect(freshBundle(dist, 'worker')).toBeUndefined();
  });

  it('refuses it when a recorded file, the manifest or the bundle is missing', () => {
    const a = layout('gone-file');
    rmSync(a.engine);
    expect(freshBundle(a.dist, 'worker')).toBeUndefined();
    const b = layout('gone-manifest');
    rmSync(new URL('bundles.json', b.dist));
    expect(freshBundle(b.dist, 'worker')).toBeUndefined();
    const c = layout('gone-bundle');
    rmSync(new URL('worker.bundle.js', c.dist));
    expect(freshBundle(c.dist, 'worker')).toBeUndefined();
  });

  it('finds the build’s own worker and check bundles current', () => {
    const dist = pathToFileURL(join(repoRoot, 'packages', 'cli', 'dist') + '/');
    expect(freshBundle(dist, 'worker')?.href).toBe(new URL('worker.bundle.js', dist).href);
    expect(freshBundle(dist, 'check')?.href).toBe(new URL('check.bundle.js', dist).href);
  });

  it('has no bundles when running from src/', () => {
    expect(freshBundle(new URL('../src/', import.meta.url), 'check')).toBeUndefined();
  });
});
