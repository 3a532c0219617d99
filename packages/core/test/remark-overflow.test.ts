import { describe, expect, it, vi } from 'vitest';
import { lines, PAPER, withPaper } from './helpers.js';

// remark recurses on some deep constructs; with a small stack it throws before any tree exists.
vi.mock('../src/markdown.js', () => ({
  parseMarkdown: () => {
    throw new RangeError('Maximum call stack size exceeded');
  },
}));

describe('when remark itself runs out of stack', () => {
  it('the file is reported at its first over-deep line prefix', () => {
    const ast = withPaper(PAPER.replace('Why.', `${'> '.repeat(3000)}x`));
    expect(lines(ast)).toEqual([
      'alpha/alpha-1.md:14:129  error  Markdown is nested more than 64 levels deep (quotes, lists, emphasis or links inside each other)  nesting-too-deep',
      'alpha/family.md:1:1  error  Markdown is nested more than 64 levels deep (quotes, lists, emphasis or links inside each other)  nesting-too-deep',
    ]);
    expect(ast.papers).toEqual([]);
  });
});
