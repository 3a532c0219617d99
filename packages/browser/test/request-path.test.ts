import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestedPath } from '../src/request-path.js';

describe('requestedPath', () => {
  it('splits a path into decoded segments and says whether it names a folder', () => {
    expect(requestedPath('/')).toEqual({ segments: [], folder: true });
    expect(requestedPath('/index.html')).toEqual({ segments: ['index.html'], folder: false });
    expect(requestedPath('/slides/alpha/')).toEqual({ segments: ['slides', 'alpha'], folder: true });
    expect(requestedPath('/slides/alpha')).toEqual({ segments: ['slides', 'alpha'], folder: false });
    expect(requestedPath('/slides//alpha/assets/a%20b.js?v=1#x')).toEqual({
      segments: ['slides', 'alpha', 'assets', 'a b.js'],
      folder: false,
    });
    expect(requestedPath('/lineage/lineage-%C3%A9t%C3%A9.svg')).toEqual({
      segments: ['lineage', 'lineage-été.svg'],
      folder: false,
    });
    // A dot inside a name is fine; only a leading one hides it.
    expect(requestedPath('/report/study-report.pdf')?.segments).toEqual(['report', 'study-report.pdf']);
  });

  it('refuses dot-files, dot-folders, . and .. in every spelling', () => {
    for (const target of [
      '/.cache/parse-cache.bin',
      '/.cache/',
      '/.env',
      '/slides/.notes.html',
      '/%2ecache/parse-cache.bin',
      '/%2Ecache/parse-cache.bin',
      '/.%63ache/parse-cache.bin',
      '/%2e%63%61%63%68%65/x',
      '/./index.html',
      '/a/../index.html',
      '/a/%2e%2e/index.html',
      '/a/%2E%2E/index.html',
      '/a/.%2e/index.html',
      '/..',
      '/%2e',
    ]) {
      expect(requestedPath(target), target).toBeUndefined();
    }
  });

  it('refuses a segment that decodes to more than one name, backslashes and NUL', () => {
    for (const target of [
      '/a%2f..%2f.cache%2fx',
      '/a%2Fb',
      '/slides\\..\\.cache\\x',
      '/%5c.cache%5cx',
      '/a%5cb',
      '/index.html%00.png',
    ]) {
      expect(requestedPath(target), target).toBeUndefined();
    }
  });

  it('refuses what is not a path, and broken percent-encoding', () => {
    for (const target of [
      '',
      '*',
      'index.html',
      'http://attacker.example/index.html',
      '/%',
      '/%zz',
      '/%c3',
    ]) {
      expect(requestedPath(target), target).toBeUndefined();
    }
  });

  it('never names anything outside the folder or hidden in it, whatever the request line', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '.',
        '..',
        '%2e',
        '%2E%2e',
        '.cache',
        '%2ecache',
        '%2f',
        '%5c',
        '\\',
        '%00',
        '',
        'a',
        'index.html',
      ),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.boolean(), (pieces, slash) => {
        const target = `/${pieces.join('/')}${slash ? '/' : ''}`;
        const found = requestedPath(target);
        if (!found) return;
        const root = join(sep, 'srv', 'out');
        const path = relative(root, join(root, ...found.segments));
        expect(path.startsWith('..')).toBe(false);
        expect(path.split(sep).some((name) => name.startsWith('.'))).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});
