import { describe, expect, it } from 'vitest';
import { lines, PAPER, withPaper } from './helpers.js';

const meeting = (body: string) => `---\n${body}\n---\n`;

describe('meetings/<date>.md', () => {
  it('lists the papers of a meeting in its order, with title, presenter and questions', () => {
    const ast = withPaper(PAPER, {
      'meetings/2026-12-03.md': meeting(
        'date: 2026-12-03\ntitle: First evening\npresenter: Ada\npapers: [alpha-1]\nquestions:\n  - Why pre-train?',
      ),
      'meetings/2026-11-26.md': meeting('date: "2026-11-26"\npapers: [alpha-1]'),
    });
    expect(lines(ast)).toEqual([]);
    expect(ast.papers.map((paper) => paper.id)).toEqual(['alpha-1']);
    expect(ast.meetings).toMatchObject([
      {
        id: '2026-11-26',
        date: '2026-11-26',
        title: null,
        presenter: null,
        papers: ['alpha-1'],
        questions: [],
      },
      {
        id: '2026-12-03',
        date: '2026-12-03',
        title: 'First evening',
        presenter: 'Ada',
        papers: ['alpha-1'],
        questions: [{ text: 'Why pre-train?', children: [{ type: 'text', value: 'Why pre-train?' }] }],
        file: 'meetings/2026-12-03.md',
      },
    ]);
  });

  it('reports an unknown paper id where it is written, with a did-you-mean', () => {
    const ast = withPaper(PAPER, {
      'meetings/2026-12-03.md': meeting('date: 2026-12-03\npapers: [alpha-1, alpha-2x]'),
    });
    expect(lines(ast)).toEqual([
      'meetings/2026-12-03.md:3:19  error  Meeting 2026-12-03 lists unknown paper `alpha-2x`  meeting-paper-unknown',
    ]);
    expect(ast.diagnostics[0]?.hint).toBe('Did you mean `alpha-1`?');
    expect(ast.meetings).toEqual([]);
  });

  it('reports a date that is not a calendar day, and a paper listed twice', () => {
    const bad = withPaper(PAPER, {
      'meetings/a.md': meeting('date: 2026-02-30\npapers: [alpha-1]'),
      'meetings/b.md': meeting('date: 2026-12-10\npapers:\n  - alpha-1\n  - alpha-1'),
    });
    expect(lines(bad)).toEqual([
      'meetings/a.md:2:7  error  Meeting date `2026-02-30` is not a YYYY-MM-DD calendar day  meeting-date',
      'meetings/b.md:5:5  error  Paper `alpha-1` is listed twice (first as paper 1)  meeting-paper-duplicate',
    ]);
    expect(bad.meetings).toEqual([]);
  });
});
