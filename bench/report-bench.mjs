// Benchmark: the PDF report of a generated 1,000-paper corpus (20 families × 50 papers, mixed English and
// Chinese, lists and tables). Prints wall time per phase, peak RSS, pages and size.
// Usage: pnpm exec turbo run build --filter @studykit/report... && node bench/report-bench.mjs [papers]
import { writeFile } from 'node:fs/promises';
import { renderReport } from '../apps/report/dist/index.js';
import { parse } from '../packages/core/dist/index.js';

const paperCount = Number(process.argv[2] ?? 1000);
const familyCount = 20;
const perFamily = Math.ceil(paperCount / familyCount);

const english =
  'The model is trained on a large corpus with a next-token objective, then fine-tuned on demonstrations. ' +
  'Scaling the parameters and the data together improves results on most benchmarks, while careful filtering ' +
  'of the training text matters as much as its size.';
const chinese =
  '模型先在大规模语料上进行预训练，然后用人工示范进行监督微调。参数和数据一起扩大时，大多数基准上的结果都会提升。';

function paperFile(family, index, previous) {
  const id = `${family}-p${index}`;
  const builds = previous ? `builds_on:\n  - id: ${previous}\n    kind: extends\n` : '';
  const zh = index % 5 === 0;
  return {
    path: `${family}/${id}.md`,
    contents: `---
id: ${id}
family: ${family}
title: "Paper ${index} of ${family}: ${zh ? '一个双语模型的研究' : 'Language Models as Few-Shot Learners at Scale'}"
short: ${family.toUpperCase()}-${index}
year: ${2018 + (index % 6)}
authors: [Author One, Author Two, Author Three, Author Four]
venue: arXiv
url: https://example.com/${id}
parameters: [${1 + (index % 9)}B]
${builds}tags: [scaling, generated]
---

## Motivation

${english} ${zh ? chinese : ''}

- First reason, with **bold** and *italic* words and \`inline code\`.
- Second reason, which is long enough to wrap onto a second line of the printed page in most paper sizes.

## Approach

${english}

${zh ? chinese + chinese : english}

## Details

| Setting | Value |
| --- | --- |
| Learning rate | 2.5e-4 |
| Batch size | ${256 + index} sequences of 2048 tokens |

## Results

${english} ${english}

## Conclusions

### Main
- ${english}

### Secondary
- ${zh ? chinese : 'A secondary observation about the data.'}
`,
  };
}

const files = [];
for (let f = 0; f < familyCount; f++) {
  const family = `fam${f}`;
  files.push({
    path: `${family}/family.md`,
    contents: `---\nid: ${family}\nname: Family ${f}\norganisation: Lab ${f}\norder: ${f}\ncolour: "#${((f * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}"\n---\n\n${english}\n`,
  });
  for (let i = 1; i <= perFamily && f * perFamily + i <= paperCount; i++) {
    files.push(paperFile(family, i, i > 1 ? `${family}-p${i - 1}` : undefined));
  }
}

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
