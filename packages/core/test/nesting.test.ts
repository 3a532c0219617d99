import { describe, expect, it } from 'vitest';
import { firstDeepLinePrefix } from '../src/nesting.js';
import { FAMILY, lines, PAPER, parseFiles, withPaper } from './helpers.js';

/** PAPER with `body` as its Motivation paragraph (line 14). */
const withBody = (body: string) => withPaper(PAPER.replace('Why.', body));

describe('nesting-too-deep', () => {
  it('reports the first quote past 12 levels (a slide indents no further) and leaves the paper out', () => {
    const ast = withBody(`${'> '.repeat(3000)}x`);
    expect(lines(ast)).toEqual([
      'alpha/alpha-1.md:14:25  error  Quotes and lists are nested more than 12 levels deep; a slide cannot indent that far  nesting-too-deep',
    ]);
    expect(ast.papers).toEqual([]);
  });

  it('reports the first emphasis past 64 levels', () => {
    const ast = withBody(`${'*a '.repeat(1000)}x${' b*'.repeat(1000)}`);
    expect(lines(ast)).toEqual([
      'alpha/alpha-1.md:14:193  error  Markdown is nested more than 64 levels deep (quotes, lists, emphasis or links inside each other)  nesting-too-deep',
    ]);
  });

  it('counts quotes and list items together for the 12, and everything for the 64', () => {
    const blocks = `${'> - '.repeat(6)}> x`;
    expect(lines(withBody(blocks))[0]).toMatch(
      /^alpha\/alpha-1\.md:14:\d+ {2}error {2}Quotes and lists are nested/,
    );
    expect(lines(withBody(`${'> - '.repeat(6)}x`))).toEqual([]);
    const mixed = `${'> - '.repeat(6)}${'*a '.repeat(53)}x${' b*'.repeat(53)}`;
    expect(lines(withBody(mixed))[0]).toMatch(/^alpha\/alpha-1\.md:14:\d+ {2}error {2}Markdown is nested/);
    const within = `${'> - '.repeat(6)}${'*a '.repeat(52)}x${' b*'.repeat(52)}`;
    expect(lines(withBody(within))).toEqual([]);
  });

  it('a paper nested too deeply is not reported again where another paper builds on it', () => {
    const deep = PAPER.replace('Why.', `${'> '.repeat(100)}x`);
    const other = PAPER.replace('id: alpha-1', 'id: alpha-2')
      .replace('year: 2018', 'year: 2019\nbuilds_on: [alpha-1]')
      .replace('/alpha-1', '/alpha-2');
    const ast = parseFiles({
      'alpha/family.md': FAMILY,
      'alpha/alpha-1.md': deep,
      'alpha/alpha-2.md': other,
    });
    expect(lines(ast).map((line) => line.split('  ').at(-1))).toEqual(['nesting-too-deep']);
  });

  it('without a tree, the line prefixes still show where (quotes and list markers)', () => {
    expect(firstDeepLinePrefix(`intro\n${'> '.repeat(70)}x\n`)).toBe(6 + 64 * 2);
    expect(firstDeepLinePrefix(`${'- '.repeat(64)}x\n${' 1. '.repeat(65)}x`)).toBe(130 + 64 * 4 + 1);
    expect(firstDeepLinePrefix(`${'> '.repeat(64)}x\n`)).toBeUndefined();
    expect(firstDeepLinePrefix(`${'*a '.repeat(100)}x`)).toBeUndefined();
  });
});
