// A stand-in for the Slidev CLI: `build` writes an index.html, `export` a PDF with one page of text per
// slide of slides.md. FAKE_SLIDEV_FAIL=build|export makes that step fail with some output;
// FAKE_SLIDEV_FAIL_DECK=<slug> makes only that deck's build fail.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const [command, entry, ...rest] = process.argv.slice(2);
const option = (name) => rest[rest.indexOf(name) + 1];
const failDeck = process.env.FAKE_SLIDEV_FAIL_DECK;
if (process.env.FAKE_SLIDEV_FAIL === command || (failDeck && resolve(entry).includes(`/work/${failDeck}/`))) {
  console.error(`fake slidev: ${command} exploded on purpose`);
  process.exit(3);
}
const markdown = readFileSync(entry, 'utf8');
if (command === 'build') {
  const out = resolve(option('--out'));
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'index.html'),
    `<!doctype html><title>fake</title>${process.env.FAKE_SLIDEV_MARK ?? ''}`,
  );
} else if (command === 'export') {
  const slides = markdown.match(/^class: "sk-page sk-page-/gm)?.length ?? 0;
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < slides; i += 1)
    pdf.addPage([400, 225]).drawText(`slide ${i + 1}`, { x: 20, y: 100, font });
  writeFileSync(resolve(option('--output')), await pdf.save());
}
