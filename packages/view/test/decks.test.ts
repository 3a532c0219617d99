import { describe, expect, it } from 'vitest';
import { deckTargets } from '../src/index.js';
import { familyFile, meetingFile, paperFile, study } from './study.js';

const ast = study([
  familyFile('gpt', 'GPT', 1),
  familyFile('empty', 'Empty', 2),
  familyFile('glm', 'GLM', 3),
  paperFile({ id: 'gpt-2', family: 'gpt', year: 2019 }),
  paperFile({ id: 'glm-130b', family: 'glm', year: 2022 }),
  meetingFile('2026-11-19', ['gpt-2']),
  meetingFile('2026-12-03', ['glm-130b']),
]);

describe('deckTargets', () => {
  it('builds a deck per family with papers, in order, then one per meeting, each in its own folder', () => {
    expect(deckTargets(ast)).toEqual([
      { id: 'gpt', kind: 'family', folder: 'slides/gpt' },
      { id: 'glm', kind: 'family', folder: 'slides/glm' },
      { id: '2026-11-19', kind: 'meeting', folder: 'meetings/2026-11-19' },
      { id: '2026-12-03', kind: 'meeting', folder: 'meetings/2026-12-03' },
    ]);
  });

  it('builds only the families asked for, and no meeting unless asked', () => {
    expect(deckTargets(ast, { families: ['glm'] }).map((t) => t.folder)).toEqual(['slides/glm']);
    expect(deckTargets(ast, { families: ['glm'], meetings: ['2026-12-03'] }).map((t) => t.folder)).toEqual([
      'slides/glm',
      'meetings/2026-12-03',
    ]);
  });

  it('builds only the meetings asked for, with every family', () => {
    expect(deckTargets(ast, { meetings: ['2026-11-19'] }).map((t) => t.folder)).toEqual([
      'slides/gpt',
      'slides/glm',
      'meetings/2026-11-19',
    ]);
    expect(deckTargets(ast, { families: [], meetings: [] })).toEqual([]);
  });
});
