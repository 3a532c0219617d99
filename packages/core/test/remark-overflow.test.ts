import { afterAll, describe, expect, it, vi } from 'vitest';

// remark recurses on some deep constructs; with a small stack it throws before any tree exists. The
// stand-in parser is put in place for this file alone, and the modules loaded afresh around it: the
// fast projects share a worker between files (isolate: false), which may have loaded them already.
async function withFailingRemark() {
  vi.resetModules();
  vi.doMock('../src/markdown.js', () => ({
    parseMarkdown: () => {
      throw new RangeError('Maximum call stack size exceeded');
    },
  }));
  return import('./helpers.js');
}

afterAll(() => {
  vi.doUnmock('../src/markdown.js');
  vi.resetModules();
});

describe('when remark itself runs out of stack', () => {
  it('the file is reported at its first over-deep line prefix', async () => {
    const { lines, PAPER, withPaper } = await withFailingRemark();
    const ast = withPaper(PAPER.replace('Why.', `${'> '.repeat(3000)}x`));
    expect(lines(ast)).toEqual([
      'alpha/alpha-1.md:14:129  error  Markdown is nested more than 64 levels deep (quotes, lists, emphasis or links inside each other)  nesting-too-deep',
      'alpha/family.md:1:1  error  Markdown is nested more than 64 levels deep (quotes, lists, emphasis or links inside each other)  nesting-too-deep',
    ]);
    expect(ast.papers).toEqual([]);
  });
});
