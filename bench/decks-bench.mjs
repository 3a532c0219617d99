/**
 * The two deck ratios, measured in one run on the shipped content:
 *   1. one deck (openai) built and printed by studykit, against plain `slidev build` + `slidev export`
 *      of the very same generated slides.md (its style.css and fonts beside it);
 *   2. a cold `studykit build` of every output, against the sum of the standalone tools: slidev build
 *      + export per deck, and mermaid-cli once per diagram file (lineage.svg/.png/.pdf and each
 *      family's SVG).
 * Ratios below 1 mean studykit is faster. Never run by the tests.
 *
 *   pnpm build && node bench/decks-bench.mjs [--family openai] [--no-cold]
 */
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const family = args.includes('--family') ? args[args.indexOf('--family') + 1] : 'openai';
const { chromiumPath, CHROMIUM_ARGS } = await import(join(root, 'packages/browser/dist/index.js'));
const { loadContent } = await import(join(root, 'packages/core/dist/fs.js'));
const { renderDecks } = await import(join(root, 'apps/slides/dist/index.js'));
const { MermaidRenderer } = await import(join(root, 'packages/diagram/dist/index.js'));
const { toMermaid } = await import(join(root, 'packages/lineage-mermaid/dist/index.js'));
const SLIDEV = join(root, 'apps/slides/node_modules/@slidev/cli/bin/slidev.mjs');
const CLI = join(root, 'packages/cli/dist/bin.js');
const env = { ...process.env, NO_COLOR: '1', CI: '1', TURBO_TELEMETRY_DISABLED: '1' };

const seconds = (ms) => (ms / 1000).toFixed(1);
const slidevBuild = (cwd) =>
  run(process.execPath, [SLIDEV, 'build', 'slides.md', '--out', 'dist'], { cwd, env });
const slidevExport = (cwd) =>
  run(
    process.execPath,
    [
      SLIDEV,
      'export',
      'slides.md',
      '--output',
      'deck.pdf',
      '--executable-path',
      chromiumPath(),
      '--timeout',
      '120000',
    ],
    { cwd, env, maxBuffer: 64 << 20 },
  );
async function time(task) {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

const work = mkdtempSync(join(tmpdir(), 'decks-bench-'));
try {
  console.log(`decks bench: Node ${process.version}, ${cpus().length} cores, ${chromiumPath()}`);
  const ast = await loadContent(join(root, 'content'));

  // 1. One deck: studykit (layout measured in Chromium, slidev build, print from the built site).
  const staging = join(work, 'staging');
  const renderer = await MermaidRenderer.launch();
  const ours = await time(() =>
    renderDecks(ast, {
      outDir: join(work, 'none'),
      stagingDir: staging,
      diagrams: renderer,
      families: [family],
    }).then((result) => {
      if (result.failed.length > 0) throw new Error(result.failed.map((f) => f.message).join('; '));
      return result;
    }),
  );
  await renderer.close();
  // The same markdown, fonts and stylesheet, built and exported by Slidev alone.
  const plain = join(work, 'plain');
  cpSync(join(staging, 'work', family), plain, { recursive: true });
  const build = await time(() => slidevBuild(plain));
  const exported = await time(() => slidevExport(plain));
  console.log(
    `one deck (${family}): studykit ${seconds(ours)} s; slidev build ${seconds(build)} s + export ${seconds(exported)} s = ${seconds(build + exported)} s; ratio ${(ours / (build + exported)).toFixed(2)}× (goal ≤ 0.70×)`,
  );

  if (!args.includes('--no-cold')) {
    // 2. A cold build of every output, against the standalone tools one by one.
    const out = join(work, 'out');
    const cold = await time(() =>
      run(process.execPath, [CLI, 'build', '--out', out], { cwd: root, env, maxBuffer: 64 << 20 }),
    );
    let standalone = 0;
    // Every deck the build made: one per family and one per meeting.
    const folders = [
      ...ast.families.filter((f) => f.papers.length > 0).map((f) => `slides/${f.id}`),
      ...ast.meetings.map((m) => `meetings/${m.id}`),
    ];
    const families = ast.families.filter((f) => f.papers.length > 0).map((f) => f.id);
    for (const [index, folder] of folders.entries()) {
      const deck = join(work, `plain-${index}`);
      cpSync(join(staging, 'work', family), deck, { recursive: true }); // fonts and components
      cpSync(join(out, folder, 'slides.md'), join(deck, 'slides.md'));
      standalone += await time(() => slidevBuild(deck));
      standalone += await time(() => slidevExport(deck));
    }
    const mmdc = findMmdc();
    if (mmdc) {
      const puppeteerConfig = join(work, 'puppeteer.json');
      writeFileSync(
        puppeteerConfig,
        JSON.stringify({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] }),
      );
      const render = (text, output, extra = []) => {
        const input = join(work, `${output}.mmd`);
        writeFileSync(input, text);
        return run(
          process.execPath,
          [mmdc, '-q', '-p', puppeteerConfig, '-i', input, '-o', join(work, output), ...extra],
          {
            maxBuffer: 64 << 20,
          },
        );
      };
      const whole = toMermaid(ast);
      standalone += await time(() => render(whole, 'lineage.svg'));
      standalone += await time(() => render(whole, 'lineage.png', ['-s', '2']));
      standalone += await time(() => render(whole, 'lineage.pdf', ['--pdfFit']));
      for (const id of families)
        standalone += await time(() => render(toMermaid(ast, { family: id }), `lineage-${id}.svg`));
    }
    console.log(
      `every output, cold: studykit ${seconds(cold)} s; standalone tools ${seconds(standalone)} s (${folders.length} decks${mmdc ? ` + ${3 + families.length} mermaid-cli calls` : ', mermaid-cli missing'}); ratio ${(cold / standalone).toFixed(2)}× (goal ≤ 0.45×)`,
    );
    const deckBytes = readdirSync(join(out, 'slides'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => `${e.name} ${du(join(out, 'slides', e.name))}`);
    console.log(`deck folders: ${deckBytes.join(', ')}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function du(path) {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return `${(total / 1e6).toFixed(1)} MB`;
}

function findMmdc() {
  const folder = join(root, 'apps/lineage/node_modules/@mermaid-js/mermaid-cli');
  if (!existsSync(folder)) return undefined;
  const cli = realpathSync(folder);
  const puppeteer = createRequire(join(cli, 'package.json'))('puppeteer/package.json');
  return puppeteer.name === 'puppeteer-core' ? join(cli, 'src', 'cli.js') : undefined;
}
