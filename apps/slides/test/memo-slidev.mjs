// Slidev, remembered: `build` runs the real Slidev CLI once per distinct deck and copies the site it
// made for the same deck again. A deck is its folder's files (slides.md, style.css, components, fonts,
// figures) and the build's arguments other than --out. For tests that build one deck more than once
// on the way to what they check (refit.test.ts: both cases start with the same optimistic layout);
// never for a test about the build itself (reproducible builds run Slidev every time).
// SLIDEV_MEMO_DIR: where the sites are kept (the test's own temporary folder).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SLIDEV = fileURLToPath(new URL('../node_modules/@slidev/cli/bin/slidev.mjs', import.meta.url));
const args = process.argv.slice(2);
const memoDir = process.env.SLIDEV_MEMO_DIR;
if (!memoDir) throw new Error('memo-slidev.mjs: set SLIDEV_MEMO_DIR');
const outAt = args.indexOf('--out');
const out = resolve(args[outAt + 1] ?? '');

/** Every file below `dir`, by its path relative to `dir`, sorted. */
function files(dir, under = '') {
  return readdirSync(join(dir, under), { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(under, entry.name);
      return entry.isDirectory() ? files(dir, path) : [path];
    })
    .sort();
}

const hash = createHash('sha256').update(JSON.stringify(args.filter((_, at) => at !== outAt + 1)));
for (const path of files(process.cwd()))
  hash.update(path).update('\0').update(readFileSync(path)).update('\0');
const kept = join(memoDir, hash.digest('hex'));

if (existsSync(kept)) {
  cpSync(kept, out, { recursive: true });
} else {
  const run = spawnSync(process.execPath, [SLIDEV, ...args], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  cpSync(out, `${kept}.partial`, { recursive: true });
  renameSync(`${kept}.partial`, kept);
}
