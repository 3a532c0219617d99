import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { katexAssets, texError, texToHtml } from '../src/index.js';

it('typesets inline and display TeX with KaTeX', () => {
  expect(texToHtml('q(x_t \\mid x_{t-1})', false)).toContain('class="katex"');
  expect(texToHtml('\\epsilon', true)).toContain('katex-display');
});

it('names what KaTeX refuses, with its offset', () => {
  expect(texError('\\frac{1}{2}', false)).toBeNull();
  expect(texError('\\frac{1}{', false)).toEqual({
    message: "Unexpected end of input in a macro argument, expected '}'",
    offset: 9,
  });
  expect(texError('\\undefinedmacro x', false)?.message).toContain('Undefined control sequence');
});

it('never makes a link or markup of a formula (trust: false)', () => {
  const html = texToHtml('\\href{javascript:alert(1)}{x}', false);
  expect(html).not.toContain('javascript:');
  expect(html).not.toContain('<a ');
});

it('points at a stylesheet whose fonts are beside it', () => {
  const assets = katexAssets();
  expect(readFileSync(assets.css, 'utf8')).toContain('fonts/KaTeX_Main-Regular.woff2');
  expect(existsSync(join(assets.fontsDir, 'KaTeX_Main-Regular.woff2'))).toBe(true);
  expect(assets.version).toMatch(/^\d+\.\d+\.\d+$/);
});
