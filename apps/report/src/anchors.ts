/**
 * What the body hands to the rest of the report besides its boxes: the markers (link targets), the
 * TOC and outline entries, and the page-label lookup that is filled in after pagination.
 */
import type { FlowBox } from './flow.js';

export interface OutlineEntry {
  title: string;
  marker: string;
  children: OutlineEntry[];
}

export interface TocEntry {
  level: 0 | 1;
  /** Chapter number or paper short name, shown before the title. */
  label: string;
  title: string;
  marker: string;
}

/** Looks up printed page labels once pagination is done (drawing happens after it). */
export interface PageLabels {
  labelOf(marker: string): string;
}

export interface BodyContent {
  boxes: FlowBox[];
  outline: OutlineEntry[];
  toc: TocEntry[];
}

export const familyMarker = (id: string) => `family:${id}`;
export const paperMarker = (id: string) => `paper:${id}`;
export const REFERENCES_MARKER = 'references';
export const INDEX_MARKER = 'index';
