/**
 * A deck's fonts: each face cut to the characters the deck draws and written as WOFF2, for every
 * family deck of the shipped content, by studykit (harfbuzz through subset-font, then our WOFF2 writer,
 * packages/fonts/src/woff2.ts) against subset-font's own WOFF2 output (the same cut, compressed by its
 * WebAssembly encoder at Brotli quality 11): CPU time and bytes, summed over the decks. Median of the
 * runs (default 3), in one process, nothing kept between runs. Never run by the tests.
 *
 *   pnpm build && node bench/fonts-bench.mjs [runs]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fromFonts = createRequire(`${root}packages/fonts/package.json`);
const subsetFont = fromFonts('subset-font');
const { loadContent } = await import(`${root}packages/core/dist/fs.js`);
const { FAMILIES, facePath, facesOf, coverage } = await import(`${root}packages/fonts/dist/index.js`);
const { toWoff2 } = await import(`${root}packages/fonts/dist/woff2.js`);
const { planDeck } = await import(`${root}apps/slides/dist/deck.js`);
const { deckText } = await import(`${root}apps/slides/dist/render-decks.js`);

const runs = Number(process.argv[2] ?? 3);
const ast = await loadContent(`${root}content`);
const decks = ast.families.filter((family) => ast.papers.some((paper) => paper.family === family.id));
/** Every face a deck needs, with its characters (as subsetFonts asks for them). */
const jobs = decks.flatMap((family) => {
  const byFamily = coverage().charactersByFamily(deckText(planDeck(ast, family.id)));
  return Object.keys(FAMILIES).flatMap((name) =>
    byFamily[name].trim()
      ? facesOf(name).map((face) => ({ bytes: readFileSync(facePath(face.id)), text: byFamily[name] }))
      : [],
  );
});

async function measure(write) {
  const start = process.cpuUsage();
  let bytes = 0;
  for (const { bytes: face, text } of jobs) bytes += (await write(face, text)).byteLength;
  const used = process.cpuUsage(start);
  return { seconds: (used.user + used.system) / 1e6, bytes };
}
const ours = (face, text) =>
  subsetFont(face, text, { targetFormat: 'sfnt' }).then((sfnt) => toWoff2(new Uint8Array(sfnt)));
const theirs = (face, text) => subsetFont(face, text, { targetFormat: 'woff2' });

const results = { ours: [], theirs: [] };
for (let run = 0; run < runs; run++) {
  results.ours.push(await measure(ours));
  results.theirs.push(await measure(theirs));
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const row = (name, list) => ({ name, seconds: median(list.map((r) => r.seconds)), bytes: list[0].bytes });
const a = row('studykit (sfnt cut + woff2.ts, Brotli 7)', results.ours);
const b = row('subset-font woff2 (wasm, Brotli 11)', results.theirs);
console.log(`${decks.length} decks, ${jobs.length} faces, median of ${runs}`);
console.log('| what | CPU | bytes |\n| --- | --- | --- |');
for (const r of [a, b])
  console.log(`| ${r.name} | ${r.seconds.toFixed(2)} s | ${(r.bytes / 1024).toFixed(0)} KB |`);
console.log(`ratio: CPU ${(a.seconds / b.seconds).toFixed(2)}×, bytes ${(a.bytes / b.bytes).toFixed(2)}×`);
