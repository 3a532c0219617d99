/**
 * The group's look on out/index.html (#21): study.md's logo is carried in the page (a data URL, so
 * the page stays one file) with the group's name as its alt text, and its accent colours the page.
 * A study without them gets neither (the golden pages stay as they are).
 */
import { assetsFrom, type ContentFile, parse } from '@studykit/core';
import { describe, expect, it } from 'vitest';
import { renderSiteIndex } from '../src/site-index.js';

const LOGO = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40"/>');
const FILES: ContentFile[] = [
  {
    path: 'study.md',
    contents:
      '---\ntitle: Diffusion papers\ngroup: Reading group of the lab\nlogo: brand/logo.svg\naccent: "#e11d48"\n---\n',
  },
  {
    path: 'diffusion/family.md',
    contents:
      '---\nid: diffusion\nname: Diffusion\norganisation: Berkeley\norder: 1\ncolour: "#10a37f"\n---\n',
  },
];
const NOW = new Date('2026-11-29T09:30:00Z');
const nothingBuilt = async () => false;

describe('out/index.html and the group’s look', () => {
  it('shows the logo and the accent study.md names', async () => {
    const ast = parse(FILES, { currentYear: 2026, readAsset: assetsFrom({ 'brand/logo.svg': LOGO }) });
    expect(ast.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const html = await renderSiteIndex(ast, nothingBuilt, NOW, LOGO);
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(LOGO).toString('base64')}`;
    expect(html).toContain(
      `<img class="logo" src="${dataUrl}" alt="Reading group of the lab" width="80" height="40">`,
    );
    expect(html).toContain(':root { --accent: #e11d48; }');
  });

  it('shows neither without them', async () => {
    const plain = FILES.map((file) =>
      file.path === 'study.md' ? { ...file, contents: '---\ntitle: Diffusion papers\n---\n' } : file,
    );
    const html = await renderSiteIndex(parse(plain, { currentYear: 2026 }), nothingBuilt, NOW);
    expect(html).not.toMatch(/class="logo"|--accent/);
  });
});
