#!/usr/bin/env node
// `npm test`: lint, compile (cached by Turborepo), then every vitest project in one run, ending with
// one plain summary line (`tests: N passed, N failed, N skipped`) that any CI can read.
// `npm run test:fast` (--fast): only the fast projects, which start no Chromium and no Slidev and
// import the packages from source, so neither the lint nor the build runs first (vitest.config.ts).
// Other arguments go to vitest (a file filter, --project, --reporter=verbose…).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

process.env.TURBO_TELEMETRY_DISABLED = '1';
// Every test runs on the same day, in the same time zone and locale, whatever the machine's are.
process.env.SOURCE_DATE_EPOCH = String(Date.UTC(2026, 10, 29) / 1000);
process.env.TZ = 'UTC';
process.env.LANG = 'C.UTF-8';
process.env.LC_ALL = 'C.UTF-8';
process.env.DO_NOT_TRACK = '1';

const step = (command, args) => {
  console.log(`test: $ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit' }).status ?? 1;
};

const fast = process.argv.includes('--fast');
const vitestArgs = process.argv.slice(2).filter((arg) => arg !== '--fast');

if (fast) {
  process.env.STUDYKIT_TESTS = 'fast';
} else {
  const lint = step('pnpm', ['exec', 'biome', 'check', '.']);
  if (lint !== 0) process.exit(lint);
  const build = step('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
  if (build !== 0) process.exit(build);
  // Every package's dist/ is its src/ now: a test may trust a digest of the built code
  // (apps/slides/test/content.test.ts reads the decks setup rendered when they are current).
  process.env.STUDYKIT_CODE_BUILT = '1';
}

mkdirSync('.tmp', { recursive: true });
const report = fast ? '.tmp/vitest-fast-report.json' : '.tmp/vitest-report.json';
rmSync(report, { force: true }); // never a previous run's numbers
const status = step('pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...vitestArgs,
]);
try {
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  const notRun = summary.numPendingTests + summary.numTodoTests;
  console.log(`tests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${notRun} skipped`);
  if (summary.numTotalTests === 0) {
    console.error('test: no test ran');
    process.exit(1);
  }
} catch {
  console.error(`test: no vitest report at ${report}`);
  process.exit(status || 1);
}
process.exit(status);
