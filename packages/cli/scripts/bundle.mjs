// Bundles, with esbuild, the two module graphs that every `sourdough check` loads into one file
// each: dist/worker.bundle.js (the `--jobs N` worker: the engine, compromise, ajv, yaml, unified)
// and dist/check.bundle.js (the `check` command: readers, reporters and the engine). One file
// loads in well under two thirds of the CPU time of the ~850–1,200 separate ES modules
// (compromise alone is ~600 files), and with `--jobs N` every worker thread pays that start-up.
// Run after tsc (`npm run build`).
//
// Beside them, dist/bundles.json records what they were built from: a SHA-256 of each workspace
// file (the built modules of every package) and the version of each npm package. The CLI uses
// the bundles only while that still matches (src/bundle.ts), so rebuilding one package alone, or
// upgrading a dependency, never runs stale code: it loads the plain modules instead.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(pkg, 'dist');
const bundles = {
  worker: { entry: 'dist/worker.js', external: [] },
  // The audit report's charts (Vega) and the server load on demand only; keep them out.
  check: { entry: 'dist/commands/check.js', external: ['vega', 'vega-lite', '@sourdough/server'] },
};

const files = {};
const packages = {};
for (const [name, { entry, external }] of Object.entries(bundles)) {
  const result = await build({
    absWorkingDir: pkg,
    entryPoints: [entry],
    outfile: `dist/${name}.bundle.js`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    // CommonJS dependencies (ajv, mammoth) call require(); give the ES module bundle a real one.
    banner: { js: "import { createRequire as __sourdoughRequire } from 'node:module';\nconst require = __sourdoughRequire(import.meta.url);" },
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  for (const input of Object.keys(result.metafile.inputs)) {
    const abs = resolve(pkg, input);
    const parts = abs.split(sep);
    const nm = parts.lastIndexOf('node_modules');
    if (nm < 0) {
      files[relative(dist, abs)] ??= createHash('sha256').update(readFileSync(abs)).digest('hex');
      continue;
    }
    // The package root: node_modules/<name> or node_modules/@scope/<name>.
    const root = parts.slice(0, nm + (parts[nm + 1].startsWith('@') ? 3 : 2)).join(sep);
    const manifest = join(root, 'package.json');
    packages[relative(dist, manifest)] ??= JSON.parse(readFileSync(manifest, 'utf8')).version;
  }
}
writeFileSync(join(dist, 'bundles.json'), `${JSON.stringify({ files, packages }, null, 2)}\n`);
process.stdout.write(`bundled ${Object.keys(bundles).join(' and ')}: ${Object.keys(files).length} workspace files, ${Object.keys(packages).length} packages\n`);
