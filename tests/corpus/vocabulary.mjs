/** Words every generated corpus draws from: the relation kinds and the family colours. */

/** @type {readonly import('../../packages/core/src/index.js').RelationKind[]} */
export const KINDS = ['extends', 'scales-up', 'fine-tunes', 'borrows-method', 'uses-data'];

export const COLOURS = [
  '#10a37f',
  '#d97757',
  '#0668e1',
  '#4f46e5',
  '#cc3333',
  '#f59e0b',
  '#0891b2',
  '#9333ea',
];
