import { describe, expect, it } from 'vitest';
import { displayLength } from '../src/layout-limits.js';
import { FAMILY, lines, PAPER, parseFiles, withPaper } from './helpers.js';

/** PAPER with `body` as its Motivation paragraph (line 14). */
const withBody = (body: string) => withPaper(PAPER.replace('Why.', body));

describe('titles and tables that no slide can lay out', () => {
  it('title-too-long at the title, short name at the short name', () => {
    const ast = withPaper(
      PAPER.replace('title: Alpha One', `title: ${'t'.repeat(201)}`).replace(
        'short: Alpha-1',
        `short: ${'s'.repeat(41)}`,
      ),
    );
    expect(lines(ast)).toEqual([
      'alpha/alpha-1.md:4:8  error  Title is 201 characters long; at most 200 fit its slide  title-too-long',
      'alpha/alpha-1.md:5:8  error  Short name is 41 characters long; at most 40 fit its slide  title-too-long',
    ]);
    expect(lines(withPaper(PAPER.replace('title: Alpha One', `title: ${'t'.repeat(200)}`)))).toEqual([]);
  });

  it('prose-too-long at a paragraph that would fill more than about six lines of its slide, not in the notes', () => {
    const sentence =
      'The model reads every document once and predicts the next token from the ones before it. ';
    // One sentence is about 0.87 of a line on the 868 px body at 20 px: eight of them fill 7 lines.
    const wall = sentence.repeat(8).trim();
    expect(lines(withBody(wall))).toEqual([
      'alpha/alpha-1.md:14:1  warning  Paragraph fills about 7 lines of its slide; more than 6 is a wall of text  prose-too-long',
    ]);
    expect(lines(withBody(`- ${wall}`))[0]).toMatch(
      /^alpha\/alpha-1\.md:14:3 {2}warning {2}Paragraph fills about \d+ lines/,
    );
    expect(lines(withBody(sentence.repeat(6).trim()))).toEqual([]);
    expect(lines(withPaper(`${PAPER}\n## Notes\n\n${wall}\n`))).toEqual([]);
    // Chinese: a wide character is about one em; 300 of them fill about 7 lines.
    expect(lines(withBody('模'.repeat(300)))[0]).toContain('Paragraph fills about 7 lines');
  });

  it('a CJK character counts as two', () => {
    expect(displayLength('GPT-3 模型')).toBe(10);
    const ast = withPaper(PAPER.replace('short: Alpha-1', `short: ${'模'.repeat(21)}`));
    expect(lines(ast)).toEqual([
      'alpha/alpha-1.md:5:8  error  Short name is 42 characters long, counting a CJK character as two; at most 40 fit its slide  title-too-long',
    ]);
  });

  it('section titles, family names and meeting titles', () => {
    const ast = parseFiles({
      'alpha/family.md': `${FAMILY.replace('name: Alpha family', `name: ${'n'.repeat(81)}`)}\n## ${'f'.repeat(121)}\n\nText.\n`,
      'alpha/alpha-1.md': PAPER.replace('## Approach', `## ${'a'.repeat(121)}`),
      'meetings/2026-12-03.md': `---\ndate: 2026-12-03\ntitle: ${'m'.repeat(81)}\npapers: [alpha-1]\n---\n`,
    });
    const tooLong = lines(ast).filter((line) => line.endsWith('title-too-long'));
    expect(tooLong.map((line) => line.replace(/ {2}error .* is (\d+) .*$/, ' $1'))).toEqual([
      'alpha/alpha-1.md:16:1 121',
      'alpha/family.md:3:7 81',
      'alpha/family.md:11:1 121',
      'meetings/2026-12-03.md:3:8 81',
    ]);
  });

  const table = (columns: number, header: string, cell: string) =>
    [header, '---', cell]
      .map((text) => `| ${Array.from({ length: columns }, () => text).join(' | ')} |`)
      .join('\n');

  it('table-too-wide: more than 20 columns', () => {
    expect(lines(withBody(table(21, 'h', '1')))).toEqual([
      'alpha/alpha-1.md:14:1  error  Table has 21 columns; a slide shows at most 20  table-too-wide',
    ]);
    expect(lines(withBody(table(20, 'h', '1')))).toEqual([]);
  });

  it('table-too-wide: long unbreakable words, as the deck sets them (measured: 6 columns of 22 letters do not fit)', () => {
    const word = 'abcdefghijklmnopqrstuv';
    expect(lines(withBody(table(5, word, word)))).toEqual([]);
    expect(lines(withBody(table(6, word.toUpperCase(), word)))).toEqual([
      'alpha/alpha-1.md:14:1  error  Table is too wide for a slide: the longest words of its 6 columns need about 172 characters side by side, a slide holds 132  table-too-wide',
    ]);
    // Longer words may break anywhere in a cell, and so may Chinese text.
    expect(lines(withBody(table(12, `${word}xyz`, '模型'.repeat(20))))).toEqual([]);
    // Inside a list or a quote too.
    expect(lines(withBody(`> ${table(30, 'h', '1').replace(/\n/g, '\n> ')}`))).toHaveLength(1);
  });
});
