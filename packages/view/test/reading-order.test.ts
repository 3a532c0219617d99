import { describe, expect, it } from 'vitest';
import { familiesWithPapers, familyOf, meetingOf, papersOf } from '../src/index.js';
import { familyFile, meetingFile, paperFile, study } from './study.js';

const ast = study([
  familyFile('gpt', 'GPT', 1),
  familyFile('llama', 'LLaMA', 2),
  familyFile('empty', 'Empty', 0),
  // Same year: the fine-tune follows what it builds on, though its id sorts first.
  paperFile({ id: 'alpaca', family: 'llama', year: 2023, buildsOn: ['llama-1'] }),
  paperFile({ id: 'llama-1', family: 'llama', year: 2023 }),
  paperFile({ id: 'llama-2', family: 'llama', year: 2024, buildsOn: ['llama-1'] }),
  paperFile({ id: 'gpt-3', family: 'gpt', year: 2020, buildsOn: ['gpt-2'] }),
  paperFile({ id: 'gpt-2', family: 'gpt', year: 2019 }),
  meetingFile('2026-03-01', ['gpt-2', 'gpt-3']),
  meetingFile('2026-04-01', ['llama-1']),
]);

describe('papersOf', () => {
  it("lists a family's papers by year, a paper after what it builds on, and no one else's", () => {
    expect(papersOf(ast, 'llama').map((p) => p.id)).toEqual(['llama-1', 'alpaca', 'llama-2']);
    expect(papersOf(ast, 'gpt').map((p) => p.id)).toEqual(['gpt-2', 'gpt-3']);
  });

  it('takes the family or its id', () => {
    expect(papersOf(ast, familyOf(ast, 'gpt'))).toEqual(papersOf(ast, 'gpt'));
    expect(papersOf(ast, 'empty')).toEqual([]);
  });
});

describe('familyOf', () => {
  it('finds a family by id', () => {
    expect(familyOf(ast, 'llama').name).toBe('LLaMA');
  });

  it('names the known families when the id is unknown', () => {
    expect(() => familyOf(ast, 'lama')).toThrow('Unknown family "lama" (known families: empty, gpt, llama).');
    expect(() => familyOf(study([]), 'gpt')).toThrow('(known families: none)');
  });
});

describe('meetingOf', () => {
  it('finds a meeting by id', () => {
    expect(meetingOf(ast, '2026-04-01').papers).toEqual(['llama-1']);
  });

  it('names the known meetings when the id is unknown, worded as familyOf words it', () => {
    expect(() => meetingOf(ast, '2026-05-01')).toThrow(
      'Unknown meeting "2026-05-01" (known meetings: 2026-03-01, 2026-04-01).',
    );
    expect(() => meetingOf(study([]), '2026-03-01')).toThrow('(known meetings: none)');
  });
});

describe('familiesWithPapers', () => {
  it("leaves out families without papers and keeps the content's order", () => {
    expect(familiesWithPapers(ast).map((f) => f.id)).toEqual(['gpt', 'llama']);
  });
});
