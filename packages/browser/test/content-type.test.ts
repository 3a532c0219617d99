import { describe, expect, it } from 'vitest';
import { contentTypeOf } from '../src/content-type.js';

describe('contentTypeOf', () => {
  it('names what a deck, the diagram and the report are made of', () => {
    expect(
      Object.fromEntries(
        [
          'index.html',
          'index-D5fZ07N1.js',
          'style.css',
          'deck.json',
          'inter-400.woff2',
          'inter.woff',
          'shiki.wasm',
          'lineage.svg',
          'lineage.png',
          'study-report.pdf',
          'meetings.ics',
          'references.bib',
          'lineage.mmd',
          'LINEAGE.PDF',
          'no-extension',
          'parse-cache.bin',
        ].map((name) => [name, contentTypeOf(name)]),
      ),
    ).toEqual({
      'index.html': 'text/html; charset=utf-8',
      'index-D5fZ07N1.js': 'text/javascript; charset=utf-8',
      'style.css': 'text/css; charset=utf-8',
      'deck.json': 'application/json; charset=utf-8',
      'inter-400.woff2': 'font/woff2',
      'inter.woff': 'font/woff',
      'shiki.wasm': 'application/wasm',
      'lineage.svg': 'image/svg+xml',
      'lineage.png': 'image/png',
      'study-report.pdf': 'application/pdf',
      'meetings.ics': 'text/calendar; charset=utf-8',
      'references.bib': 'text/plain; charset=utf-8',
      'lineage.mmd': 'text/plain; charset=utf-8',
      'LINEAGE.PDF': 'application/pdf',
      'no-extension': 'application/octet-stream',
      'parse-cache.bin': 'application/octet-stream',
    });
  });
});
