// Bundles, with esbuild, the .docx reader of @sourdough/readers (readDocx: mammoth, JSZip,
// htmlparser2 and the few pure helpers it takes from @sourdough/core) into one browser module,
// public/vendor/docx-reader.js, which the web page loads when a person opens a Word file. So the
// page and the server read a .docx with the same code: the same paragraphs, headers, footers,
// notes and embedded chunks, and the same hidden text left out. Run after tsc (`npm run build`);
// the output is generated (gitignored). The licences of the packages bundled (name, version and
// licence text) are written beside it, to docx-reader.licences.txt, which the bundle names.
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(pkg, 'package.json'));
const coreDist = dirname(require.resolve('@sourdough/core'));

/**
 * @sourdough/core's index brings in the whole engine (compromise, the rule data); the reader needs
 * only these pure helpers, so the bundle takes them from their own modules.
 */
const CORE_PARTS = {
  'errors.js': ['SourdoughError'],
  'readers/mask.js': ['maskUrls', 'lineStarts', 'lineColumn', 'loneCrToLf'],
  'readers/join.js': ['joinAcross', 'blankSoftHyphens'],
  'suppress.js': ['parseDirectives'],
  'search.js': ['lastStartingAtOrBefore'],
};

const result = await build({
  absWorkingDir: pkg,
  stdin: { contents: "export { readDocx } from '@sourdough/readers/docx';", resolveDir: pkg, loader: 'js', sourcefile: 'docx-reader-entry.js' },
  outfile: 'public/vendor/docx-reader.js',
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  banner: { js: '/*! The .docx reader of sourdough (@sourdough/readers), bundled for the web page. Third-party licences: docx-reader.licences.txt */' },
  metafile: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'sourdough-browser',
      setup(b) {
        b.onResolve({ filter: /^@sourdough\/core$/ }, () => ({ path: 'core', namespace: 'sourdough-core' }));
        b.onLoad({ filter: /.*/, namespace: 'sourdough-core' }, () => ({
          contents: Object.entries(CORE_PARTS).map(([file, names]) => `export { ${names.join(', ')} } from ${JSON.stringify(join(coreDist, file))};`).join('\n'),
          resolveDir: coreDist,
          loader: 'js',
        }));
        // The zip size check (yauzl, Node streams) is docx()'s, never readDocx()'s.
        b.onResolve({ filter: /^yauzl$/ }, () => ({ path: 'yauzl', namespace: 'sourdough-stub' }));
        b.onLoad({ filter: /.*/, namespace: 'sourdough-stub' }, () => ({ contents: 'export default {};', loader: 'js' }));
      },
    },
  ],
});

// The licences of every npm package that went into the bundle.
const roots = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const parts = resolve(pkg, input.replace(/^[\w-]+:/, '')).split(sep);
  const nm = parts.lastIndexOf('node_modules');
  if (nm >= 0) roots.add(parts.slice(0, nm + (parts[nm + 1].startsWith('@') ? 3 : 2)).join(sep));
}
const notices = [...roots].sort().map((root) => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const file = readdirSync(root).find((f) => /^licen[cs]e(?:\.(?:md|txt))?$/i.test(f));
  const text = file && existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8').trim() : `Licence: ${manifest.license ?? 'see the package'}`;
  return `${manifest.name} ${manifest.version} (${manifest.license ?? 'licence in the text below'})\n\n${text}\n`;
});
writeFileSync(
  join(pkg, 'public', 'vendor', 'docx-reader.licences.txt'),
  `Third-party software in docx-reader.js (the .docx reader of sourdough, bundled for the web page).\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`,
);
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
process.stdout.write(`bundled the .docx reader for the web page: ${Math.round(bytes / 1024)} KB, ${roots.size} npm packages\n`);
