import { describe, expect, it } from 'vitest';
import { idProblem } from '../src/ids.js';
import { printable } from '../src/printable.js';
import { FAMILY, lines, PAPER, parseFiles, withPaper } from './helpers.js';

describe('ids', () => {
  it.each([
    ['gpt-3', undefined],
    ['a', undefined],
    ['x'.repeat(64), undefined],
    ['x'.repeat(65), 'it is 65 characters long (the limit is 64)'],
    ['', 'it is empty'],
    ['a#frag', 'it contains `#`'],
    ['x?q', 'it contains `?`'],
    ['pct%41', 'it contains `%`'],
    ['line\nbreak', 'it contains a line break'],
    ['cr\r', 'it contains a line break'],
    ['two words', 'it contains a space'],
    ['GPT-3', 'it contains an upper-case letter (`G`)'],
    ['café', 'it contains `é`'],
    ['zero\u200bwidth', 'it contains the invisible character U+200B'],
    ['-gpt', 'it starts with a hyphen'],
    ['gpt-', 'it ends with a hyphen'],
    ['gpt--3', 'it has two hyphens in a row'],
  ])('%j: %s', (id, problem) => {
    expect(idProblem(id)).toBe(problem);
  });

  it('id-invalid at the value of a paper id, the file name aside', () => {
    const ast = withPaper(PAPER.replace('id: alpha-1', `id: ${'a'.repeat(70)}`));
    expect(lines(ast)).toEqual([
      `alpha/alpha-1.md:2:5  error  Paper id \`${'a'.repeat(40)}…\` is not valid: it is 70 characters long (the limit is 64)  id-invalid`,
    ]);
    expect(ast.papers).toEqual([]);
  });

  it('id-invalid at the value of a family id', () => {
    const ast = parseFiles({ 'alpha/family.md': FAMILY.replace('id: alpha', 'id: Alpha') });
    expect(lines(ast)).toEqual([
      'alpha/family.md:2:5  error  Family id `Alpha` is not valid: it contains an upper-case letter (`A`)  id-invalid',
    ]);
    expect(ast.families).toEqual([]);
  });

  it('meeting ids are their file names: a file name that is no id is reported at 1:1', () => {
    const meeting = '---\ndate: 2026-12-03\npapers: [alpha-1]\n---\n';
    const ast = parseFiles({
      'alpha/family.md': FAMILY,
      'alpha/alpha-1.md': PAPER,
      'meetings/a#frag.md': meeting,
      'meetings/ok-1.md': meeting.replace('12-03', '12-04'),
    });
    expect(lines(ast)).toEqual([
      'meetings/a#frag.md:1:1  error  Meeting file name `a#frag.md` is not a valid id: it contains `#`  id-filename',
    ]);
    expect(ast.meetings.map((meeting) => meeting.id)).toEqual(['ok-1']);
  });
});

describe('printable', () => {
  it('escapes control characters only', () => {
    expect(printable('a\nb\r\tc\u001b[31m é')).toBe('a\\nb\\r\\tc\\u001b[31m é');
  });
});
