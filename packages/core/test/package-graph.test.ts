/**
 * The one-way dependency graph (CONVENTIONS §7.2): every workspace edge points towards core, core
 * imports no workspace package, readers and reporters never import each other, server never
 * imports cli. Reads every package.json and also scans sources for undeclared workspace imports.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers.js';

const ALLOWED: Record<string, string[]> = {
  '@sourdough/core': [],
  '@sourdough/readers': ['@sourdough/core'],
  '@sourdough/reporters': ['@sourdough/core'],
  '@sourdough/server': ['@sourdough/core', '@sourdough/readers', '@sourdough/reporters'],
  '@sourdough/cli': ['@sourdough/core', '@sourdough/readers', '@sourdough/reporters', '@sourdough/server'],
};

const pkgsDir = join(repoRoot, 'packages');
const packages = readdirSync(pkgsDir).map((dir) => ({ dir, json: JSON.parse(readFileSync(join(pkgsDir, dir, 'package.json'), 'utf8')) }));

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const full = join(dir, n);
    return statSync(full).isDirectory() ? sources(full) : /\.(ts|js|mjs)$/.test(n) ? [full] : [];
  });
}

describe('package graph', () => {
  it('has exactly the five packages, each named after its folder', () => {
    expect(packages.map((p) => p.json.name).sort()).toEqual(Object.keys(ALLOWED).sort());
    for (const p of packages) expect(p.json.name).toBe(`@sourdough/${p.dir}`);
  });

  it.each(packages.map((p) => [p.json.name as string, p] as const))('%s depends only towards core', (name, p) => {
    const deps = Object.keys({ ...(p.json.dependencies ?? {}), ...(p.json.devDependencies ?? {}), ...(p.json.peerDependencies ?? {}) }).filter((d) => d.startsWith('@sourdough/'));
    for (const d of deps) expect(ALLOWED[name], `${name} must not depend on ${d}`).toContain(d);
  });

  it.each(packages.map((p) => [p.json.name as string, p] as const))('%s imports only declared workspace packages', (name, p) => {
    const declared = new Set(Object.keys(p.json.dependencies ?? {}));
    for (const file of sources(join(pkgsDir, p.dir, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/from\s+['"](@sourdough\/[a-z]+)/g)) {
        expect(declared.has(m[1]!) && ALLOWED[name]!.includes(m[1]!), `${file} imports ${m[1]}`).toBe(true);
      }
    }
  });

  it('core source uses no I/O outside node.ts', () => {
    for (const file of sources(join(pkgsDir, 'core', 'src'))) {
      if (file.endsWith('node.ts')) continue;
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from\s+['"](node:)?(fs|path|net|http|https|child_process|worker_threads|os)['"]/);
      expect(text, file).not.toMatch(/\bconsole\.[a-z]+\(|\bprocess\.[a-z]/);
    }
  });
});
