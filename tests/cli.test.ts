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

/** `pnpm [studykit] …` as a user types it in `cwd`; stdout and stderr together. */
function pnpmStudykit(
  args: readonly string[],
  cwd: string,
  script = true,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) =>
    execFile('pnpm', script ? ['studykit', ...args] : [...args], { cwd }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    ),
  );
}

function copyOfMini(): string {
  const dir = temporaryFolder('studykit-cli-');
  cpSync(mini, dir, { recursive: true });
  return dir;
}

describe('studykit check', { timeout: 60_000 }, () => {
  it('says in one line what it checked when the content is clean, and exits 0', async () => {
    const result = await studykit(['check', '--content', mini]);
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: '3 papers, 2 families, 0 meetings: no problems\n',
    });
  });

  it('through pnpm too (the README command): no banner, that one line, exit 0', async () => {
    const result = await pnpmStudykit(['check', '--content', mini], root);
    expect(result).toEqual({ code: 0, output: '3 papers, 2 families, 0 meetings: no problems\n' });
  });

  it('through pnpm -C from another folder, relative paths are read from that folder', async () => {
    const group = temporaryFolder('studykit-group-');
    cpSync(mini, join(group, 'notes'), { recursive: true });
    const result = await pnpmStudykit(['-C', root, 'studykit', 'check', '--content', 'notes'], group, false);
    expect(result).toEqual({ code: 0, output: '3 papers, 2 families, 0 meetings: no problems\n' });
    const missing = await pnpmStudykit(
      ['-C', root, 'studykit', 'check', '--content', 'nowhere'],
      group,
      false,
    );
    expect(missing.output).toBe(
      `studykit: Content folder not found: ${join(group, 'nowhere')} (see studykit --help)\n`,
    );
  });

  it('prints the diagnostics as JSON for editors and scripts (--format json)', async () => {
    const dir = copyOfMini();
    const file = join(dir, 'beta', 'beta-1.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: alpha-1\n', '  - id: alpha-l\n'));
    const result = await studykit(['check', '--content', dir, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      errors: 1,
      warnings: 0,
      papers: 3,
      families: 2,
      meetings: 0,
      diagnostics: [
        {
          file: 'beta/beta-1.md',
          path: join(dir, 'beta/beta-1.md'),
          line: 13,
          column: 9,
          endLine: 13,
          endColumn: 16,
          severity: 'error',
          message: 'Paper `beta-1` builds on unknown paper `alpha-l`',
          rule: 'builds-on-unknown',
          hint: 'Did you mean `alpha-1`?',
        },
      ],
    });
  });

  it('prints GitHub Actions annotations (--format github), escaped', async () => {
    const dir = copyOfMini();
    const file = join(dir, 'beta', 'beta-1.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: alpha-1\n', '  - id: alpha-l\n'));
    const result = await studykit(['check', '--content', dir, '--format', 'github']);
    expect(result.code).toBe(1);
    const path = join(dir, 'beta/beta-1.md').replace(/:/g, '%3A').replace(/,/g, '%2C');
    expect(result.stdout).toBe(
      `::error file=${path},line=13,col=9,endLine=13,endColumn=16,title=studykit builds-on-unknown::Paper \`beta-1\` builds on unknown paper \`alpha-l\`%0Ahint: Did you mean \`alpha-1\`?\n`,
    );
    expect(result.stderr).toBe('1 error, 0 warnings\n');
  });

  it('is read by the VS Code task’s problem matcher (.vscode/tasks.json): file, position, severity, rule', async () => {
    const dir = copyOfMini();
    const file = join(dir, 'beta', 'beta-1.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: alpha-1\n', '  - id: alpha-l\n'));
    const tasks = JSON.parse(readFileSync(join(root, '.vscode/tasks.json'), 'utf8'));
    const [pattern] = tasks.tasks[0].problemMatcher.pattern;
    const result = await studykit(['check', '--content', dir]);
    const match = new RegExp(pattern.regexp).exec(result.stdout.split('\n')[0] ?? '');
    expect(match?.slice(1)).toEqual([
      'beta/beta-1.md',
      '13',
      '9',
      'error',
      'Paper `beta-1` builds on unknown paper `alpha-l`',
      'builds-on-unknown',
    ]);
    expect([
      pattern.file,
      pattern.line,
      pattern.column,
      pattern.severity,
      pattern.message,
      pattern.code,
    ]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('--version prints the kit version; a bad --format is a usage error', async () => {
    const version = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version;
    expect(await studykit(['--version'])).toEqual({ code: 0, stdout: `studykit ${version}\n`, stderr: '' });
    const bad = await studykit(['check', '--format', 'xml']);
    expect(bad).toEqual({
      code: 2,
      stdout: '',
      stderr: "studykit: --format takes text, json, github; got 'xml' (see studykit --help)\n",
    });
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
      "studykit: unknown command 'frobnicate' (one of: check, ast, build, watch, present, new, init) (see studykit --help)\n",
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
