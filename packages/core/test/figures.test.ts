import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Image, Paragraph } from 'mdast';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../tests/temporary.js';
import { resolveImage } from '../src/figures.js';
import { readContentFolder } from '../src/fs.js';
import { describeImage, MAX_IMAGE_BYTES } from '../src/image-file.js';
import { createParseCache, type Diagram, parse } from '../src/index.js';
import { sourceOffset } from '../src/math-check.js';
import { lines, PAPER, withPaper } from './helpers.js';

const fixtures = fileURLToPath(new URL('../../../tests/fixtures/', import.meta.url));
const figures = `${fixtures}content-figures/diffusion/figures/`;
const svg = (root: string) => new TextEncoder().encode(root);
const withApproach = (markdown: string) => PAPER.replace('## Approach\n\nHow.', `## Approach\n\n${markdown}`);

describe('image paths', () => {
  it('resolve against the folder of the file that writes them, percent-escapes decoded, as a browser does', () => {
    expect(resolveImage('alpha/alpha-1.md', 'figures/a.png')).toEqual({
      kind: 'file',
      path: 'alpha/figures/a.png',
    });
    expect(resolveImage('alpha/alpha-1.md', './My%20Figure.png?v=2#top')).toEqual({
      kind: 'file',
      path: 'alpha/My Figure.png',
    });
    expect(resolveImage('alpha/alpha-1.md', '../shared/%E5%9B%BE.svg')).toEqual({
      kind: 'file',
      path: 'shared/图.svg',
    });
    expect(resolveImage('alpha/alpha-1.md', '100%.png')).toEqual({ kind: 'file', path: 'alpha/100%.png' });
  });

  it('leading out of the content folder, absolute, remote or another scheme: never a file to read', () => {
    expect(resolveImage('alpha/alpha-1.md', '../../x.png')).toEqual({ kind: 'outside' });
    expect(resolveImage('alpha/alpha-1.md', 'a/../../../x.png')).toEqual({ kind: 'outside' });
    expect(resolveImage('alpha/alpha-1.md', '%2E%2E/%2E%2E/x.png')).toEqual({ kind: 'outside' });
    expect(resolveImage('alpha/alpha-1.md', '/etc/x.png')).toEqual({ kind: 'absolute' });
    expect(resolveImage('alpha/alpha-1.md', 'HTTPS://example.org/x.png')).toEqual({ kind: 'remote' });
    expect(resolveImage('alpha/alpha-1.md', '//example.org/x.png')).toEqual({ kind: 'remote' });
    expect(resolveImage('alpha/alpha-1.md', 'file:///etc/x.png')).toEqual({ kind: 'scheme', scheme: 'file' });
  });
});

describe('image files, by their content', () => {
  it('PNG and JPEG: format, pixel size, bytes and sha256', () => {
    const png = describeImage('d/loss-curve.png', readFileSync(`${figures}loss-curve.png`), 'x');
    expect(png).toMatchObject({ file: 'd/loss-curve.png', format: 'png', width: 1600, height: 1000 });
    const jpeg = describeImage('d/denoising.jpg', readFileSync(`${figures}denoising.jpg`), 'x');
    expect(jpeg).toMatchObject({ format: 'jpeg', width: 480, height: 120, bytes: 10477 });
    expect('digest' in jpeg && jpeg.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(jpeg).not.toHaveProperty('orientation');
  });

  it('a JPEG turned by its EXIF orientation (a phone photo): its size as shown, and the turn', () => {
    // Stored 48 × 24 with orientation 6 (shown turned a quarter clockwise: 24 × 48).
    const turned = describeImage(
      'd/turned.jpg',
      readFileSync(`${fixtures}images/turned-6.jpg`),
      'turned.jpg',
    );
    expect(turned).toMatchObject({ format: 'jpeg', width: 24, height: 48, orientation: 6 });
  });

  it('SVG: width and height (units in CSS pixels), else the viewBox, after any header', () => {
    const size = (root: string) => {
      const found = describeImage('a.svg', svg(root), 'a.svg');
      return 'width' in found ? [found.width, found.height] : found.message;
    };
    expect(size('<svg width="240" height="80"/>')).toEqual([240, 80]);
    expect(size('<svg viewBox="0 0 320 200"></svg>')).toEqual([320, 200]);
    expect(size('<svg viewBox="0,0,320,200" width="160"></svg>')).toEqual([160, 100]);
    expect(size('<svg width="1in" height="72pt"/>')).toEqual([96, 96]);
    expect(size('<svg width="100%" height="100%" viewBox="0 0 50 20"/>')).toEqual([50, 20]);
    // An editor's header longer than the 1,000 characters image-size looks at.
    expect(
      size(
        `<?xml version="1.0"?>\n<!-- ${'x'.repeat(2000)} -->\n<svg\n  xmlns="http://www.w3.org/2000/svg"\n  width='12' height='8'>`,
      ),
    ).toEqual([12, 8]);
    expect(size('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')).toBe(
      'Image `a.svg` is an SVG without a size: its root has no width and height nor a viewBox',
    );
  });

  it('refuses what is not PNG, JPEG or SVG, and what is too large', () => {
    expect(describeImage('a.png', svg('<html><body>not an image'), 'a.png')).toMatchObject({
      kind: 'unsupported',
    });
    expect(describeImage('a.webp', svg('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '), 'a.webp')).toMatchObject({
      kind: 'unsupported',
    });
    expect(describeImage('big.svg', new Uint8Array(MAX_IMAGE_BYTES + 1), 'big.svg')).toEqual({
      kind: 'too-large',
      message: 'Image `big.svg` is 10.0 MB; the limit is 10 MB',
    });
  });
});

describe('images in the AST', () => {
  const png = readFileSync(`${figures}samples.png`);

  it('carries the asset on the image node and in the paper digest; a broken one carries none', () => {
    const paper = withApproach('![Samples](figures/samples.png) and ![Gone](figures/gone.png)');
    const ast = withPaper(paper, {}, { 'alpha/figures/samples.png': png });
    expect(lines(ast)).toEqual([
      'alpha/alpha-1.md:18:37  error  Image `figures/gone.png` not found (looked for alpha/figures/gone.png in the content folder)  image-missing',
    ]);
    const images = ((ast.papers[0]?.sections[1]?.children[0] as Paragraph | undefined)?.children ??
      []) as Image[];
    expect(images[0]?.data?.asset).toMatchObject({
      file: 'alpha/figures/samples.png',
      width: 256,
      height: 256,
    });
    expect(images[2]?.data?.asset).toBeUndefined();
  });

  it('reports each reference to a broken file, not only the first', () => {
    const ast = withPaper(withApproach('![A](x.png)\n\n![B](x.png)'));
    expect(lines(ast).map((line) => line.split('  ')[0])).toEqual([
      'alpha/alpha-1.md:18:1',
      'alpha/alpha-1.md:20:1',
    ]);
  });

  it('an edited image changes the digests of the paper and its family, though its markdown is unchanged', () => {
    const cache = createParseCache();
    const files = [
      {
        path: 'alpha/family.md',
        contents: '---\nid: alpha\nname: A\norganisation: A\norder: 1\ncolour: "#000000"\n---\n',
      },
      { path: 'alpha/alpha-1.md', contents: withApproach('![Samples](samples.png)') },
    ];
    const parseWith = (bytes: Uint8Array | undefined) =>
      parse(files, {
        cache,
        currentYear: 2026,
        readAsset: (path) => (path === 'alpha/samples.png' && bytes ? { bytes } : { problem: 'missing' }),
      });
    const first = parseWith(png);
    const entry = cache.get('alpha/alpha-1.md');
    const edited = parseWith(readFileSync(`${figures}loss-curve.png`));
    expect(cache.get('alpha/alpha-1.md'), 'the markdown is not parsed again').toBe(entry);
    expect(edited.papers[0]?.digest).not.toBe(first.papers[0]?.digest);
    expect(edited.families[0]?.digest).not.toBe(first.families[0]?.digest);
    const image = (edited.papers[0]?.sections[1]?.children[0] as Paragraph | undefined)?.children[0] as Image;
    expect(image.data?.asset).toMatchObject({ width: 1600, height: 1000 });
    // The cached tree itself never holds an asset: a removed image is noticed on the next parse.
    const removed = parseWith(undefined);
    expect(lines(removed)).toEqual([
      'alpha/alpha-1.md:18:1  error  Image `samples.png` not found (looked for alpha/samples.png in the content folder)  image-missing',
    ]);
    expect(parseWith(png).papers[0]?.digest).toBe(first.papers[0]?.digest);
  });

  it('from disk: an image edited in the folder is read again by the next load', async () => {
    const root = temporaryFolder('studykit-figures-');
    cpSync(`${fixtures}content-figures`, root, { recursive: true });
    const cache = createParseCache();
    const load = async () => {
      const { files, readAsset } = await readContentFolder(root);
      return parse(files, { cache, readAsset, currentYear: 2026 });
    };
    const before = await load();
    writeFileSync(join(root, 'diffusion/figures/samples.png'), readFileSync(`${figures}loss-curve.png`));
    const after = await load();
    const digest = (ast: typeof before, id: string) => ast.papers.find((paper) => paper.id === id)?.digest;
    expect(digest(after, 'ddpm')).not.toBe(digest(before, 'ddpm'));
    expect(digest(after, 'codex-eval')).toBe(digest(before, 'codex-eval'));
  });
});

describe('diagrams', () => {
  it('a mermaid fence becomes a diagram node with its caption, wherever blocks are read', () => {
    const ast = withPaper(
      withApproach(
        "```mermaid caption='三个步骤'\nflowchart LR\n  a --> b\n```\n\n- ```Mermaid\n  graph TD\n  ```",
      ),
    );
    expect(lines(ast)).toEqual([]);
    const children = ast.papers[0]?.sections[1]?.children ?? [];
    expect(children[0]).toMatchObject({
      type: 'diagram',
      language: 'mermaid',
      value: 'flowchart LR\n  a --> b',
      caption: '三个步骤',
    } satisfies Partial<Diagram>);
    expect(JSON.stringify(children[1])).toContain('"type":"diagram"');
    expect(JSON.stringify(children[1])).toContain('"caption":null');
  });
});

describe('formulas', () => {
  it('a KaTeX error points at its character, also inside a quote, a list and across lines', () => {
    const text = '- item\n\n  $$\n  a +\n   \\fracc{1}{2}\n  $$\n';
    const start = text.indexOf('$$');
    const end = text.lastIndexOf('$$') + 2;
    const tex = 'a +\n \\fracc{1}{2}';
    expect(text.slice(sourceOffset(text, start, end, tex, true, tex.indexOf('\\fracc')))).toMatch(/^\\fracc/);
    const crlf = text.replaceAll('\n', '\r\n');
    const crlfStart = crlf.indexOf('$$');
    const crlfEnd = crlf.lastIndexOf('$$') + 2;
    const crlfTex = 'a +\r\n \\fracc{1}{2}';
    expect(
      crlf.slice(sourceOffset(crlf, crlfStart, crlfEnd, crlfTex, true, crlfTex.indexOf('\\fracc'))),
    ).toMatch(/^\\fracc/);
    // On the first line of a display formula, after the list's indentation.
    const first = '- item\n\n  $$\n  \\fracc{1}{2}\n  $$\n';
    const at = sourceOffset(
      first,
      first.indexOf('$$'),
      first.lastIndexOf('$$') + 2,
      '\\fracc{1}{2}',
      true,
      0,
    );
    expect(first.slice(at)).toMatch(/^\\fracc/);
    const inline = 'A $ x + \\bad $ b';
    expect(inline.slice(sourceOffset(inline, 2, 14, 'x + \\bad', false, 4))).toMatch(/^\\bad/);
  });

  it('TeX in a meeting question is checked where the YAML writes it, or at the value when quoting changed it', () => {
    const meeting = (question: string) => ({
      'meetings/m.md': `---\ndate: 2026-12-03\npapers: [alpha-1]\nquestions:\n  - ${question}\n---\n`,
    });
    expect(lines(withPaper(PAPER, meeting('Is $x^{2$ a loss?')))).toEqual([
      "meetings/m.md:5:13  error  KaTeX cannot typeset this formula: Expected '}', got 'EOF'  math-invalid",
    ]);
    const escaped = withPaper(PAPER, meeting('"Is \\"$x^{2$\\" a loss?"'));
    expect(lines(escaped).map((line) => line.split('  ')[0])).toEqual(['meetings/m.md:5:5']);
  });

  it('warns about two prices read as one formula, and escaped dollars are text', () => {
    expect(lines(withPaper(withApproach('Under $500 for data and under $100 for training.')))).toEqual([
      'alpha/alpha-1.md:18:7  warning  `$500 for data and under $` reads as a formula: are these two prices?  math-dollar',
    ]);
    const escaped = withPaper(withApproach('Under \\$500 for data and under \\$100 for training.'));
    expect(lines(escaped)).toEqual([]);
    expect(escaped.papers[0]?.sections[1]?.text).toBe('Under $500 for data and under $100 for training.');
  });
});
