/**
 * What formulas and figures cost a deck (#18): the same family built and printed twice by the CLI,
 * once as plain text and once with ten formulas (six inline, four display) and three figures (a PNG,
 * a JPEG and a mermaid diagram) in its notes. Goal: at most 1.10× the plain deck. Median of the runs
 * (default 3), the two variants alternating so that load drifts hit both. Never run by the tests.
 *
 *   pnpm build && node bench/figures-bench.mjs [runs]
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(root, 'packages/cli/dist/bin.js');
const FIGURES = join(root, 'tests/fixtures/content-figures/diffusion/figures');
const runs = Number(process.argv[2] ?? 3);

const FAMILY = `---
id: bench
name: Bench family
organisation: Bench Lab
order: 1
colour: "#2563eb"
---

Two papers, as plain text or with formulas and figures.
`;

const FORMULAS = [
  '$q(x_t \\mid x_{t-1})$',
  '$\\epsilon_\\theta$',
  '$\\beta_t$',
  '$\\bar\\alpha_t = \\prod_{s=1}^{t} (1 - \\beta_s)$',
  '$\\mathcal{N}(0, I)$',
  '$T = 1000$',
];
const DISPLAY = [
  '$$\nL_\\text{simple} = \\mathbb{E}_{t, x_0, \\epsilon}\\left[\\lVert \\epsilon - \\epsilon_\\theta(x_t, t) \\rVert^2\\right]\n$$',
  '$$\n\\text{pass@}k := \\mathbb{E}\\left[1 - \\binom{n-c}{k} \\Big/ \\binom{n}{k}\\right]\n$$',
  '$$\n\\operatorname{objective}(\\phi) = \\mathbb{E}\\left[r_\\theta(x, y) - \\beta \\log \\frac{\\pi_\\phi(y \\mid x)}{\\pi^\\text{SFT}(y \\mid x)}\\right]\n$$',
  '$$\n\\operatorname{loss}(\\theta) = -\\frac{1}{\\binom{K}{2}} \\mathbb{E}\\left[\\log \\sigma\\left(r_\\theta(x, y_w) - r_\\theta(x, y_l)\\right)\\right]\n$$',
];

function paper(id, year, rich) {
  const inline = (i) => (rich ? ` ${FORMULAS[i]}` : ` term ${i}`);
  const display = (i) => (rich ? `\n\n${DISPLAY[i]}\n` : `\n\nA sentence in place of formula ${i}.\n`);
  const figure = (markdown, words) => (rich ? `\n\n${markdown}\n` : `\n\n${words}\n`);
  return `---
id: ${id}
family: bench
title: "Paper ${id}"
short: ${id.toUpperCase()}
year: ${year}
authors: [Ada Lovelace, Alan Turing]
venue: arXiv
url: https://example.org/${id}
---

## Motivation

The model learns to undo noise:${inline(0)} with a network${inline(1)} and a schedule${inline(2)}.${display(0)}

## Approach

The cumulative product${inline(3)} starts from${inline(4)} over${inline(5)} steps.${display(1)}
${id === 'one' ? figure('![Samples](figures/samples.png)', 'Samples, described in words.') : figure('![Denoising](figures/denoising.jpg)', 'Denoising, described in words.')}

## Results

The objective and the reward model:${display(2)}${display(3)}
${id === 'one' ? figure('```mermaid\nflowchart LR\n  A[Noise] --> B[Denoise] --> C[Sample]\n```', 'Noise, then denoise, then a sample.') : ''}

## Conclusions

### Main

- It works.
`;
}

function content(dir, rich) {
  mkdirSync(join(dir, 'bench', 'figures'), { recursive: true });
  writeFileSync(join(dir, 'bench', 'family.md'), FAMILY);
  writeFileSync(join(dir, 'bench', 'one.md'), paper('one', 2020, rich));
  writeFileSync(join(dir, 'bench', 'two.md'), paper('two', 2021, rich));
  for (const file of ['samples.png', 'denoising.jpg'])
    copyFileSync(join(FIGURES, file), join(dir, 'bench', 'figures', file));
  return dir;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const work = mkdtempSync(join(tmpdir(), 'figures-bench-'));
try {
  console.log(`figures bench: Node ${process.version}, ${cpus().length} cores, ${runs} runs`);
  const times = { plain: [], rich: [] };
  const slides = { plain: 0, rich: 0 };
  for (let i = 0; i < runs; i += 1) {
    for (const variant of ['plain', 'rich']) {
      const dir = join(work, `${variant}-${i}`);
      content(join(dir, 'content'), variant === 'rich');
      const start = performance.now();
      await run(
        process.execPath,
        [
          CLI,
          'build',
          '--content',
          join(dir, 'content'),
          '--out',
          join(dir, 'out'),
          '--only',
          'slides',
          '--cache',
          join(dir, 'cache'),
        ],
        { env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 },
      );
      times[variant].push(performance.now() - start);
      // More slides print more pages: say how many each variant has, so the ratio can be read.
      slides[variant] = JSON.parse(
        readFileSync(join(dir, 'out', 'slides', 'bench', 'deck.json'), 'utf8'),
      ).slides.length;
    }
  }
  const plain = median(times.plain) / 1000;
  const rich = median(times.rich) / 1000;
  console.log('| deck | slides | median build + print |');
  console.log('| --- | --- | --- |');
  console.log(`| plain text | ${slides.plain} | ${plain.toFixed(1)} s |`);
  console.log(`| ten formulas, three figures | ${slides.rich} | ${rich.toFixed(1)} s |`);
  console.log(`ratio: ${(rich / plain).toFixed(2)}× (goal ≤ 1.10×)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
