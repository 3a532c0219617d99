#!/usr/bin/env node
/**
 * `studykit build --only lineage` at three sizes, end to end through the CLI (node start-up, parsing
 * the markdown, Chromium and mermaid start-up, every lineage file written):
 *
 *   pnpm build && node bench/lineage-scale.mjs [--runs 3] [--sizes 12,200,1000] [--keep DIR]
 *
 * 12 is the shipped content/; other sizes are generated reading lists (tests/corpus/lineage.mjs,
 * about 25 papers per family) written as markdown to a temporary content folder. Prints the median
 * wall time, when each progress line appeared in the fastest run, and what was drawn: the main view
 * (every paper or the overview), the SVG's size, the PNG's pixels and scale, the PDF page. `--keep DIR`
 * copies each size's lineage.png there to look at. Nothing here asserts anything.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticContent, writeContentFiles } from '../tests/corpus/index.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/cli/dist/bin.js');
if (!existsSync(bin)) {
  console.error(`missing ${bin}: run \`pnpm build\` first`);
  process.exit(1);
}

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(option('--runs', '3'));
const sizes = option('--sizes', '12,200,1000').split(',').map(Number);
const keep = option('--keep', undefined);

/** One CLI build; resolves with its wall time and the time of each stderr line since the start. */
function build(content, out) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const lines = [];
    let cpu;
    const command = [process.execPath, bin, 'build', '--only', 'lineage', '--content', content, '--out', out];
    // GNU time adds the CPU seconds of the build and every process it waited for (Chromium's too):
    // on a shared 2-core machine wall time depends on the neighbours, CPU time much less.
    const timed = existsSync(TIME) ? [TIME, '-f', `${CPU_MARK} %U %S`, ...command] : command;
    const child = spawn(timed[0], timed.slice(1), {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CI: '1' },
    });
    let pending = '';
    child.stderr.on('data', (chunk) => {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      const at = performance.now() - start;
      for (const part of parts) {
        const cpuLine = part.startsWith(CPU_MARK)
          ? part.slice(CPU_MARK.length).trim().split(/\s+/)
          : undefined;
        if (cpuLine) cpu = (Number(cpuLine[0]) + Number(cpuLine[1])) * 1000;
        else if (part.trim()) lines.push({ at, text: part.trim() });
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = performance.now() - start;
      if (pending.trim()) lines.push({ at: wall, text: pending.trim() });
      resolve({ wall, cpu, code, lines });
    });
  });
}

const TIME = '/usr/bin/time';
const CPU_MARK = 'studykit-bench-cpu';
const pngSize = (png) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
const seconds = (ms) => (ms / 1000).toFixed(2);
const number = (n) => n.toLocaleString('en-US');

async function describeOutput(out) {
  const folder = join(out, 'lineage');
  const mmd = await readFile(join(folder, 'lineage.mmd'), 'utf8');
  const svg = await readFile(join(folder, 'lineage.svg'), 'utf8');
  const png = pngSize(await readFile(join(folder, 'lineage.png')));
  const pdf = (await readFile(join(folder, 'lineage.pdf'))).toString('latin1');
  const svgWidth = Number(/<svg [^>]*?width="(\d+)"/.exec(svg)?.[1]);
  const svgHeight = Number(/<svg [^>]*?height="(\d+)"/.exec(svg)?.[1]);
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
  const families = readdirSync(folder).filter((f) => /^lineage-.*\.svg$/.test(f));
  return {
    view: mmd.startsWith('%% Overview') ? 'overview' : 'every paper',
    svg: `${number(svgWidth)} × ${number(svgHeight)} px`,
    png: `${number(png.width)} × ${number(png.height)} px (${(png.width / svgWidth).toFixed(2)}×, ${(
      (png.width * png.height) / 1e6
    ).toFixed(1)} Mpx)`,
    pdf: box
      ? `${(Number(box[1]) / 72).toFixed(1)} × ${(Number(box[2]) / 72).toFixed(1)} in`
      : 'no MediaBox found',
    familyDiagrams: families.length,
  };
}

const work = await mkdtemp(join(tmpdir(), 'lineage-scale-'));
try {
  console.log(
    `lineage scale bench: studykit build --only lineage, ${runs} run(s) each; Node ${process.version}`,
  );
  for (const size of sizes) {
    let content = join(root, 'content');
    if (size !== 12) {
      content = writeContentFiles(join(work, `content-${size}`), syntheticContent(size));
    }
    const out = join(work, `out-${size}`);
    const results = [];
    for (let i = 0; i < runs; i++) {
      await rm(out, { recursive: true, force: true });
      results.push(await build(content, out));
    }
    const failed = results.find((result) => result.code !== 0);
    const sorted = [...results].sort((a, b) => a.wall - b.wall);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(`\n${size === 12 ? 'shipped content (12 papers)' : `generated, ${size} papers`}`);
    console.log(
      `  wall: median ${seconds(median.wall)} s (runs: ${results.map((r) => seconds(r.wall)).join(', ')})`,
    );
    if (median.cpu !== undefined)
      console.log(`  cpu (user+sys, Chromium included) of the median run: ${seconds(median.cpu)} s`);
    console.log(
      `  load average when done: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')}`,
    );
    if (failed) {
      console.log(`  FAILED (exit ${failed.code}):`);
      for (const line of failed.lines) console.log(`    ${line.text}`);
      continue;
    }
    const fastest = sorted[0];
    for (const line of fastest.lines.filter((l) => /^lineage:/.test(l.text)))
      console.log(`    ${seconds(line.at).padStart(6)} s  ${line.text}`);
    const drawn = await describeOutput(out);
    console.log(`  main diagram: ${drawn.view}; svg ${drawn.svg}; png ${drawn.png}; pdf ${drawn.pdf}`);
    console.log(`  family diagrams: ${drawn.familyDiagrams}`);
    if (keep) {
      await mkdir(keep, { recursive: true });
      await copyFile(join(out, 'lineage', 'lineage.png'), join(keep, `lineage-${size}.png`));
      await copyFile(join(out, 'lineage', 'lineage.svg'), join(keep, `lineage-${size}.svg`));
    }
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
