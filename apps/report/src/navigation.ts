/** The PDF's navigation: the outline (contents, lineage, family → paper, references, index) and page labels. */
import { type Drawing, type OutlineNode, writeOutline, writePageLabels } from '@studykit/typeset';
import type { PDFDocument } from 'pdf-lib';
import type { OutlineEntry } from './anchors.js';
import { CONTENTS_MARKER } from './contents.js';
import type { PageMap } from './page-map.js';
import type { PagePlan } from './paginate-report.js';
import type { ReportInput } from './report-input.js';

export function writeNavigation(
  doc: PDFDocument,
  drawing: Drawing,
  input: ReportInput,
  plan: PagePlan,
  pageMap: PageMap,
  entries: readonly OutlineEntry[],
): void {
  const { geometry, words } = input;
  const outline: OutlineNode[] = [];
  const toNode = (entry: OutlineEntry): OutlineNode | undefined => {
    const destination = pageMap.destination(entry.marker);
    if (!destination) return undefined;
    return {
      title: entry.title,
      destination,
      children: entry.children.map(toNode).filter((node): node is OutlineNode => !!node),
    };
  };
  const contents = pageMap.destination(CONTENTS_MARKER);
  if (contents) outline.push({ title: words.contents, destination: contents, children: [] });
  outline.push({
    title: words.lineageOfPapers,
    destination: { page: plan.lineageIndex, y: geometry.top },
    children: [],
  });
  for (const entry of entries) {
    const node = toNode(entry);
    if (node) outline.push(node);
  }
  writeOutline(drawing.context, outline);
  writePageLabels(doc, [
    { start: 0, prefix: words.cover },
    { start: plan.tocStart, style: 'r' },
    { start: plan.bodyStart, style: 'D' },
  ]);
}
