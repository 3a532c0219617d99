import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, studykit } from './run-cli.js';

function brokenCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'studykit-cli-'));
  cpSync(join(root, 'content'), dir, { recursive: true });
  return dir;
}

describe('studykit check', () => {
  it('prints nothing and exits 0 on the shipped content', async () => {
    const result = await studykit(['check']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('through pnpm too (the README command): no banner, nothing printed, exit 0', async () => {
    const result = await new Promise<{ code: number; output: string }>((resolve) =>
      execFile('pnpm', ['studykit', 'check'], { cwd: root }, (error, stdout, stderr) =>
        resolve({ code: error ? 1 : 0, output: stdout + stderr }),
      ),
    );
    expect(result).toEqual({ code: 0, output: '' });
  });

  it('a broken copy gets exact positions, a hint and exit 1', async () => {
    const dir = brokenCopy();
    const file = join(dir, 'llama', 'alpaca.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/- id: llama\b/, '- id: lama'));
    const line =
      readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((text) => text.includes('- id: lama')) + 1;
    const result = await studykit(['check', '--content', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `llama/alpaca.md:${line}:9  error  Paper \`alpaca\` builds on unknown paper \`lama\`  builds-on-unknown\n  hint: Did you mean \`llama\`?\n`,
    );
    expect(result.stderr).toBe('1 error, 0 warnings\n');
  });
});

describe('studykit ast', () => {
  it('lists all 12 papers with their edges as JSON', async () => {
    const result = await studykit(['ast']);
    expect(result.code).toBe(0);
    const ast = JSON.parse(result.stdout);
    expect(ast.version).toBe(1);
    expect(ast.papers).toHaveLength(12);
    expect(ast.papers.map((paper: { short: string }) => paper.short)).toEqual([
      'GPT-1',
      'GPT-2',
      'GPT-3',
      'Codex',
      'InstructGPT',
      'ChatGPT',
      'HH-RLHF',
      'LLaMA',
      'Alpaca',
      'GLM',
      'GLM-130B',
      'ChatGLM-6B',
    ]);
    expect(ast.edges.length).toBeGreaterThanOrEqual(12);
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
      "studykit: --only takes lineage, slides, report, index; got 'video' (see studykit --help)\n",
    ],
    [
      ['build', '--family', 'nope'],
      "studykit: unknown family 'nope' (known: openai, anthropic, llama, glm) (see studykit --help)\n",
    ],
  ])('%j', async (args, message) => {
    const result = await studykit(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
