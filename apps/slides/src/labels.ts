/**
 * The deck's own words (titles of generated slides, fact names, table headers), in English or, for a
 * family written in Chinese, in Chinese, so a deck does not mix the two.
 */
import type { Family, Paper } from '@studykit/core';

export interface Labels {
  readingGroup: string;
  agenda: string;
  overview: string;
  lineage: string;
  conclusions: string;
  mainFindings: string;
  secondaryFindings: string;
  comparison: string;
  references: string;
  papers(count: number): string;
  paperOf(index: number, count: number): string;
  authors: string;
  moreAuthors(count: number): string;
  etAl: string;
  year: string;
  venue: string;
  organisation: string;
  parameters: string;
  tokens: string;
  buildsOn: string;
  link: string;
  model: string;
  headline: string;
  sizesUpTo(count: number, largest: string): string;
  relations: Record<string, string>;
}

const ENGLISH: Labels = {
  readingGroup: 'Reading group',
  agenda: 'Agenda',
  overview: 'Overview',
  lineage: 'Lineage',
  conclusions: 'Conclusions',
  mainFindings: 'Main findings',
  secondaryFindings: 'Also worth knowing',
  comparison: 'Comparison',
  references: 'References',
  papers: (count) => `${count} paper${count === 1 ? '' : 's'}`,
  paperOf: (index, count) => `paper ${index} of ${count}`,
  authors: 'Authors',
  moreAuthors: (count) => `et al. (${count} authors)`,
  etAl: 'et al.',
  year: 'Year',
  venue: 'Venue',
  organisation: 'Organisation',
  parameters: 'Parameters',
  tokens: 'Training tokens',
  buildsOn: 'Builds on',
  link: 'Link',
  model: 'Model',
  headline: 'Headline finding',
  sizesUpTo: (count, largest) => `${count} sizes, up to ${largest}`,
  relations: {
    extends: 'extends',
    'scales-up': 'scales up',
    'fine-tunes': 'fine-tunes',
    'borrows-method': 'borrows the method of',
    'uses-data': 'uses data from',
  },
};

const CHINESE: Labels = {
  readingGroup: '读书会',
  agenda: '议程',
  overview: '概述',
  lineage: '谱系',
  conclusions: '结论',
  mainFindings: '主要结论',
  secondaryFindings: '次要结论',
  comparison: '对比',
  references: '参考文献',
  papers: (count) => `${count} 篇论文`,
  paperOf: (index, count) => `第 ${index} 篇，共 ${count} 篇`,
  authors: '作者',
  moreAuthors: (count) => `等（共 ${count} 位作者）`,
  etAl: '等',
  year: '年份',
  venue: '发表于',
  organisation: '机构',
  parameters: '参数量',
  tokens: '训练词元',
  buildsOn: '基于',
  link: '链接',
  model: '模型',
  headline: '主要结论',
  sizesUpTo: (count, largest) => `${count} 种规模，最大 ${largest}`,
  relations: {
    extends: '延续',
    'scales-up': '放大',
    'fine-tunes': '微调自',
    'borrows-method': '借鉴方法',
    'uses-data': '使用数据',
  },
};

const HAN = /\p{Script=Han}/u;

/** Chinese when the family's name or most of its papers' section headings are written in Chinese. */
export function labelsFor(family: Family, papers: readonly Paper[]): Labels {
  const headings = papers.flatMap((paper) => paper.sections.map((section) => section.title));
  const chinese = headings.filter((heading) => HAN.test(heading)).length;
  return HAN.test(family.name) || (headings.length > 0 && chinese * 2 > headings.length) ? CHINESE : ENGLISH;
}
