import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeNumericEntities, escapeLabel, safeHref } from '../src/escape.js';
import { HOSTILE_LABELS, shown } from './hostile.js';

/**
 * What mermaid 11 shows for an escaped label in SVG-text mode (measured): `#amp; #lt; #gt;` become
 * characters, every other code is left as the literal text `&#NN;`.
 */
function mermaidTextMode(escaped: string): string {
  return escaped.replace(/#(amp|lt|gt|\d+);/g, (_, code: string) =>
    code === 'amp' ? '&' : code === 'lt' ? '<' : code === 'gt' ? '>' : `&#${code};`,
  );
}

/** Any text, and text made mostly of the characters mermaid cares about. */
const labels = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom(...'"%`:#&<>\\|;[](){}\n\r\t-=.ox a中😀'), maxLength: 40 }),
);

describe('escapeLabel', () => {
  test('leaves nothing mermaid could read as syntax', () => {
    fc.assert(
      fc.property(labels, (text) => {
        const escaped = escapeLabel(text);
        expect(escaped).not.toMatch(/["%`:\n\r<>&\\|\p{Cc}]/u);
        // Every # starts an entity code.
        expect(escaped.replace(/#(amp|lt|gt|\d+);/g, '')).not.toContain('#');
      }),
      { numRuns: 2000 },
    );
  });

  test('round-trips through mermaid’s text-mode decoding and our decoder', () => {
    fc.assert(
      fc.property(labels, (text) => {
        expect(decodeNumericEntities(mermaidTextMode(escapeLabel(text)))).toBe(shown(text));
      }),
      { numRuns: 2000 },
    );
    for (const label of HOSTILE_LABELS) {
      expect(decodeNumericEntities(mermaidTextMode(escapeLabel(label)))).toBe(shown(label));
    }
  });

  test('keeps letters of any script readable in the .mmd', () => {
    expect(escapeLabel('通用语言模型 GLM-130B · 2022')).toBe('通用语言模型 GLM-130B · 2022');
    expect(escapeLabel('a "b" #c')).toBe('a #34;b#34; #35;c');
    expect(escapeLabel('x\ny')).toBe('x y');
  });
});

describe('safeHref', () => {
  test('accepts http(s) only', () => {
    expect(safeHref('https://arxiv.org/abs/2005.14165')).toBe('https://arxiv.org/abs/2005.14165');
    expect(safeHref('http://example.org')).toBe('http://example.org');
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'ftp://x.org',
      'not a url',
      '',
    ]) {
      expect(safeHref(bad)).toBeUndefined();
    }
  });

  test('keeps a URL as written: percent escapes, semicolons and case untouched', () => {
    for (const url of [
      'https://example.com/wiki/GPT-3_%28model%29?q=a%2Fb%26c%3Dd#sec%20one',
      'https://example.org/a;v=1?x=1&y=%3B#b;c',
    ])
      expect(safeHref(url)).toBe(url);
  });

  test('never lets a quote, a space or %% through (a semicolon is fine inside the quoted href)', () => {
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.string(),
        (base, tail) => {
          const href = safeHref(base + tail);
          if (href !== undefined) expect(href).toMatch(/^https?:\/\/[A-Za-z0-9\-._~:/?@!$&'()*+,;=%#[\]]+$/);
          if (href !== undefined) expect(href).not.toContain('%%');
        },
      ),
      { numRuns: 1000 },
    );
  });
});
