/**
 * studykit at semester scale: the seeded 200- and 1,000-paper reading lists (tests/corpus/semester.mjs), built
 * with the CLI as a user runs it. Prints medians (seconds) and the report's peak memory:
 *   check cold (no cache) and warm (nothing changed); a build of the diagram and the report, cold,
 *   with nothing changed, and after a one-paper edit.
 * Decks are left to decks-bench.mjs (40 families of 25 papers are ~1,000 slides: minutes, not a ratio).
 *
 *   pnpm build && node bench/scale-bench.mjs [--sizes 200,1000] [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from '../tests/corpus/index.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(root, 'packages/cli/dist/bin.js');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sizes = option('--sizes', '200,1000').split(',').map(Number);
const runs = Number(option('--runs', '3'));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };

/** Wall seconds and peak RSS (KB) of one CLI run, through GNU time. */
function timed(cliArgs) {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'PEAK %M', process.execPath, CLI, ...cliArgs], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 << 20,
  });
  const seconds = (performance.now() - started) / 1000;
  const stderr = run.stderr ?? '';
  if (run.status !== 0)
    throw new Error(`studykit ${cliArgs.join(' ')} failed (${run.status}): ${stderr.slice(-2000)}`);
  return { seconds, peakKb: Number(/PEAK (\d+)/.exec(stderr)?.[1] ?? 0), stderr };
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (seconds) => `${seconds.toFixed(2)} s`;

const rows = [];
for (const size of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `studykit-scale-${size}-`));
  const content = writeCorpus(join(dir, 'content'), size);
  const out = join(dir, 'out');
  const common = ['--content', content, '--out', out];
  try {
    const cold = [];
    for (let i = 0; i < runs; i += 1) {
      rmSync(join(out, '.cache'), { recursive: true, force: true });
      cold.push(timed(['check', ...common]).seconds);
    }
    const warm = [];
    for (let i = 0; i < runs; i += 1) warm.push(timed(['check', ...common]).seconds);

    const only = ['build', ...common, '--only', 'lineage,report'];
    const first = timed(only);
    const unchanged = [];
    for (let i = 0; i < runs; i += 1) unchanged.push(timed(only).seconds);
    const paper = join(content, 'f0', 'p0.md');
    const edits = [];
    for (let i = 0; i < runs; i += 1) {
      writeFileSync(paper, readFileSync(paper, 'utf8').replace('## Results\n', `## Results\n\nEdit ${i}.\n`));
      edits.push(timed(only).seconds);
    }
    const report = timed(['build', ...common, '--only', 'report', '--force']);
    rows.push([
      size,
      fmt(median(cold)),
      fmt(median(warm)),
      fmt(first.seconds),
      fmt(median(unchanged)),
      fmt(median(edits)),
      `${fmt(report.seconds)}, ${Math.round(report.peakKb / 1024)} MB`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`scale bench: Node ${process.version}, median of ${runs} runs`);
const header = [
  'papers',
  'check cold',
  'check warm',
  'diagram+report cold',
  'nothing changed',
  'one-paper edit',
  'report (forced), peak RSS',
];
console.log(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
