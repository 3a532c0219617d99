/**
 * Where each marker landed: its destination (page index and y, for links and the outline) and its
 * printed page label (for the TOC, references and index, drawn after pagination).
 */
import type { Destination, PageGeometry } from '@studykit/typeset';
import type { PageLabels } from './anchors.js';
import type { Pagination } from './flow.js';

export class PageMap implements PageLabels {
  private readonly destinations = new Map<string, Destination>();
  private readonly labels = new Map<string, string>();

  constructor(private readonly geometry: PageGeometry) {}

  labelOf(marker: string): string {
    return this.labels.get(marker) ?? '';
  }

  destination(marker: string): Destination | undefined {
    return this.destinations.get(marker);
  }

  /** A marker at the top of page `page`. */
  place(marker: string, page: number, label: string): void {
    this.destinations.set(marker, { page, y: this.geometry.top });
    this.labels.set(marker, label);
  }

  /** Every marker of a flow whose first page is page `offset` of the document. */
  record(flow: Pagination, offset: number, labelOf: (page: number) => string): void {
    for (const [marker, place] of flow.markers) {
      this.destinations.set(marker, { page: offset + place.page, y: this.geometry.top + place.y });
      this.labels.set(marker, labelOf(offset + place.page));
    }
  }
}
