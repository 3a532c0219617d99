import type { StudyAst } from '@studykit/core';
import { describe, expect, test } from 'vitest';
import { syntheticLineage } from '../../../tests/corpus/index.mjs';
import { mainViewFor, OVERVIEW_ABOVE_PAPERS } from '../src/index.js';

describe('mainViewFor', () => {
  test(`more than ${OVERVIEW_ABOVE_PAPERS} papers: the overview; fewer: the detail if it fits; one family: the detail`, () => {
    expect(mainViewFor(syntheticLineage(200) as StudyAst)).toBe('overview');
    expect(mainViewFor(syntheticLineage(OVERVIEW_ABOVE_PAPERS + 1) as StudyAst)).toBe('overview');
    expect(mainViewFor(syntheticLineage(OVERVIEW_ABOVE_PAPERS) as StudyAst)).toBe('try-detail');
    expect(mainViewFor(syntheticLineage(1000, { familyCount: 1 }) as StudyAst)).toBe('detail');
    expect(mainViewFor(syntheticLineage(1000) as StudyAst, 'detail')).toBe('detail');
    expect(mainViewFor(syntheticLineage(12, { familyCount: 3 }) as StudyAst, 'overview')).toBe('overview');
  });
});
