/**
 * Where each output lands in out/, defined once: the renderers that write them, the CLI that checks
 * whether they are current and the index that links them all use these.
 */
import type { DeckTarget } from './decks.js';

export const OUTPUT_PATHS = {
  lineageMermaid: 'lineage/lineage.mmd',
  lineageSvg: 'lineage/lineage.svg',
  lineagePng: 'lineage/lineage.png',
  lineagePdf: 'lineage/lineage.pdf',
  /** Every family's diagram, a page each, in reading order (the report prints them in its chapters). */
  familyFigures: 'lineage/lineage-families.pdf',
  report: 'report/study-report.pdf',
  bibtex: 'references.bib',
  cslJson: 'references.json',
  calendar: 'meetings.ics',
  index: 'index.html',
} as const;

/** A family's own diagram: `lineage/lineage-<family>.svg` (and `.mmd`). */
export function familyDiagramPath(family: string, extension: 'svg' | 'mmd'): string {
  return `lineage/lineage-${family}.${extension}`;
}

/** A deck's printed PDF, beside its folder: `slides/<family>.pdf`, `meetings/<date>.pdf`. */
export function deckPdfPath(target: Pick<DeckTarget, 'folder'>): string {
  return `${target.folder}.pdf`;
}

/** A deck's handout: `handout/<family>.pdf`, a meeting's `handout/meeting-<id>.pdf`. */
export function handoutPath(target: Pick<DeckTarget, 'kind' | 'id'>): string {
  return `handout/${target.kind === 'family' ? target.id : `meeting-${target.id}`}.pdf`;
}
