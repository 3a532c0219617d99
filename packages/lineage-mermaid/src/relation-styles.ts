import { RELATION_KINDS, type RelationKind } from '@studykit/core';

/**
 * How each `builds_on` kind is drawn: arrow shape and colour both differ, so the diagram still reads
 * in a greyscale print. Its name in the legend comes from the shared labels (@studykit/view).
 */
export interface RelationStyle {
  /** Mermaid link operator. */
  arrow: string;
  /** `linkStyle` properties. */
  style: string;
}

export const RELATION_STYLES: Record<RelationKind, RelationStyle> = {
  extends: { arrow: '-->', style: 'stroke:#4b5563,stroke-width:2px' },
  'scales-up': { arrow: '==>', style: 'stroke:#d97706,stroke-width:4px' },
  'fine-tunes': { arrow: '-.->', style: 'stroke:#2563eb,stroke-width:2px' },
  'borrows-method': { arrow: '-->', style: 'stroke:#9333ea,stroke-width:2px,stroke-dasharray:10 5' },
  'uses-data': { arrow: '--o', style: 'stroke:#059669,stroke-width:2px' },
  // Work done at the same time, neither borrowing from the other: no arrowhead, a dotted grey line.
  concurrent: { arrow: '---', style: 'stroke:#64748b,stroke-width:2px,stroke-dasharray:2 4' },
};

/** Kinds in legend order: core's order. */
export const RELATION_ORDER: readonly RelationKind[] = RELATION_KINDS;

/** Unknown kinds (a newer AST) are drawn as `extends` rather than breaking the diagram. */
export function knownKind(kind: string): RelationKind {
  return kind in RELATION_STYLES ? (kind as RelationKind) : 'extends';
}
