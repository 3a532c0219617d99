#!/usr/bin/env node
/**
 * `npm run bench`: every benchmark, one after the other (never run by the tests), each printing its
 * own table of medians and ratios. Results of a run on the project's machine: bench/RESULTS.md.
 *   decks-bench.mjs     one deck and every output against plain Slidev and mermaid-cli (ratios)
 *   scale-bench.mjs     check, nothing-changed build, one-paper edit, report memory at 200 and 1,000 papers
 *   lineage-scale.mjs   the lineage at 12, 200 and 1,000 papers
 *   lineage-bench.mjs   the lineage against mermaid-cli on the same .mmd (ratio)
 *   watch-lineage.mjs   watch: from a saved edit to the new lineage.svg and family diagram, at 12, 200
 *                       and 1,000 papers
 *   figures-bench.mjs   a deck with ten formulas and three figures against the same deck as plain text
 *   watch-preview.mjs   watch --serve: from a saved edit to what the open browser shows (deck text,
 *                       lineage slide, lineage.svg), against the rebuilt deck landing and reloading
 *   fonts-bench.mjs     the shipped decks' font subsets as WOFF2: ours against subset-font's (ratio)
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benches = [
  ['decks-bench.mjs'],
  ['figures-bench.mjs', '3'],
  ['scale-bench.mjs'],
  ['lineage-scale.mjs'],
  ['lineage-bench.mjs', '--runs', '3'],
  ['watch-lineage.mjs', '5', '--papers', 'shipped,200,1000'],
  ['watch-preview.mjs', '5'],
  ['fonts-bench.mjs', '3'],
];
let failed = 0;
for (const [file, ...args] of benches) {
  console.log(`\n== ${file} ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [fileURLToPath(new URL(file, import.meta.url)), ...args], {
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  if (run.status !== 0) {
    failed += 1;
    console.log(`${file} failed (exit ${run.status ?? run.signal})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
