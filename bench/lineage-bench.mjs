#!/usr/bin/env node
/**
 * Lineage rendering: our warm/cold Chromium page against @mermaid-js/mermaid-cli on the same text.
 *
 *   pnpm build && node bench/lineage-bench.mjs [--runs 3] [--no-mmdc]
 *
 * Inputs: the shipped content's lineage, a generated 200-paper lineage drawn in full (every paper, as a
 * stress test), and the overview that studykit's lineage.mmd holds for 1,000 papers. "cold" = launch Chromium,
 * load mermaid, render, close; "warm" = render in an already-open page (the watch mode). Prints
 * medians in seconds and the ratio mermaid-cli / ours. Nothing here asserts anything.
 */
import { execFile } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { syntheticLineage } from '../tests/corpus/index.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const lineageDist = join(root, 'apps/lineage/dist/index.js');
const diagramDist = join(root, 'packages/diagram/dist/index.js');
const mermaidTextDist = join(root, 'packages/lineage-mermaid/dist/index.js');
const coreFs = join(root, 'packages/core/dist/fs.js');
const browserDist = join(root, 'packages/browser/dist/index.js');
for (const file of [lineageDist, diagramDist, mermaidTextDist, coreFs, browserDist]) {
  if (!existsSync(file)) {
    console.error(`missing ${file}: run \`pnpm build\` first`);
    process.exit(1);
  }
}
const { renderLineage } = await import(lineageDist);
const { toMermaid, toOverviewMermaid } = await import(mermaidTextDist);
const { MermaidRenderer } = await import(diagramDist);
const { loadContent } = await import(coreFs);
const { chromiumPath, CHROMIUM_ARGS } = await import(browserDist);

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const withMmdc = !args.includes('--no-mmdc');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => (Number.isNaN(ms) ? 'fails,' : (ms / 1000).toFixed(2));
/** A ratio, or why there is none (mermaid-cli failed). */
const ratio = (a, b) => (Number.isNaN(a) ? 'none (mermaid-cli failed)' : `${(a / b).toFixed(1)}x`);
async function time(task) {
  const start = performance.now();
  await task();
  return performance.now() - start;
}
async function timeRuns(task, count = runs) {
  const times = [];
  for (let i = 0; i < count; i++) times.push(await time(task));
  return median(times);
}

/** mermaid-cli, if it is installed without a downloaded browser; otherwise why not. */
function findMmdc() {
  const folder = join(root, 'apps/lineage/node_modules/@mermaid-js/mermaid-cli');
  if (!existsSync(folder))
    return { skip: '@mermaid-js/mermaid-cli is not installed (devDependency of apps/lineage)' };
  const cli = realpathSync(folder);
  const bin = join(cli, 'src', 'cli.js');
  if (!existsSync(bin)) return { skip: `mermaid-cli found but ${bin} is missing` };
  try {
    // puppeteer is aliased to puppeteer-core: it never downloads a browser; we hand it Debian's.
    const puppeteer = createRequire(join(cli, 'package.json'))('puppeteer/package.json');
    if (puppeteer.name !== 'puppeteer-core') {
      return {
        skip: `puppeteer resolves to ${puppeteer.name}, not puppeteer-core: it may want its own Chrome`,
      };
    }
  } catch {
    return { skip: 'puppeteer(-core) is not installed next to mermaid-cli' };
  }
  return { bin };
}

const work = await mkdtemp(join(tmpdir(), 'lineage-bench-'));
try {
  const shipped = await loadContent(join(root, 'content'));
  const generated = syntheticLineage(200);
  const large = syntheticLineage(1000);
  const inputs = [
    { name: `shipped (${shipped.papers.length} papers, ${shipped.edges.length} edges)`, ast: shipped },
    {
      name: `generated (${generated.papers.length} papers, ${generated.edges.length} edges), every paper`,
      ast: generated,
    },
    {
      name: `generated (${large.papers.length} papers), the overview studykit writes as lineage.mmd`,
      ast: large,
      text: toOverviewMermaid(large),
    },
  ];

  const mmdc = withMmdc ? findMmdc() : { skip: '--no-mmdc' };
  let puppeteerConfig;
  let mermaidConfig;
  if (mmdc.bin) {
    puppeteerConfig = join(work, 'puppeteer.json');
    mermaidConfig = join(work, 'mermaid.json');
    await writeFile(
      puppeteerConfig,
      JSON.stringify({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] }),
    );
    // The same drawing as ours: SVG-text labels, strict security, no responsive width.
    await writeFile(
      mermaidConfig,
      JSON.stringify({
        htmlLabels: false,
        securityLevel: 'strict',
        flowchart: { useMaxWidth: false, curve: 'basis', wrappingWidth: 100000 },
        maxTextSize: 2000000,
        maxEdges: 20000,
      }),
    );
  }
  const mmdcRender = (input, output, extra = []) =>
    run(
      process.execPath,
      [mmdc.bin, '-q', '-p', puppeteerConfig, '-c', mermaidConfig, '-i', input, '-o', output, ...extra],
      {
        maxBuffer: 64 << 20,
      },
    );

  console.log(
    `lineage bench: ${runs} run(s) each, median seconds; Node ${process.version}, ${chromiumPath()}`,
  );
  if (mmdc.skip) console.log(`mermaid-cli skipped: ${mmdc.skip}`);

  const warm = await MermaidRenderer.launch();
  try {
    for (const { name, ast, text = toMermaid(ast) } of inputs) {
      const input = join(work, 'input.mmd');
      await writeFile(input, text);
      await warm.render(text); // first render in the page warms mermaid's code paths

      const ours = {
        svgWarm: await timeRuns(() => warm.renderSvg(text)),
        allWarm: await timeRuns(() => warm.render(text)),
        allCold: await timeRuns(async () => {
          const renderer = await MermaidRenderer.launch();
          await renderer.render(text);
          await renderer.close();
        }),
        buildWarm: await timeRuns(() => renderLineage(ast, { renderer: warm })),
      };
      console.log(`\n${name}`);
      console.log(`  ours  svg only, warm page        ${seconds(ours.svgWarm)} s`);
      console.log(`  ours  svg+png+pdf, warm page     ${seconds(ours.allWarm)} s`);
      console.log(`  ours  svg+png+pdf, cold browser  ${seconds(ours.allCold)} s`);
      console.log(`  ours  renderLineage (all files, warm)  ${seconds(ours.buildWarm)} s`);

      if (mmdc.bin) {
        // mermaid-cli failing is a result too (a large diagram's PNG: "Unable to capture screenshot").
        const failed = [];
        const attempt = (format, task) =>
          task().catch((error) => {
            const why = String(error.stderr ?? error.message).match(/\w*Error: [^\n]*/)?.[0] ?? 'failed';
            failed.push(`${format}: ${why}`);
            return Number.NaN;
          });
        const svg = await attempt('svg', () => timeRuns(() => mmdcRender(input, join(work, 'out.svg'))));
        const png = await attempt('png', () =>
          timeRuns(() => mmdcRender(input, join(work, 'out.png'), ['-s', '2']), 1),
        );
        const pdf = await attempt('pdf', () =>
          timeRuns(() => mmdcRender(input, join(work, 'out.pdf'), ['--pdfFit']), 1),
        );
        for (const failure of failed) console.log(`  mmdc  fails: ${failure}`);
        const all = svg + png + pdf;
        console.log(`  mmdc  svg                        ${seconds(svg)} s`);
        console.log(
          `  mmdc  svg+png+pdf (3 calls)      ${Number.isNaN(all) ? 'fails' : `${seconds(all)} s`}`,
        );
        console.log(`  ratio svg:  mmdc / ours warm = ${ratio(svg, ours.svgWarm)}`);
        console.log(
          `  ratio all:  mmdc / ours warm = ${ratio(all, ours.allWarm)}, mmdc / ours cold = ${ratio(all, ours.allCold)}`,
        );
      }
    }
  } finally {
    await warm.close();
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
