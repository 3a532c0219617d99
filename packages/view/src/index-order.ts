/**
 * The order and headings of a back-of-book index in the output's language. English: alphabetical, a
 * heading per initial letter. Chinese: by pinyin, as Chinese readers look words up (强化学习 under Q,
 * beside Latin terms starting with Q), not by code point with a heading per character.
 */
import type { StudyLanguage } from '@studykit/core';
import { pinyin } from 'pinyin-pro';

export interface IndexGroup {
  /** "A" … "Z", or the term's first character when it has no letter (a digit, a symbol). */
  heading: string;
  terms: string[];
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** A term as letters: Han characters by their toneless pinyin, the rest as written. */
function sortKey(term: string, language: StudyLanguage): string {
  if (language !== 'zh' || !/\p{Script=Han}/u.test(term)) return term;
  return pinyin(term, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
}

export function indexGroups(terms: readonly string[], language: StudyLanguage): IndexGroup[] {
  const keyed = [...new Set(terms)].map((term) => ({ term, key: sortKey(term, language) }));
  keyed.sort((a, b) => collator.compare(a.key, b.key) || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const groups: IndexGroup[] = [];
  for (const { term, key } of keyed) {
    const first = key.normalize('NFD')[0] ?? '';
    const heading = /\p{L}/u.test(first) ? first.toLocaleUpperCase('en') : first;
    const last = groups.at(-1);
    if (last?.heading === heading) last.terms.push(term);
    else groups.push({ heading, terms: [term] });
  }
  return groups;
}
