import { describe, expect, it } from 'vitest';
import { familyOf, labelsOf, outputLanguage } from '../src/index.js';
import { familyFile, paperFile, study, studyFile } from './study.js';

const CHINESE_SECTIONS = ['动机', '方法', '结果'];

/** A study with an English family and a Chinese one (by name, or by most headings). */
function mixed(extra: { path: string; contents: string }[] = []) {
  return study([
    familyFile('gpt', 'GPT', 1),
    familyFile('glm', 'GLM 系列', 2),
    familyFile('ernie', 'ERNIE', 3),
    paperFile({ id: 'gpt-2', family: 'gpt', year: 2019, sections: ['Motivation', 'Approach'] }),
    paperFile({ id: 'glm-130b', family: 'glm', year: 2022, sections: ['Motivation'] }),
    paperFile({ id: 'ernie-3', family: 'ernie', year: 2021, sections: CHINESE_SECTIONS }),
    ...extra,
  ]);
}

describe('outputLanguage', () => {
  it("writes a family's deck in Chinese when its name is Chinese, or most of its headings are", () => {
    const ast = mixed();
    expect(outputLanguage(ast, familyOf(ast, 'gpt'))).toBe('en');
    expect(outputLanguage(ast, familyOf(ast, 'glm'))).toBe('zh');
    expect(outputLanguage(ast, familyOf(ast, 'ernie'))).toBe('zh');
  });

  it('needs more than half of the headings in Chinese', () => {
    const ast = study([
      familyFile('half', 'Half', 1),
      paperFile({ id: 'p1', family: 'half', year: 2020, sections: ['动机', 'Approach'] }),
    ]);
    expect(outputLanguage(ast, familyOf(ast, 'half'))).toBe('en');
  });

  it("reads the whole study's headings and title for the report and the index", () => {
    // 3 Chinese headings of 6.
    expect(outputLanguage(mixed())).toBe('en');
    expect(outputLanguage(mixed([studyFile('大模型读书会')]))).toBe('zh');
  });

  it("follows the study's declared language over what the content looks like", () => {
    const ast = mixed([studyFile('大模型读书会', 'en')]);
    expect(outputLanguage(ast)).toBe('en');
    expect(outputLanguage(ast, familyOf(ast, 'glm'))).toBe('en');
    const declaredChinese = mixed([studyFile('Papers', 'zh')]);
    expect(outputLanguage(declaredChinese, familyOf(declaredChinese, 'gpt'))).toBe('zh');
  });
});

describe('labelsOf', () => {
  it('gives each output the words of its language', () => {
    const ast = mixed();
    expect(labelsOf(ast, familyOf(ast, 'glm')).agenda).toBe('议程');
    expect(labelsOf(ast, familyOf(ast, 'gpt')).agenda).toBe('Agenda');
    expect(labelsOf(ast).decks).toBe('Decks');
  });
});
