// Renders the report from a content folder with the built packages and writes it to a file.
// Usage: node bench/report-render.mjs [contentDir] [out.pdf] [--letter] [--families=a,b]
import { writeFile } from 'node:fs/promises';
import { renderReport } from '../apps/report/dist/index.js';
import { loadContent } from '../packages/core/dist/fs.js';

const args = process.argv.slice(2);
const positional = args.filter((arg) => !arg.startsWith('--'));
const contentDir = positional[0] ?? 'content';
const out = positional[1] ?? '/tmp/report/study-report.pdf';
const families = args
  .find((arg) => arg.startsWith('--families='))
  ?.slice(11)
  .split(',');
const lineage = args.find((arg) => arg.startsWith('--lineage='))?.slice(10);
const ast = await loadContent(contentDir);
const started = performance.now();
const { readFile } = await import('node:fs/promises');
const [file] = await renderReport(ast, {
  paperSize: args.includes('--letter') ? 'letter' : 'a4',
  families,
  lineagePdf: lineage ? new Uint8Array(await readFile(lineage)) : undefined,
});
console.log(
  `rendered ${file.path} in ${(performance.now() - started).toFixed(0)} ms, ${file.contents.length} bytes`,
);
await writeFile(out, file.contents);
