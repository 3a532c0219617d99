// Benchmark: the PDF report of a generated 1,000-paper corpus (20 families × 50 papers, mixed English and
// Chinese, lists and tables). Prints wall time per phase, peak RSS, pages and size.
// Usage: pnpm exec turbo run build --filter @studykit/report... && node bench/report-bench.mjs [papers]
import { writeFile } from 'node:fs/promises';
import { renderReport } from '../apps/report/dist/index.js';
import { parse } from '../packages/core/dist/index.js';
import { reportCorpusFiles } from '../tests/corpus/index.mjs';

const paperCount = Number(process.argv[2] ?? 1000);
const files = reportCorpusFiles(paperCount);

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);

const parseStart = performance.now();
const ast = parse(files, { currentYear: 2026 });
const parseMs = performance.now() - parseStart;
if (ast.papers.length !== paperCount) {
  console.error(ast.diagnostics.slice(0, 5));
  throw new Error(`expected ${paperCount} papers, parsed ${ast.papers.length}`);
}

const phases = [];
const renderStart = performance.now();
const [output] = await renderReport(ast, {
  date: '2026-01-01',
  onProgress: (event) => phases.push([event.detail, performance.now() - renderStart]),
});
const renderMs = performance.now() - renderStart;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);

const out = '/tmp/report-bench.pdf';
await writeFile(out, output.contents);
const { execFileSync } = await import('node:child_process');
const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))?.[1] ?? '?';
console.log(
  `papers: ${paperCount}  pages: ${pages}  size: ${(output.contents.length / 1e6).toFixed(2)} MB  (${out})`,
);
console.log(
  `parse: ${parseMs.toFixed(0)} ms  render: ${renderMs.toFixed(0)} ms  peak RSS: ${(peak / 2 ** 20).toFixed(0)} MiB`,
);
for (let i = 0; i < phases.length - 1; i++) {
  const [detail, at] = phases[i];
  console.log(`  ${detail.padEnd(30)} ${((phases[i + 1][1] - at) / 1000).toFixed(2)} s`);
}
