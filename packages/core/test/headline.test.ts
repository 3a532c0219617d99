import { describe, expect, it } from 'vitest';
import { lines, PAPER, withPaper } from './helpers.js';

/** PAPER with a `headline:` line after its short name (line 6). */
const withHeadline = (headline: string) =>
  withPaper(PAPER.replace('short: Alpha-1\n', `short: Alpha-1\nheadline: ${headline}\n`));

describe('headline: the finding in a few words, for comparison tables', () => {
  it('is read into the paper, and absent when not written', () => {
    const ast = withHeadline('Works at 175B');
    expect(lines(ast)).toEqual([]);
    expect(ast.papers[0]?.headline).toBe('Works at 175B');
    expect(withPaper(PAPER).papers[0]).not.toHaveProperty('headline');
  });

  it('headline-too-long at the value: 80 characters fit, 81 do not', () => {
    expect(lines(withHeadline('h'.repeat(80)))).toEqual([]);
    const ast = withHeadline('h'.repeat(81));
    expect(lines(ast)).toEqual([
      'alpha/alpha-1.md:6:11  error  Headline is 81 characters long; at most 80 fit a comparison table  headline-too-long',
    ]);
    expect(ast.diagnostics[0]?.hint).toMatch(/at most 80 characters/);
  });

  it('counts a CJK character as two', () => {
    expect(lines(withHeadline('结'.repeat(40)))).toEqual([]);
    expect(lines(withHeadline('结'.repeat(41)))).toEqual([
      'alpha/alpha-1.md:6:11  error  Headline is 82 characters long, counting a CJK character as two; at most 80 fit a comparison table  headline-too-long',
    ]);
  });

  it('must be text', () => {
    expect(lines(withHeadline('[a, b]'))).toEqual([
      expect.stringMatching(
        /^alpha\/alpha-1\.md:6:11 {2}error {2}Field `headline` must be short text, .* field-type$/,
      ),
    ]);
  });
});
