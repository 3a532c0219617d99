import { describe, expect, it } from 'vitest';
import { DEFAULT_STUDY } from '../src/index.js';
import { lines, PAPER, withPaper } from './helpers.js';

const STUDY = `---
title: Classic Large Language Model Papers
subtitle: From GPT-1 to ChatGLM-6B
group: LLM reading group
language: en
---

Twelve papers, four families.
`;

describe('study.md', () => {
  it('describes the study: title, subtitle, group, language and a description', () => {
    const ast = withPaper(PAPER);
    expect(ast.study).toEqual(DEFAULT_STUDY);
    const described = withPaperAndStudy(STUDY);
    expect(lines(described)).toEqual([]);
    expect(described.study).toMatchObject({
      title: 'Classic Large Language Model Papers',
      subtitle: 'From GPT-1 to ChatGLM-6B',
      group: 'LLM reading group',
      language: 'en',
      file: 'study.md',
    });
    expect(described.study.description.text).toBe('Twelve papers, four families.');
  });

  it('reports a bad field at its position, and an unknown one', () => {
    const bad = withPaperAndStudy(STUDY.replace('language: en', 'language: fr').replace('group:', 'team:'));
    expect(lines(bad)).toEqual([
      'study.md:4:1  error  Unknown field `team`  field-unknown',
      'study.md:5:11  error  Field `language` must be "en" or "zh", got "fr"  field-type',
    ]);
  });

  it('is only the file at the root of the content folder', () => {
    const nested = withPaperAndStudy(STUDY, 'alpha/study.md');
    expect(nested.study).toEqual(DEFAULT_STUDY);
    expect(lines(nested).length).toBeGreaterThan(0);
  });
});

function withPaperAndStudy(study: string, path = 'study.md') {
  return withPaper(PAPER, { [path]: study });
}
