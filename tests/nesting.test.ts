import { execFile } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badBase } from './bad-cases.js';
import { bin, root, studykit, TEST_ENV } from './run-cli.js';
import { temporaryFolder } from './temporary.js';

const A1 = 'alpha/alpha-1.md';
/** Line 17 of alpha-1.md, the Motivation paragraph: each test writes its markdown there. */
const LINE_17 = 'Labelled data is _scarce_; unlabelled text is **plentiful**.';

const TOO_DEEP =
  'error  Markdown is nested more than 64 levels deep (quotes, lists, emphasis or links inside each other)  nesting-too-deep';
const BLOCKS_TOO_DEEP =
  'error  Quotes and lists are nested more than 12 levels deep; a slide cannot indent that far  nesting-too-deep';
const HINT =
  '  hint: Flatten it: at most 12 quotes or lists, and 64 levels of emphasis and links, inside each other (the outputs cannot lay out more).';

/** The bad-base folder with `body` in place of line 17 of alpha-1.md. */
function withBody(body: string): string {
  const dir = temporaryFolder('studykit-nesting-');
  cpSync(badBase, dir, { recursive: true });
  const file = join(dir, A1);
  writeFileSync(file, readFileSync(file, 'utf8').replace(LINE_17, body));
  return dir;
}

const freshCache = () => ['--cache', temporaryFolder('studykit-nesting-cache-')];

const quotes = (depth: number) => `${'> '.repeat(depth)}Deep.`;
const emphasis = (depth: number) => `${'*a '.repeat(depth)}x${' b*'.repeat(depth)}`;
/** Lists nested by indentation, one item a line. */
const lists = (depth: number) =>
  Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- level ${level + 1}`).join('\n');

// Each test runs the CLI once or twice (a second or so, more on a busy machine).
describe('markdown nested too deeply is a diagnostic, never a crash', { timeout: 30_000 }, () => {
  it('a 2,000-deep quote (4 KB): check names the file and the 13th `>`', async () => {
    const result = await studykit(['check', '--content', withBody(quotes(2000)), ...freshCache()]);
    expect(result.stdout).toBe(`${A1}:17:25  ${BLOCKS_TOO_DEEP}\n${HINT}\n`);
    expect(result.stderr).toBe('1 error, 0 warnings\n');
    expect(result.code).toBe(1);
  });

  it('the same quote: build stops at the diagnostic instead of a RangeError', async () => {
    const out = temporaryFolder('studykit-nesting-out-');
    const content = withBody(quotes(2000));
    const result = await studykit(['build', '--content', content, '--out', out, ...freshCache()]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${A1}:17:25  ${BLOCKS_TOO_DEEP}`);
    expect(result.stderr).not.toMatch(/RangeError|\bat .*\.js:\d+/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('1,000-deep emphasis (which check let through to fail the deck build) is caught at the 65th `*`', async () => {
    const result = await studykit(['check', '--content', withBody(emphasis(1000)), ...freshCache()]);
    expect(result.stdout).toBe(`${A1}:17:193  ${TOO_DEEP}\n${HINT}\n`);
  });

  it('lists nested 100 deep by indentation are caught at the 13th item (a slide indents 12)', async () => {
    const result = await studykit(['check', '--content', withBody(lists(100)), ...freshCache()]);
    expect(result.stdout).toBe(`${A1}:${17 + 12}:25  ${BLOCKS_TOO_DEEP}\n${HINT}\n`);
  });

  it('12 levels of quotes and of lists, 64 of emphasis, are fine: the paper is in the AST', async () => {
    const body = [quotes(12), emphasis(64), lists(12)].join('\n\n');
    const result = await studykit(['ast', '--content', withBody(body), ...freshCache()]);
    expect(result.code, result.stdout.slice(0, 500)).toBe(0);
    const ast = JSON.parse(result.stdout) as { papers: { id: string }[]; diagnostics: unknown[] };
    expect(ast.diagnostics).toEqual([]);
    expect(ast.papers.map((paper) => paper.id)).toContain('alpha-1');
  });

  it('parsed in worker threads (130 files), the deep file is reported the same', async () => {
    const content = withBody(quotes(2000));
    const paper = readFileSync(join(content, 'alpha/alpha-2.md'), 'utf8');
    for (let index = 0; index < 130; index++) {
      const id = `extra-${index}`;
      writeFileSync(
        join(content, 'alpha', `${id}.md`),
        paper.replace('id: alpha-2', `id: ${id}`).replace('/alpha-2', `/${id}`),
      );
    }
    const result = await studykit(['check', '--content', content, ...freshCache()], {
      STUDYKIT_PARSE_THREADS: '2',
      STUDYKIT_DEBUG: '1',
    });
    expect(result.stderr).toContain('parse: 135 files on 2 threads');
    expect(result.stdout).toBe(`${A1}:17:25  ${BLOCKS_TOO_DEEP}\n${HINT}\n`);
  });

  it('when remark itself runs out of stack, the file is reported at the deep line prefix', async () => {
    // A 100 KB stack is too small for remark on a 5,000-deep quote (it recurses there), not for the rest.
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(
        'node',
        ['--stack-size=100', bin, 'check', '--content', withBody(quotes(5000)), ...freshCache()],
        { cwd: root, env: { ...process.env, ...TEST_ENV } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      ),
    );
    expect(result.stderr).not.toMatch(/RangeError|\bat .*\.js:\d+/);
    expect(result.stdout).toBe(`${A1}:17:129  ${TOO_DEEP}\n${HINT}\n`);
    expect(result.code).toBe(1);
  });
});
