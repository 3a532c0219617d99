import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_CASES, badExpected, materialise } from './bad-cases.js';
import { type CliResult, root, studykit, studykitEach } from './run-cli.js';

const cases = Object.keys(BAD_CASES);

it('every case in tests/bad-cases.ts has its folder with expected.txt, and no folder is left over', () => {
  const folders = readdirSync(badExpected).filter((name) => statSync(join(badExpected, name)).isDirectory());
  expect(folders.sort()).toEqual([...cases].sort());
  for (const name of folders) expect(readdirSync(join(badExpected, name)), name).toEqual(['expected.txt']);
});

/**
 * One case per kind of bad input (tests/bad-cases.ts: the base folder plus a few edits), each with the
 * exact `studykit check` output it must give (`tests/fixtures/bad/<case>/expected.txt`). Cases named
 * `ok-*` are harmless variations that must check clean. Every case is checked by the CLI's own `main`
 * in one Node process (run-cli.ts's studykitEach: a second instead of a start and an import per case).
 */
let checked: Map<string, CliResult>;
beforeAll(async () => {
  const results = await studykitEach(cases.map((name) => ['check', '--content', materialise(name)]));
  checked = new Map(cases.map((name, at) => [name, results[at] as CliResult]));
}, 120_000);

describe.each(cases)('bad content: %s', (name) => {
  it('gives its exact diagnostics with file:line:col, rule and hint', () => {
    const expected = readFileSync(join(badExpected, name, 'expected.txt'), 'utf8');
    const result = checked.get(name) as CliResult;
    expect(result.stdout).toBe(expected.trim() === '' ? '' : expected);
    expect(result.code).toBe(name.startsWith('ok-') ? 0 : 1);
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/); // never a stack trace
    if (!name.startsWith('ok-'))
      expect(expected).toMatch(/^.+:\d+:\d+ {2}error {2}.+ {2}[a-z-]+\n {2}hint: .+/m);
  });
});

describe('today is injected, never read from the clock', () => {
  it('checks paper years against SOURCE_DATE_EPOCH', async () => {
    const in2031 = String(Date.UTC(2031, 0, 1) / 1000);
    const later = await studykit(['check', '--content', materialise('ancient-year')], {
      SOURCE_DATE_EPOCH: in2031,
    });
    expect(later.stdout).toContain('Year 1850 is outside 1950–2031');
    const future = await studykit(['check', '--content', materialise('future-year')], {
      SOURCE_DATE_EPOCH: in2031,
    });
    expect(future.stdout).toContain('Year 2999 is outside 1950–2031');
  });
});

describe('bad content never touches the outputs', () => {
  it('build exits 1, prints the diagnostic, and leaves out/ byte-for-byte as it was', async () => {
    const out = mkdtempSync(join(tmpdir(), 'studykit-out-'));
    writeFileSync(join(out, 'index.html'), 'previous index');
    const result = await studykit(['build', '--content', materialise('lineage-cycle'), '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('lineage-cycle');
    expect(result.stderr).toContain('nothing was built (previous outputs kept)');
    // The parse cache may be refreshed (it is not an output, and --cache can put it elsewhere).
    expect(readdirSync(out).filter((name) => name !== '.cache')).toEqual(['index.html']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous index');
  });

  it('a 10 MB file is refused without reading it into the AST', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'studykit-huge-'));
    cpSync(join(root, 'tests/fixtures/content-mini'), dir, { recursive: true });
    writeFileSync(join(dir, 'alpha', 'huge.md'), `---\nid: huge\n---\n${'x'.repeat(10 * 1024 * 1024)}`);
    const result = await studykit(['check', '--content', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(
      'alpha/huge.md:1:1  error  File is too large (10.0 MB; the limit is 1 MB)  file-unreadable',
    );
    expect(existsSync(join(dir, 'alpha', 'huge.md'))).toBe(true);
  });
});
