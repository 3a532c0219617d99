import type { Family, Paper, StudyAst, StudyLanguage } from '@studykit/core';
import { LABELS, type Labels } from './labels.js';
import { papersOf } from './reading-order.js';

const HAN = /\p{Script=Han}/u;

/** Chinese when a name or most section headings are written in Chinese. */
function detect(names: readonly string[], papers: readonly Paper[]): StudyLanguage {
  const headings = papers.flatMap((paper) => paper.sections.map((section) => section.title));
  const chinese = headings.filter((heading) => HAN.test(heading)).length;
  return names.some((name) => HAN.test(name)) || (headings.length > 0 && chinese * 2 > headings.length)
    ? 'zh'
    : 'en';
}

/**
 * The language of an output's own words: the study's declared `language` (study.md) when set;
 * otherwise detected from the content: a family's deck from that family, the report and the index
 * from the whole study.
 */
export function outputLanguage(ast: StudyAst, family?: Family): StudyLanguage {
  if (ast.study.language) return ast.study.language;
  if (family) return detect([family.name], papersOf(ast, family));
  return detect([ast.study.title], ast.papers);
}

export function labelsOf(ast: StudyAst, family?: Family): Labels {
  return LABELS[outputLanguage(ast, family)];
}
