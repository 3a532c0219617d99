/** The lineage's digest changes with what its diagrams draw, and not with what they do not. */
import type { StudyAst } from '@studykit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { digestChanges, miniAst, paperOf } from '../../../tests/digest-probe.js';
import { lineageInputs } from '../src/inputs.js';

let base: StudyAst;
beforeAll(async () => {
  base = await miniAst();
});
const changes = (edit: (ast: StudyAst) => void) => digestChanges(base, (ast) => lineageInputs(ast), edit);
const alpha2 = (ast: StudyAst) => paperOf(ast, 'alpha-2');

describe('lineageInputs', () => {
  it('a name, a year or a link it draws changes it', () => {
    expect(changes(() => {})).toBe(false);
    expect(changes((ast) => (alpha2(ast).short = 'Alpha-Second'))).toBe(true);
    expect(changes((ast) => (alpha2(ast).year = 2021))).toBe(true);
    expect(changes((ast) => ast.edges.pop())).toBe(true);
  });

  it('what no diagram shows does not: a venue, a section, the study’s description', () => {
    expect(changes((ast) => (alpha2(ast).venue = 'ICML 2020'))).toBe(false);
    expect(changes((ast) => (alpha2(ast).sections = []))).toBe(false);
    expect(changes((ast) => (ast.study.subtitle = 'Another subtitle'))).toBe(false);
  });

  it('the study title does: the PDFs carry it as their document title', () => {
    expect(changes((ast) => (ast.study.title = 'Another study'))).toBe(true);
  });
});
