import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runningAsRoot, skipNote } from '../../../tests/skips.js';
import { formatDiagnostics } from '../src/format.js';
import { ContentFolderError, loadContent } from '../src/fs.js';
import { FAMILY, PAPER } from './helpers.js';

function folder(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'studykit-fs-'));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

const printed = async (root: string) =>
  formatDiagnostics((await loadContent(root, { currentYear: 2026 })).diagnostics, { hints: false })
    .split('\n')
    .filter(Boolean);

describe('the file-system entry', () => {
  it('reads nested folders and ignores READMEs and dot files', async () => {
    const root = folder({
      'README.md': '# not content',
      'alpha/family.md': FAMILY,
      'alpha/deep/alpha-1.md': PAPER,
      '.hidden/x.md': 'junk',
      'alpha/notes.txt': 'not markdown',
    });
    const ast = await loadContent(root, { currentYear: 2026 });
    expect(ast.diagnostics).toEqual([]);
    expect(ast.papers.map((paper) => paper.file)).toEqual(['alpha/deep/alpha-1.md']);
  });

  it('a missing folder is a ContentFolderError, not a crash', async () => {
    await expect(loadContent('/nonexistent/studykit')).rejects.toBeInstanceOf(ContentFolderError);
  });

  it('invalid UTF-8 names the line and column of the first bad byte', async () => {
    const [before, after] = PAPER.split('Why.') as [string, string];
    const bad = Buffer.concat([
      Buffer.from(`${before}Wh`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`y.${after}`),
    ]);
    const root = folder({ 'alpha/family.md': FAMILY, 'alpha/alpha-1.md': bad });
    expect(await printed(root)).toEqual([
      'alpha/alpha-1.md:14:3  error  File is not valid UTF-8  file-unreadable',
    ]);
  });

  it('a 10 MB file is refused with its size', async () => {
    const root = folder({
      'alpha/family.md': FAMILY,
      'alpha/alpha-1.md': PAPER,
      'alpha/huge.md': 'x'.repeat(10 * 1024 * 1024),
    });
    expect(await printed(root)).toEqual([
      'alpha/huge.md:1:1  error  File is too large (10.0 MB; the limit is 1 MB)  file-unreadable',
    ]);
  });

  it('a symlink loop and a broken link are diagnostics', async () => {
    const root = folder({ 'alpha/family.md': FAMILY, 'alpha/alpha-1.md': PAPER });
    symlinkSync(root, join(root, 'alpha', 'loop'));
    symlinkSync(join(root, 'missing.md'), join(root, 'alpha', 'broken.md'));
    expect(await printed(root)).toEqual([
      'alpha/broken.md:1:1  error  File is a broken or looping symbolic link  file-unreadable',
    ]);
  });

  it('a named pipe is refused instead of blocking the read', async () => {
    const root = folder({ 'alpha/family.md': FAMILY, 'alpha/alpha-1.md': PAPER });
    execFileSync('mkfifo', [join(root, 'alpha', 'pipe.md')]);
    expect(await printed(root)).toEqual([
      'alpha/pipe.md:1:1  error  File is not a regular file (a pipe, socket or device)  file-unreadable',
    ]);
  });

  // Root reads any file whatever its mode, so this case only runs for ordinary users.
  it.skipIf(runningAsRoot)(`an unreadable file is a diagnostic${skipNote(runningAsRoot)}`, async () => {
    const root = folder({ 'alpha/family.md': FAMILY, 'alpha/alpha-1.md': PAPER });
    chmodSync(join(root, 'alpha', 'alpha-1.md'), 0o000);
    expect(await printed(root)).toEqual([
      'alpha/alpha-1.md:1:1  error  File cannot be read (EACCES)  file-unreadable',
    ]);
  });
});
