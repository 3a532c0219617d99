import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProgressEvent } from '@studykit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDecks, servePresentation } from '../src/index.js';
import { fixtureAst } from './fixtures.js';

const FAKE = fileURLToPath(new URL('./fake-slidev.mjs', import.meta.url));
const ast = fixtureAst();
let outDir: string;

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

describe('buildDecks (with a fake Slidev)', { timeout: 60_000 }, () => {
  it('writes each deck, its slides.md and its PDF, and reports progress', async () => {
    const events: ProgressEvent[] = [];
    const result = await buildDecks(ast, {
      outDir,
      families: ['demo', 'zh'],
      onProgress: (e) => events.push(e),
    });
    expect(result).toEqual({ built: ['demo', 'zh'], skipped: [] });
    for (const family of ['demo', 'zh']) {
      expect(existsSync(join(outDir, 'slides', family, 'index.html'))).toBe(true);
      expect(readFileSync(join(outDir, 'slides', family, 'slides.md'), 'utf8')).toContain(
        'routerMode: "hash"',
      );
      expect(existsSync(join(outDir, 'slides', `${family}.pdf`))).toBe(true);
    }
    expect(events.at(-1)).toMatchObject({ step: 'slides', done: 2, total: 2 });
  });

  it('builds every family with papers by default', async () => {
    const result = await buildDecks(ast, { outDir, pdf: false });
    expect(result.built).toEqual(['demo', 'hostile', 'zh']);
  });

  it('skips a deck whose inputs did not change, and rebuilds only the changed one', async () => {
    await buildDecks(ast, { outDir, families: ['demo', 'zh'] });
    expect(await buildDecks(ast, { outDir, families: ['demo', 'zh'] })).toEqual({
      built: [],
      skipped: ['demo', 'zh'],
    });
    const edited = structuredClone(ast);
    const paper = edited.papers.find((p) => p.id === 'alpha-2');
    if (paper) paper.title = 'A new title';
    expect(await buildDecks(edited, { outDir, families: ['demo', 'zh'] })).toEqual({
      built: ['demo'],
      skipped: ['zh'],
    });
    // Leaving the notes out is another deck: rebuilt.
    expect((await buildDecks(edited, { outDir, families: ['zh'], withNotes: false })).built).toEqual(['zh']);
  });

  it('keeps the previous deck when a build fails, and names the family and the step', async () => {
    process.env.FAKE_SLIDEV_MARK = 'first';
    await buildDecks(ast, { outDir, families: ['demo'] });
    const edited = structuredClone(ast);
    const family = edited.families.find((f) => f.id === 'demo');
    if (family) family.name = 'Renamed';
    process.env.FAKE_SLIDEV_MARK = 'second';

    process.env.FAKE_SLIDEV_FAIL = 'build';
    await expect(buildDecks(edited, { outDir, families: ['demo'] })).rejects.toThrow(
      /Slides deck "demo": build failed[\s\S]*exploded on purpose/,
    );
    expect(deckHtml('demo')).toContain('first');

    process.env.FAKE_SLIDEV_FAIL = 'export';
    await expect(buildDecks(edited, { outDir, families: ['demo'] })).rejects.toThrow(
      /Slides deck "demo": export failed[\s\S]*exploded on purpose/,
    );
    expect(deckHtml('demo')).toContain('first');

    delete process.env.FAKE_SLIDEV_FAIL;
    expect((await buildDecks(edited, { outDir, families: ['demo'] })).built).toEqual(['demo']);
    expect(deckHtml('demo')).toContain('second');
  });

  it('rejects an unknown family before building anything', async () => {
    await expect(buildDecks(ast, { outDir, families: ['nope'] })).rejects.toThrow(/Unknown family "nope"/);
  });
});

describe('servePresentation', { timeout: 60_000 }, () => {
  it('serves the built deck on 127.0.0.1 with audience and presenter URLs', async () => {
    await buildDecks(ast, { outDir, families: ['demo'], pdf: false });
    const presentation = await servePresentation({ outDir, family: 'demo' });
    try {
      expect(presentation.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/slides\/demo\/#\/1$/);
      expect(presentation.presenterUrl).toMatch(/\/slides\/demo\/#\/presenter\/1$/);
      const response = await fetch(presentation.url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>fake</title>');
      const outside = await fetch(new URL('/slides/../../etc/passwd', presentation.url));
      expect(outside.status).not.toBe(200);
    } finally {
      await presentation.close();
    }
  });

  it('explains how to build a deck that is missing', async () => {
    await expect(servePresentation({ outDir, family: 'demo' })).rejects.toThrow(
      /studykit build --only slides/,
    );
  });
});
