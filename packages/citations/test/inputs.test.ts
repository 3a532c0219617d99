/** The references' digest changes with a citation field, never with a paper's text. */
import type { StudyAst } from '@studykit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { digestChanges, miniAst, paperOf } from '../../../tests/digest-probe.js';
import { referencesInputs } from '../src/inputs.js';

let base: StudyAst;
beforeAll(async () => {
  base = await miniAst();
});
const changes = (edit: (ast: StudyAst) => void) => digestChanges(base, referencesInputs, edit);
const alpha1 = (ast: StudyAst) => paperOf(ast, 'alpha-1');

describe('referencesInputs', () => {
  it('a title, an author or a venue changes it; a section, a short name or the study title does not', () => {
    expect(changes((ast) => (alpha1(ast).title = 'Another title'))).toBe(true);
    expect(changes((ast) => alpha1(ast).authors.push('Ada Lovelace'))).toBe(true);
    expect(changes((ast) => (alpha1(ast).venue = 'ICML 2020'))).toBe(true);
    expect(changes((ast) => (alpha1(ast).sections = []))).toBe(false);
    expect(changes((ast) => (alpha1(ast).short = 'Short'))).toBe(false);
    expect(changes((ast) => (ast.study.title = 'Another study'))).toBe(false);
  });
});
