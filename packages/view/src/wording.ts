import type { Family, RelationKind } from '@studykit/core';
import type { Labels } from './labels.js';

/** "2018–2022", "2023", or the label for a family without papers. */
export function periodText(family: Family, labels: Labels): string {
  if (!family.period) return labels.noPapersYet;
  const { from, to } = family.period;
  return from === to ? String(from) : `${from}–${to}`;
}

/** "scales up GPT-2": how a paper relates to an earlier one, in the output's language. */
export function relationPhrase(kind: RelationKind, earlier: string, labels: Labels): string {
  return `${labels.relations[kind] ?? labels.relations.extends} ${earlier}`;
}
