import { describe, expect, test } from 'vitest';
import { assetFor, PAGE_ORIGIN, PAGE_URL } from '../src/page-assets.js';

describe('what the rendering page may load', () => {
  test('its page, mermaid’s bundle and the kit’s own faces', async () => {
    expect((await assetFor(PAGE_URL))?.contentType).toMatch(/text\/html/);
    const bundle = await assetFor(`${PAGE_ORIGIN}/mermaid/mermaid.esm.min.mjs`);
    expect(bundle?.contentType).toBe('text/javascript');
    expect(String(bundle?.body)).toContain('mermaid');
    const page = (await assetFor(PAGE_URL))?.body.toString() ?? '';
    expect(page).toContain("font-family: 'Studykit Sans'");
    expect(page).toContain("font-family: 'Studykit CJK'");
    const cjk = await assetFor(`${PAGE_ORIGIN}/fonts/cjk.ttf`);
    expect(cjk?.contentType).toBe('font/ttf');
    expect((cjk?.body.length ?? 0) > 1_000_000).toBe(true);
  });

  test('KaTeX’s stylesheet and the fonts it names, from @studykit/math’s assets', async () => {
    const css = await assetFor(`${PAGE_ORIGIN}/katex/katex.min.css`);
    expect(css?.contentType).toBe('text/css');
    expect(String(css?.body)).toContain('url(fonts/KaTeX_Main-Regular.woff2)');
    const font = await assetFor(`${PAGE_ORIGIN}/katex/fonts/KaTeX_Main-Regular.woff2`);
    expect(font?.contentType).toBe('font/woff2');
    for (const url of [
      `${PAGE_ORIGIN}/katex/katex.mjs`,
      `${PAGE_ORIGIN}/katex/fonts/..%2f..%2fpackage.json`,
      `${PAGE_ORIGIN}/katex/../package.json`,
    ]) {
      expect(await assetFor(url), url).toBeUndefined();
    }
  });

  test('nothing else: other hosts, paths outside the served folders, unknown files', async () => {
    for (const url of [
      'http://example.com/x.png',
      'https://studykit-diagram.invalid/index.html',
      `${PAGE_ORIGIN}/mermaid/../package.json`,
      `${PAGE_ORIGIN}/mermaid/%2e%2e/%2e%2e/package.json`,
      `${PAGE_ORIGIN}/fonts/..%2f..%2f..%2fpackage.json`,
      `${PAGE_ORIGIN}/mermaid/no-such-file.mjs`,
      `${PAGE_ORIGIN}/etc/passwd`,
    ]) {
      expect(await assetFor(url), url).toBeUndefined();
    }
  });
});
