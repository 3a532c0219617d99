import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from '../src/index.js';

describe('safeHttpUrl', () => {
  it('keeps an http(s) URL exactly as written: percent escapes, case and all', () => {
    for (const url of [
      'https://example.com/wiki/GPT-3_%28model%29?q=a%2Fb%26c%3Dd#sec%20one',
      'https://example.org',
      'HTTPS://Example.org/a/../b;v=1?x=$y&z=[1]',
      'http://example.org/100%',
    ])
      expect(safeHttpUrl(url)).toBe(url);
    expect(safeHttpUrl('  https://arxiv.org/abs/2005.14165\n')).toBe('https://arxiv.org/abs/2005.14165');
  });

  it('encodes only what cannot be a link as written, as a browser does', () => {
    expect(safeHttpUrl('https://example.org/a b?c=<d>')).toBe('https://example.org/a%20b?c=%3Cd%3E');
    expect(safeHttpUrl('https://zh.wikipedia.org/wiki/变换器')).toBe(
      'https://zh.wikipedia.org/wiki/%E5%8F%98%E6%8D%A2%E5%99%A8',
    );
    expect(safeHttpUrl('https://example.org/a\u202Eb\u0000')).toBe('https://example.org/a%E2%80%AEb');
    // Without slashes a browser would read it relative to the page it is on.
    expect(safeHttpUrl('https:example.org')).toBe('https://example.org/');
  });

  it('makes no link of anything but http(s)', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,x',
      'mailto:a@b.c',
      '/relative',
      'not a url',
      '',
    ])
      expect(safeHttpUrl(url)).toBeUndefined();
  });
});
