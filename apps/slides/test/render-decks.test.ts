import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '@studykit/browser';
import type { ProgressEvent } from '@studykit/core';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RenderDecksOptions, renderDecks } from '../src/index.js';
import { renderInto } from './build-fixture.js';
import { fixtureAst } from './fixtures.js';

const FAKE = fileURLToPath(new URL('./fake-slidev.mjs', import.meta.url));
const ast = fixtureAst();
let outDir: string;
// One Chromium for the file's builds, as the CLI lends its own (renderDecks called without one
// launches its own: the test of a failing deck below does).
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

beforeEach(() => {
  outDir = mkdtempSync(join(tmpdir(), 'studykit-slides-unit-'));
  process.env.STUDYKIT_SLIDEV_BIN = FAKE;
  delete process.env.FAKE_SLIDEV_FAIL;
  delete process.env.FAKE_SLIDEV_MARK;
});
afterEach(() => {
  rmSync(outDir, { recursive: true, force: true });
  delete process.env.STUDYKIT_SLIDEV_BIN;
  delete process.env.FAKE_SLIDEV_FAIL;
  delete process.env.FAKE_SLIDEV_MARK;
});

const deckHtml = (family: string) => readFileSync(join(outDir, 'slides', family, 'index.html'), 'utf8');

/** A stand-in for the lineage renderer: a small fixed SVG (the fake Slidev never draws it anyway). */
const diagrams: RenderDecksOptions['diagrams'] = {
  renderSvg: async () => ({
    svg: '<svg width="400" height="200" viewBox="0 0 400 200"></svg>',
    width: 400,
    height: 200,
  }),
};

/** Decks without PDFs (the fake Slidev builds no real site to print), put in place as the CLI does. */
const buildDecks = (ast: Parameters<typeof renderInto>[0], options: Partial<RenderDecksOptions>) =>
  renderInto(ast, outDir, {
    diagrams,
    pdf: false,
    newContext: (contextOptions) => browser.newContext(contextOptions),
    ...options,
  }).then(({ built }) => ({ built }));

describe('renderDecks (with a fake Slidev)', { timeout: 60_000 }, () => {
  it('writes each deck with its slides.md and deck.json, and reports progress', async () => {
    const events: ProgressEvent[] = [];
    const result = await buildDecks(ast, { families: ['demo', 'zh'], onProgress: (e) => events.push(e) });
    expect(result).toEqual({ built: ['demo', 'zh'] });
    for (const family of ['demo', 'zh']) {
      expect(existsSync(join(outDir, 'slides', family, 'index.html'))).toBe(true);
      expect(readFileSync(join(outDir, 'slides', family, 'slides.md'), 'utf8')).toContain(
        'routerMode: "hash"',
      );
      const manifest = JSON.parse(readFileSync(join(outDir, 'slides', family, 'deck.json'), 'utf8'));
      expect(manifest.slides[0]).toMatchObject({ kind: 'cover', zoom: 1 });
      expect(manifest.fonts.map((f: { file: string }) => f.file)).toContain('studykit-sans-400.woff2');
    }
    // The Chinese deck carries a CJK subset; the English one does not need it.
    const fontsOf = (family: string) =>
      JSON.parse(readFileSync(join(outDir, 'slides', family, 'deck.json'), 'utf8')).fonts.map(
        (f: { file: string }) => f.file,
      );
    expect(fontsOf('zh')).toContain('studykit-cjk-400.woff2');
    expect(fontsOf('demo')).not.toContain('studykit-cjk-400.woff2');
    expect(events.at(-1)).toMatchObject({ step: 'slides', done: 2, total: 2 });
  });

  it('builds every family with papers by default', async () => {
    const result = await buildDecks(ast, {});
    expect(result.built).toEqual(['demo', 'hostile', 'zh']);
  });

  it('builds every deck asked for: which are current is for the CLI to say (inputs.ts)', async () => {
    await buildDecks(ast, { families: ['demo', 'zh'] });
    expect(await buildDecks(ast, { families: ['demo', 'zh'] })).toEqual({ built: ['demo', 'zh'] });
  });

  it('keeps the previous deck when a build fails, and names the family and the step', async () => {
    process.env.FAKE_SLIDEV_MARK = 'first';
    await buildDecks(ast, { families: ['demo'] });
    const edited = structuredClone(ast);
    const family = edited.families.find((f) => f.id === 'demo');
    if (family) family.name = 'Renamed';
    process.env.FAKE_SLIDEV_MARK = 'second';

    process.env.FAKE_SLIDEV_FAIL = 'build';
    // One line: the deck, the step, Slidev's own reason; never its whole log.
    await expect(buildDecks(edited, { families: ['demo'] })).rejects.toThrow(
      /^Slides deck "demo": slidev build failed: slidev build exited with code 3: fake slidev: build exploded on purpose \(set STUDYKIT_DEBUG=1 to see Slidev's output\)$/,
    );
    expect(deckHtml('demo')).toContain('first');

    delete process.env.FAKE_SLIDEV_FAIL;
    expect((await buildDecks(edited, { families: ['demo'] })).built).toEqual(['demo']);
    expect(deckHtml('demo')).toContain('second');
  });

  it('one deck that fails does not discard the others: they are returned, the failure named', async () => {
    process.env.FAKE_SLIDEV_FAIL_DECK = 'zh';
    try {
      const stagingDir = mkdtempSync(join(outDir, '.work-'));
      const result = await renderDecks(ast, {
        stagingDir,
        diagrams,
        pdf: false,
        families: ['demo', 'zh', 'hostile'],
      });
      expect(result.built).toEqual(['demo', 'hostile']);
      expect(result.folders.map((folder) => folder.path).sort()).toEqual(['slides/demo', 'slides/hostile']);
      expect(result.failed).toEqual([
        {
          name: 'zh',
          folder: 'slides/zh',
          message: expect.stringMatching(/^Slides deck "zh": slidev build failed: .*exploded on purpose/),
        },
      ]);
    } finally {
      delete process.env.FAKE_SLIDEV_FAIL_DECK;
    }
  });

  it('rejects an unknown family before building anything', async () => {
    await expect(buildDecks(ast, { families: ['nope'] })).rejects.toThrow(/Unknown family "nope"/);
  });
});
