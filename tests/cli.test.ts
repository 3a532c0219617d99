import { execFile } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AST_VERSION } from '@studykit/core';
import { describe, expect, it } from 'vitest';
import { root, studykit } from './run-cli.js';
import { temporaryFolder } from './temporary.js';

// These tests run on a fixture, never on the shipped content/: adding a paper the documented way must
// not break them. (In tests/, only shipped-content.test.ts looks at content/.)
const mini = join(root, 'tests/fixtures/content-mini');

function copyOfMini(): string {
  const dir = temporaryFolder('studykit-cli-');
  cpSync(mini, dir, { recursive: true });
  return dir;
}

describe('studykit check', () => {
  it('prints nothing and exits 0 on clean content', async () => {
    const result = await studykit(['check', '--content', mini]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('through pnpm too (the README command): no banner, nothing printed, exit 0', async () => {
    const result = await new Promise<{ code: number; output: string }>((resolve) =>
      execFile('pnpm', ['studykit', 'check', '--content', mini], { cwd: root }, (error, stdout, stderr) =>
        resolve({ code: error ? 1 : 0, output: stdout + stderr }),
      ),
    );
    expect(result).toEqual({ code: 0, output: '' });
  });

  it('a broken copy gets exact positions, a hint and exit 1', async () => {
    const dir = copyOfMini();
    const file = join(dir, 'beta', 'beta-1.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: alpha-1\n', '  - id: alpha-l\n'));
    const result = await studykit(['check', '--content', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'beta/beta-1.md:13:9  error  Paper `beta-1` builds on unknown paper `alpha-l`  builds-on-unknown\n  hint: Did you mean `alpha-1`?\n',
    );
    expect(result.stderr).toBe('1 error, 0 warnings\n');
  });
});

describe('studykit ast', () => {
  it('prints every paper, in reading order, with its edges as JSON', async () => {
    const result = await studykit(['ast', '--content', mini]);
    expect(result.code).toBe(0);
    const ast = JSON.parse(result.stdout);
    expect(ast.version).toBe(AST_VERSION);
    expect(ast.papers.map((paper: { short: string }) => paper.short)).toEqual([
      'Alpha-1',
      'Alpha-2',
      'Beta-1',
    ]);
    expect(
      ast.edges.map(
        (edge: { from: string; kind: string; to: string; crossFamily: boolean }) =>
          `${edge.from} -${edge.kind}-> ${edge.to}${edge.crossFamily ? ' (cross-family)' : ''}`,
      ),
    ).toEqual([
      'alpha-1 -scales-up-> alpha-2',
      'alpha-2 -extends-> beta-1 (cross-family)',
      'alpha-1 -borrows-method-> beta-1 (cross-family)',
    ]);
  });
});

describe('usage errors: one line and exit 2', () => {
  it.each([
    [['check', '--bogus'], "studykit: unknown option '--bogus' (see studykit --help)\n"],
    [
      ['frobnicate'],
      "studykit: unknown command 'frobnicate' (one of: check, ast, build, watch, present) (see studykit --help)\n",
    ],
    [
      ['check', '--content', '/nonexistent/x'],
      'studykit: Content folder not found: /nonexistent/x (see studykit --help)\n',
    ],
    [
      ['build', '--only', 'video'],
      "studykit: --only takes lineage, slides, handout, report, index; got 'video' (see studykit --help)\n",
    ],
    [
      ['build', '--content', 'tests/fixtures/content-mini', '--family', 'nope'],
      "studykit: unknown family 'nope' (known: alpha, beta) (see studykit --help)\n",
    ],
  ])('%j', async (args, message) => {
    const result = await studykit(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
