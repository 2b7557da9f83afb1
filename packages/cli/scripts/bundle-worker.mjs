// Bundles the `--jobs N` worker (dist/worker.js and everything it imports: the engine, compromise,
// ajv, yaml, unified) into one file, dist/worker.bundle.js, with esbuild. A worker thread loads
// the bundle in about two thirds of the CPU time the ~850 separate modules take (compromise alone
// is ~600 files), and every worker pays that start-up. Run after tsc (`npm run build`).
//
// Beside it, dist/worker.bundle.json records what the bundle was built from: a SHA-256 of each
// workspace file (the engine's built modules) and the version of each npm package. The CLI uses
// the bundle only while that still matches (src/bundle.ts), so rebuilding the engine alone, or
// upgrading a dependency, never leaves workers running stale code: they load the plain modules.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(pkg, 'dist');
const result = await build({
  absWorkingDir: pkg,
  entryPoints: ['dist/worker.js'],
  outfile: 'dist/worker.bundle.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies (ajv) call require(); give the ES module bundle a real one.
  banner: { js: "import { createRequire as __sourdoughRequire } from 'node:module';\nconst require = __sourdoughRequire(import.meta.url);" },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

const files = {};
const packages = {};
for (const input of Object.keys(result.metafile.inputs)) {
  const abs = resolve(pkg, input);
  const parts = abs.split(sep);
  const nm = parts.lastIndexOf('node_modules');
  if (nm < 0) {
    files[relative(dist, abs)] = createHash('sha256').update(readFileSync(abs)).digest('hex');
    continue;
  }
  // The package root: node_modules/<name> or node_modules/@scope/<name>.
  const root = parts.slice(0, nm + (parts[nm + 1].startsWith('@') ? 3 : 2)).join(sep);
  const manifest = join(root, 'package.json');
  const key = relative(dist, manifest);
  if (!(key in packages)) packages[key] = JSON.parse(readFileSync(manifest, 'utf8')).version;
}
writeFileSync(join(dist, 'worker.bundle.json'), `${JSON.stringify({ files, packages }, null, 2)}\n`);
process.stdout.write(`bundled the worker: ${Object.keys(files).length} workspace files, ${Object.keys(packages).length} packages\n`);
