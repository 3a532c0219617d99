import type { Family, RelationKind } from '@studykit/core';
import type { Labels } from './labels.js';

/** "2018–2022", "2023", or the label for a family without papers. */
export function periodText(family: Family, labels: Labels): string {
  if (!family.period) return labels.noPapersYet;
  const { from, to } = family.period;
  return from === to ? String(from) : `${from}–${to}`;
}

/**
 * A paper's links split into what it builds on and the work done at the same time (`concurrent`), which
 * it does not build on: the facts show them in rows of their own, the comparison's "Builds on" column
 * leaves the second out.
 */
export function splitConcurrent<T extends { kind: RelationKind }>(
  links: readonly T[],
): { earlier: T[]; concurrent: T[] } {
  return {
    earlier: links.filter((link) => link.kind !== 'concurrent'),
    concurrent: links.filter((link) => link.kind === 'concurrent'),
  };
}

/** "scales up GPT-2": how a paper relates to an earlier one, in the output's language. */
export function relationPhrase(kind: RelationKind, earlier: string, labels: Labels): string {
  return `${labels.relations[kind] ?? labels.relations.extends} ${earlier}`;
}
