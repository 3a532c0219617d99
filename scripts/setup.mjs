#!/usr/bin/env node
// `npm run setup`: everything a fresh machine (Node 20 + npm) needs, then every output.
// 1. pnpm at the pinned version (installed with npm: corepack fails on signatures here),
// 2. Debian packages when missing and we are root: chromium (draws diagrams, measures and prints decks),
//    poppler-utils, qpdf, librsvg2-bin (PDF/SVG checks in tests). No system font is needed: every output
//    carries its own (packages/fonts), and the tests check that no system font draws any text,
// 3. the locked dependencies (no browser download: see pnpm-workspace.yaml),
// 4. a Turborepo build of every package and every output (cached: a second run replays).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PNPM_VERSION = '10.34.9';
const APT_PACKAGES = [
  ['chromium', '/usr/bin/chromium'],
  ['poppler-utils', '/usr/bin/pdftoppm'],
  ['qpdf', '/usr/bin/qpdf'],
  ['librsvg2-bin', '/usr/bin/rsvg-convert'],
];

process.env.TURBO_TELEMETRY_DISABLED = '1';
process.env.DO_NOT_TRACK = '1';

const say = (text) => console.log(`setup: ${text}`);
const run = (command, args, options = {}) => {
  say(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`setup: '${command} ${args.join(' ')}' failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
};
const output = (command, args) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
};

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`setup: Node ${process.versions.node} is too old; studykit needs Node 20.19 or newer.`);
  process.exit(1);
}

if (output('pnpm', ['--version']) !== PNPM_VERSION) {
  run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]);
}

const missing = APT_PACKAGES.filter(([, path]) => !existsSync(path)).map(([name]) => name);
if (missing.length > 0) {
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
  } else {
    console.error(
      `setup: missing system packages: ${missing.join(', ')}. Install them (sudo apt-get install ${missing.join(' ')}) and run again.`,
    );
    process.exit(1);
  }
}

run('pnpm', ['install', '--frozen-lockfile', '--reporter=default']);
// One task at a time: each render task is a `studykit build --only <output>` into the same out/, and a
// build locks out/ (out/.studykit/lock), so a second render started alongside stops at once (lineage
// and slides, or slides and report, have no order between them). The slides render builds as many
// decks at once as there are cores anyway.
run('pnpm', ['exec', 'turbo', 'run', 'build', 'render', '--concurrency=1', '--output-logs=errors-only']);
say('done. Outputs are in out/ (open out/index.html). Run `npm test` for the tests.');
