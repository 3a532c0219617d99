/**
 * The vertical flow: boxes stacked top-down, broken into pages. Keeps headings with what follows,
 * avoids single orphan and widow lines, repeats a table's header row after a page break, and records
 * where markers land (for the outline, the TOC and internal links).
 */
import type { PageCanvas } from '@studykit/typeset';

export interface FlowBox {
  height: number;
  /** Space above the box, dropped at the top of a page. */
  spaceBefore?: number;
  /** Move to the next page together with the following box when both do not fit. */
  keepWithNext?: boolean;
  pageBreakBefore?: boolean;
  draw?: (canvas: PageCanvas, x: number, top: number) => void;
  /** A table's header row, drawn again when the table continues on a new page. */
  repeatHeader?: FlowBox;
  /** Ids whose position is recorded (link and outline targets). */
  markers?: string[];
  /** The chapter title shown in the running header from this box on. */
  chapter?: string;
}

export interface PlacedBox {
  box: FlowBox;
  top: number;
}

export interface FlowPage {
  boxes: PlacedBox[];
  /** Chapter shown in the running header. */
  chapter: string | undefined;
  /** A chapter opens on this page: its title replaces the running header. */
  opensChapter: boolean;
}

export interface Pagination {
  pages: FlowPage[];
  /** Marker id → page index (within this flow) and top. */
  markers: Map<string, { page: number; y: number }>;
}

export function paginate(boxes: readonly FlowBox[], pageHeight: number): Pagination {
  const pages: FlowPage[] = [];
  const markers = new Map<string, { page: number; y: number }>();
  let chapter: string | undefined;
  let page: FlowPage = { boxes: [], chapter, opensChapter: false };
  pages.push(page);
  let y = 0;

  const newPage = () => {
    page = { boxes: [], chapter, opensChapter: false };
    pages.push(page);
    y = 0;
  };
  const place = (box: FlowBox, top: number) => {
    page.boxes.push({ box, top });
    for (const id of box.markers ?? []) markers.set(id, { page: pages.length - 1, y: top });
    if (box.chapter !== undefined) {
      chapter = box.chapter;
      page.chapter = chapter;
      page.opensChapter = true;
    }
  };

  for (let i = 0; i < boxes.length; i++) {
    const box = boxes[i] as FlowBox;
    if (box.pageBreakBefore && page.boxes.length > 0) newPage();
    let space = y === 0 ? 0 : (box.spaceBefore ?? 0);

    // The chain of boxes that must travel together with this one.
    let chain = space + box.height;
    for (let j = i; (boxes[j] as FlowBox).keepWithNext && j + 1 < boxes.length; j++) {
      const next = boxes[j + 1] as FlowBox;
      if (next.pageBreakBefore) break;
      chain += (next.spaceBefore ?? 0) + next.height;
      if (chain > pageHeight) break;
    }
    const fitsAlone = y + space + box.height <= pageHeight + 0.01;
    const chainFits = y + chain <= pageHeight + 0.01;
    if (y > 0 && (!fitsAlone || (!chainFits && chain - space <= pageHeight))) {
      newPage();
      space = 0;
      if (box.repeatHeader && box.repeatHeader !== box) {
        place(box.repeatHeader, 0);
        y = box.repeatHeader.height;
      }
    }
    place(box, y + space);
    y += space + box.height;
  }
  return { pages, markers };
}
