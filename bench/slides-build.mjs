// Times `buildDecks` on the shipped content: a cold build (every deck built and exported, two Slidev
// processes at a time), then a warm run where every digest matches. Needs `pnpm build` first.
// Usage: node bench/slides-build.mjs [content-dir]
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const slidesDist = join(root, 'apps/slides/dist/index.js');
const coreFs = join(root, 'packages/core/dist/fs.js');
for (const file of [slidesDist, coreFs]) {
  if (!existsSync(file)) {
    console.error(`missing ${file}: run \`pnpm build\` first`);
    process.exit(1);
  }
}
const { buildDecks } = await import(slidesDist);
const { loadContent } = await import(coreFs);

const content = resolve(process.argv[2] ?? join(root, 'content'));
const outDir = mkdtempSync(join(tmpdir(), 'studykit-slides-bench-'));
const ast = await loadContent(content);
const families = ast.families.filter((f) => f.papers.length > 0).map((f) => f.id);

const started = new Map();
const finished = new Map();
const onProgress = (event) => {
  const [, family, what] = /^deck (\S+): (.*)$/.exec(event.detail) ?? [];
  if (!family) return;
  if (what === 'building') started.set(family, performance.now());
  if (what === 'done') finished.set(family, performance.now());
};

let cold;
let warm;
let coldMs;
let warmMs;
try {
  let t = performance.now();
  cold = await buildDecks(ast, { outDir, onProgress });
  coldMs = performance.now() - t;
  t = performance.now();
  warm = await buildDecks(ast, { outDir });
  warmMs = performance.now() - t;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

console.log(`families: ${families.join(', ')} (${ast.papers.length} papers)`);
for (const family of families) {
  const ms = (finished.get(family) ?? 0) - (started.get(family) ?? 0);
  console.log(`  ${family}: build + export ${(ms / 1000).toFixed(1)} s (wall, sharing 2 Slidev slots)`);
}
console.log(`cold: built ${cold.built.length} decks in ${(coldMs / 1000).toFixed(1)} s`);
console.log(`warm: skipped ${warm.skipped.length} decks in ${warmMs.toFixed(0)} ms`);
