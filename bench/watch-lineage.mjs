#!/usr/bin/env node
// Edit → fresh diagram: starts `studykit watch --only lineage` on a copy of content/, then edits a
// paper's builds_on N times and times each save until lineage.svg holds the change. Prints the median.
//   node bench/watch-lineage.mjs [runs=9] [--only lineage,report]
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 9);
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : 'lineage';
const content = mkdtempSync(join(tmpdir(), 'bench-watch-content-'));
const out = mkdtempSync(join(tmpdir(), 'bench-watch-out-'));
cpSync(join(root, 'content'), content, { recursive: true });
const paper = join(content, 'llama', 'alpaca.md');
const svg = join(out, 'lineage', 'lineage.svg');
const original = readFileSync(paper, 'utf8');

const watcher = spawn(
  'node',
  [join(root, 'packages/cli/dist/bin.js'), 'watch', '--content', content, '--out', out, '--only', only],
  {
    stdio: ['ignore', 'ignore', 'pipe'],
  },
);
let stderr = '';
watcher.stderr.on('data', (chunk) => {
  stderr += chunk;
});
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (probe, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out; watch said:\n${stderr}`);
    await sleep(5);
  }
};

const coldStart = performance.now();
await until(() => stderr.includes('watch: watching'));
console.log(`first build (cold browser): ${((performance.now() - coldStart) / 1000).toFixed(2)} s`);

const times = [];
for (let run = 0; run < runs; run++) {
  // Alternate the label of the LLaMA edge: a builds_on change that must show in the diagram.
  const label = `bench edit ${run}`;
  // Each run waits for its cycle to finish (PNG, PDF, family diagrams): save, look, save again.
  const readyCount = stderr.split('watch: ready').length;
  await sleep(200);
  const started = performance.now();
  writeFileSync(paper, original.replace(/label: LLaMA 7B weights/, `label: ${label}`));
  await until(() => {
    try {
      return readFileSync(svg, 'utf8').includes(label);
    } catch {
      return false;
    }
  });
  times.push(performance.now() - started);
  await until(() => stderr.split('watch: ready').length > readyCount);
}
watcher.kill('SIGINT');
await new Promise((resolve) => watcher.once('exit', resolve));
writeFileSync(paper, original);

times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`edit of builds_on → new lineage.svg, ${runs} runs (--only ${only}):`);
console.log(
  `  median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms (target 500 ms)`,
);
