/**
 * A renderer's stamp changes with its built code and with the version of a library it uses; an
 * output's digest leaves out where nodes sit in their files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../tests/temporary.js';
import { outputDigest, rendererStamp } from '../src/renderer-stamp.js';

/** A package with one built file and one library, as a renderer's folder looks. */
function renderer(root: string, name: string, code: string, libraryVersion: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', 'drawing-lib'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: '@test/renderer', version: '1.0.0', dependencies: { 'drawing-lib': '*' } }),
  );
  writeFileSync(join(dir, 'dist', 'index.js'), code);
  writeFileSync(
    join(dir, 'node_modules', 'drawing-lib', 'package.json'),
    JSON.stringify({ name: 'drawing-lib', version: libraryVersion }),
  );
  return pathToFileURL(join(dir, 'dist', 'index.js')).href;
}

describe('rendererStamp', () => {
  it('is the same for the same code and libraries, and differs when either changes', () => {
    const root = temporaryFolder('studykit-stamp-');
    const one = rendererStamp(renderer(root, 'a', 'export const x = 1;', '1.0.0'));
    expect(rendererStamp(renderer(root, 'b', 'export const x = 1;', '1.0.0'))).toBe(one);
    expect(rendererStamp(renderer(root, 'c', 'export const x = 2;', '1.0.0'))).not.toBe(one);
    expect(rendererStamp(renderer(root, 'd', 'export const x = 1;', '1.0.1'))).not.toBe(one);
  });
});

describe('outputDigest', () => {
  it('leaves out positions and spans, keeps everything else', () => {
    const node = (line: number, value: string) => ({
      type: 'text',
      value,
      position: { start: { line, column: 1 } },
      span: { file: 'a.md', start: { line } },
    });
    expect(outputDigest('s', node(1, 'a'))).toBe(outputDigest('s', node(9, 'a')));
    expect(outputDigest('s', node(1, 'a'))).not.toBe(outputDigest('s', node(1, 'b')));
    expect(outputDigest('s', node(1, 'a'))).not.toBe(outputDigest('t', node(1, 'a')));
  });
});
