import { describe, expect, it } from 'vitest';
import { LABELS } from '../src/index.js';

const en = LABELS.en;
const zh = LABELS.zh;
const date = new Date(Date.UTC(2026, 10, 29, 23, 30));

describe('English words', () => {
  it('count papers and families in the singular and the plural', () => {
    expect(en.papers(1)).toBe('1 paper');
    expect(en.papers(12)).toBe('12 papers');
    expect(en.families(1)).toBe('1 family');
    expect(en.families(4)).toBe('4 families');
    expect(en.papersInFamilies(12, 4)).toBe('12 papers in 4 families');
  });

  it('write dates day first (the UTC day: dates are days, not instants)', () => {
    expect(en.date(date)).toBe('29 November 2026');
    expect(en.date(new Date(Date.UTC(2027, 0, 1)))).toBe('1 January 2027');
  });

  it('name relations and report furniture', () => {
    expect(en.relations['uses-data']).toBe('uses data from');
    expect(en.relationNames['borrows-method']).toBe('borrows method');
    expect(en.chapter(3)).toBe('Chapter 3');
    expect(en.paperOf(2, 5)).toBe('paper 2 of 5');
    expect(en.sizesUpTo(4, '65B')).toBe('4 sizes, up to 65B');
    expect(en.moreAuthors(31)).toBe('et al. (31 authors)');
    expect(en.presentedBy('Ada')).toBe('presented by Ada');
    expect(en.pageOf(3, 10)).toBe('3 / 10');
  });
});

describe('Chinese words', () => {
  it('count with measure words and put the families before the papers', () => {
    expect(zh.papers(1)).toBe('1 篇论文');
    expect(zh.families(4)).toBe('4 个系列');
    expect(zh.papersInFamilies(12, 4)).toBe('4 个系列，共 12 篇论文');
    expect(zh.studyReport(12, 4)).toBe('学习报告：4 个系列，共 12 篇论文');
  });

  it('write dates year first with 年月日', () => {
    expect(zh.date(date)).toBe('2026年11月29日');
  });

  it('name relations and report furniture', () => {
    expect(zh.relations['fine-tunes']).toBe('微调自');
    expect(zh.relationNames['fine-tunes']).toBe('微调');
    expect(zh.chapter(3)).toBe('第 3 章');
    expect(zh.paperOf(2, 5)).toBe('第 2 篇，共 5 篇');
    expect(zh.presentedBy('Ada')).toBe('主讲：Ada');
    expect(zh.pageOf(3, 10)).toBe('第 3 页，共 10 页');
  });
});

describe('both catalogues', () => {
  const keys = Object.keys(en).sort();

  it('have the same words', () => {
    expect(Object.keys(zh).sort()).toEqual(keys);
    expect(Object.keys(zh.relations).sort()).toEqual(Object.keys(en.relations).sort());
  });

  it('leave no word empty and no Chinese word in English', () => {
    for (const key of keys) {
      const english = en[key as keyof typeof en];
      const chinese = zh[key as keyof typeof zh];
      if (typeof english !== 'string' || typeof chinese !== 'string' || key === 'language') continue;
      expect(english.trim(), key).not.toBe('');
      expect(chinese, key).not.toBe(english);
      // Chinese words, or full-width punctuation (CJK symbols, full-width forms).
      expect(chinese, key).toMatch(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u);
    }
  });
});
