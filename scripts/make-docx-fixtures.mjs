// Builds the .docx fixtures under fixtures/documents/ with the `docx` package (a devDependency of
// @sourdough/readers), so tests never need to regenerate them: run `node scripts/make-docx-fixtures.mjs`
// after changing the text below and commit the files it writes. All text is synthetic. The
// `corrupt-docx` case is deliberately not a Word file (bytes that are not a zip archive).
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'packages', 'readers', 'package.json'));
const { Document, Packer, Paragraph, HeadingLevel, TextRun } = require('docx');

/** A heading, a paragraph or a bullet, in the order they appear. */
const PLAN = [
  ['h1', 'Support plan for Jack'],
  ['h2', 'About me'],
  ['p', 'I am 34 and I live in a flat with my cat, Biscuit.'],
  ['p', 'Jack suffers from epilepsy and is wheelchair-bound.'],
  ['h2', 'What matters to me'],
  ['li', 'Going to the football on Saturdays with my brother.'],
  ['li', 'Cooking my own tea.'],
  ['li', 'Jack is not allowed to go to the shop alone.'],
  ['h2', 'How I want to be supported'],
  ['p', 'The service user refused personal care on Tuesday.'],
  ['p', 'I would like my support worker to knock and wait before coming in.'],
];

function paragraph([kind, text]) {
  if (kind === 'h1') return new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
  if (kind === 'h2') return new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
  if (kind === 'li') return new Paragraph({ children: [new TextRun(text)], bullet: { level: 0 } });
  return new Paragraph({ children: [new TextRun(text)] });
}

async function write(caseName, blocks) {
  const doc = new Document({ creator: 'sourdough fixtures', sections: [{ children: blocks.map(paragraph) }] });
  const buf = await Packer.toBuffer(doc);
  const file = join(root, 'fixtures', 'documents', caseName, 'input.docx');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, buf);
  return file;
}

await write('docx-plan', PLAN);
await write('docx-clean', [
  ['h1', 'Notes from our meeting'],
  ['p', 'I told Sam that I want to try the pottery class on Wednesdays.'],
  ['li', 'Sam will find out the cost.'],
]);
const corrupt = join(root, 'fixtures', 'documents', 'corrupt-docx', 'input.docx');
mkdirSync(dirname(corrupt), { recursive: true });
writeFileSync(corrupt, 'This is plain text saved with a .docx name, so it is not a Word file.\n');
process.stdout.write('wrote docx fixtures\n');
