#!/usr/bin/env node
/**
 * Edit → visible in the open browser, under `studykit watch --serve` (shipped content, a temporary
 * copy): Chromium (playwright-core, /usr/bin/chromium) keeps the LLaMA deck open on the slide that
 * shows a sentence of alpaca.md, the deck's lineage slide and lineage.svg; each run saves an edit and
 * times, from the save:
 *   - text:  the open deck shows the new word (the fast preview), then the rebuilt deck has landed and
 *            the page reloaded itself, still on that slide (what today's rebuild + a manual reload gives);
 *   - edge:  a new builds_on entry: the deck's lineage slide and lineage.svg show its label.
 * Between runs the file is restored and that build waited for. Prints medians (and ranges).
 *
 *   node bench/watch-preview.mjs [runs=5]
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../packages/browser/dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(root, 'packages/cli/dist/bin.js');
const runs = Number(process.argv[2] ?? 5);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const range = (values) =>
  `${seconds(median(values))} (${seconds(Math.min(...values))}–${seconds(Math.max(...values))})`;

const dir = mkdtempSync(join(tmpdir(), 'studykit-preview-bench-'));
const content = join(dir, 'content');
cpSync(join(root, 'content'), content, { recursive: true });
const paper = join(content, 'llama', 'alpaca.md');
const original = readFileSync(paper, 'utf8');
const WORD = 'stereotypes';
/** A new builds_on entry goes first in the list (the list's own entries change with the notes). */
const EDGE_AT = 'builds_on:\n';
// An edit that changes nothing would wait for a rebuild that never comes: stop at once instead.
for (const anchor of [WORD, EDGE_AT]) {
  if (!original.includes(anchor))
    throw new Error(`bench/watch-preview.mjs: alpaca.md no longer has ${JSON.stringify(anchor)}`);
}

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
const watcher = spawn(
  process.execPath,
  [
    CLI,
    'watch',
    '--serve',
    '--port',
    '0',
    '--content',
    content,
    '--out',
    join(dir, 'out'),
    '--cache',
    join(dir, 'cache'),
  ],
  { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
);
let log = '';
watcher.stdout.on('data', (chunk) => {
  log += chunk;
});
watcher.stderr.on('data', (chunk) => {
  log += chunk;
});
const until = async (what, probe, timeout = 600_000) => {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${log.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
/** Resolves once the watcher has printed `ready` `count` times in all and been quiet for a moment. */
const builds = () => log.split('watch: ready').length - 1;
const idleAfter = async (count) => {
  await until(`build ${count}`, () => builds() >= count);
  await new Promise((resolve) => setTimeout(resolve, 500));
};

let browser;
try {
  const origin = await until('the URL', () => /Live preview: (http:\/\/127\.0\.0\.1:\d+)/.exec(log)?.[1]);
  await until('the watcher', () => log.includes('watch: watching'));
  const slidesMd = readFileSync(join(dir, 'out/slides/llama/slides.md'), 'utf8');
  const before = slidesMd.slice(0, slidesMd.indexOf(WORD));
  const textSlide = before.split('<div v-pre class="sk-slide').length - 1;
  const deckJson = JSON.parse(readFileSync(join(dir, 'out/slides/llama/deck.json'), 'utf8'));
  const lineageSlide = deckJson.slides.findIndex((s) => s.kind === 'lineage') + 1;
  browser = await launchChromium();
  const open = async (path) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${origin}${path}`);
    return page;
  };
  const deck = await open(`/slides/llama/#/${textSlide}`);
  await deck.waitForSelector(`.slidev-page-${textSlide} .sk-slide`);
  const lineageDeck = await open(`/slides/llama/#/${lineageSlide}`);
  await lineageDeck.waitForSelector(`.slidev-page-${lineageSlide} .sk-diagram svg`);
  const svg = await open('/lineage/lineage.svg');
  // A deck's fast path warms up when the deck is opened (its measuring page, fonts, measurements).
  await until('the warm-up', () => log.includes('slides/llama opened, ready for previews'));
  const shows = (page, selector, text) =>
    page
      .evaluate(([s, t]) => document.querySelector(s)?.textContent?.includes(t) ?? false, [selector, text])
      .catch(() => false);

  const text = { preview: [], reload: [] };
  const edge = { slide: [], svg: [] };
  let count = builds();
  for (let run = 1; run <= runs; run += 1) {
    // Text: one word of the first bullet replaced.
    const marker = `Zqxedit${run}`;
    await deck.evaluate(() => {
      window.studykitBenchOld = true;
    });
    let t0 = performance.now();
    writeFileSync(paper, original.replace(WORD, marker));
    await until('the preview', () => shows(deck, `.slidev-page-${textSlide}`, marker));
    text.preview.push(performance.now() - t0);
    console.error(`run ${run}: text shown after ${seconds(text.preview.at(-1))}`);
    await until('the reload', async () => {
      const fresh = await deck.evaluate(() => window.studykitBenchOld !== true).catch(() => false);
      return (
        fresh &&
        deck.url().endsWith(`#/${textSlide}`) &&
        (await shows(deck, `.slidev-page-${textSlide}`, marker))
      );
    });
    text.reload.push(performance.now() - t0);
    console.error(`run ${run}: rebuilt deck reloaded after ${seconds(text.reload.at(-1))}`);
    count += 1;
    await idleAfter(count);

    // Edge: a new builds_on entry, labelled.
    const label = `Zqxedge${run}`;
    t0 = performance.now();
    writeFileSync(
      paper,
      original.replace(EDGE_AT, `${EDGE_AT}  - id: gpt-3\n    kind: borrows-method\n    label: ${label}\n`),
    );
    const slideAt = until('the lineage slide', () =>
      shows(lineageDeck, `.slidev-page-${lineageSlide} .sk-diagram`, label),
    ).then(() => edge.slide.push(performance.now() - t0));
    const svgAt = until('lineage.svg', () => shows(svg, 'svg', label)).then(() =>
      edge.svg.push(performance.now() - t0),
    );
    await Promise.all([slideAt, svgAt]);
    console.error(
      `run ${run}: edge on the slide after ${seconds(edge.slide.at(-1))}, in lineage.svg after ${seconds(edge.svg.at(-1))}`,
    );
    count += 1;
    await idleAfter(count);
    writeFileSync(paper, original);
    count += 1;
    await idleAfter(count);
  }
  console.log(
    `watch --serve, shipped content, ${runs} runs (median, range); load average ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    '| edit | shown in the open page | rebuilt deck landed and reloaded (today: rebuild + manual reload) |',
  );
  console.log('| --- | --- | --- |');
  console.log(`| paper text → deck slide ${textSlide} | ${range(text.preview)} | ${range(text.reload)} |`);
  console.log(`| builds_on → deck lineage slide | ${range(edge.slide)} | |`);
  console.log(`| builds_on → lineage.svg | ${range(edge.svg)} | |`);
} finally {
  await browser?.close();
  try {
    process.kill(-watcher.pid, 'SIGINT');
  } catch {}
  await new Promise((resolve) => (watcher.exitCode !== null ? resolve() : watcher.once('exit', resolve)));
  rmSync(dir, { recursive: true, force: true });
}
