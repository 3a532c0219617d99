/** The report's digest changes with what it prints, and not with a family it leaves out. */
import type { StudyAst } from '@studykit/core';
import { outputDigest } from '@studykit/core/renderer-stamp';
import { beforeAll, describe, expect, it } from 'vitest';
import { digestChanges, miniAst, paperOf } from '../../../tests/digest-probe.js';
import { type ReportBuildOptions, reportInputs } from '../src/inputs.js';

const ALL: ReportBuildOptions = { paperSize: 'a4', families: null, date: null, lineage: 'drawn' };
let base: StudyAst;
beforeAll(async () => {
  base = await miniAst();
});
const changes = (edit: (ast: StudyAst) => void, options = ALL, edited = structuredClone(base)) =>
  digestChanges(base, (ast) => reportInputs(ast, options), edit, edited);
const beta1 = (ast: StudyAst) => paperOf(ast, 'beta-1');

describe('reportInputs', () => {
  it("the study's title and description, a paper's text and venue change it", () => {
    expect(changes(() => {})).toBe(false);
    expect(changes((ast) => (ast.study.title = 'Another study'))).toBe(true);
    expect(changes((ast) => (ast.study.description.text = 'Something else'))).toBe(true);
    expect(changes((ast) => (beta1(ast).venue = 'EMNLP 2023'))).toBe(true);
    expect(changes((ast) => (beta1(ast).sections = []))).toBe(true);
  });

  it('a family it does not print does not; the diagrams it embeds and its options do', () => {
    const alphaOnly = { ...ALL, families: ['alpha'] };
    expect(changes((ast) => (beta1(ast).venue = 'EMNLP 2023'), alphaOnly)).toBe(false);
    const digest = (options: ReportBuildOptions) => outputDigest('stamp', reportInputs(base, options));
    expect(digest({ ...ALL, lineage: 'redrawn' })).not.toBe(digest(ALL));
    expect(digest({ ...ALL, paperSize: 'letter' })).not.toBe(digest(ALL));
  });
});
