/** Document-level navigation written through pdf-lib's object API: outline, page labels, metadata. */
import { type PDFDict, type PDFDocument, PDFHexString, PDFName, type PDFRef } from 'pdf-lib';
import { type Destination, type DocumentContext, destinationArray } from './canvas.js';

export interface OutlineNode {
  title: string;
  destination: Destination;
  children: OutlineNode[];
}

/** Writes the bookmarks; top-level items are open so family → paper is visible at once. */
export function writeOutline(context: DocumentContext, nodes: OutlineNode[]): void {
  if (nodes.length === 0) return;
  const pdf = context.doc.context;
  const rootRef = pdf.nextRef();
  const visible = (list: OutlineNode[], depth: number): number =>
    list.reduce((sum, node) => sum + 1 + (depth === 0 ? visible(node.children, depth + 1) : 0), 0);

  const writeLevel = (list: OutlineNode[], parent: PDFRef, depth: number): PDFRef[] => {
    const refs = list.map(() => pdf.nextRef());
    list.forEach((node, i) => {
      const dict = pdf.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(node.title));
      dict.set(PDFName.of('Parent'), parent);
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1] as PDFRef);
      if (i < list.length - 1) dict.set(PDFName.of('Next'), refs[i + 1] as PDFRef);
      dict.set(PDFName.of('Dest'), destinationArray(context, node.destination));
      if (node.children.length > 0) {
        const childRefs = writeLevel(node.children, refs[i] as PDFRef, depth + 1);
        dict.set(PDFName.of('First'), childRefs[0] as PDFRef);
        dict.set(PDFName.of('Last'), childRefs[childRefs.length - 1] as PDFRef);
        // Positive count: open (families); negative: closed with that many children.
        const count = depth === 0 ? visible(node.children, depth + 1) : -node.children.length;
        dict.set(PDFName.of('Count'), pdf.obj(count));
      }
      pdf.assign(refs[i] as PDFRef, dict);
    });
    return refs;
  };

  const topRefs = writeLevel(nodes, rootRef, 0);
  const root = pdf.obj({ Type: 'Outlines' }) as PDFDict;
  root.set(PDFName.of('First'), topRefs[0] as PDFRef);
  root.set(PDFName.of('Last'), topRefs[topRefs.length - 1] as PDFRef);
  root.set(PDFName.of('Count'), pdf.obj(visible(nodes, 0)));
  pdf.assign(rootRef, root);
  context.doc.catalog.set(PDFName.of('Outlines'), rootRef);
  context.doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

export interface LabelRange {
  /** Index of the first page of the range. */
  start: number;
  style?: 'D' | 'r';
  prefix?: string;
}

/** Printed and viewer page numbers agree: "Cover", then i, ii… for the front matter, then 1, 2… */
export function writePageLabels(doc: PDFDocument, ranges: LabelRange[]): void {
  const pdf = doc.context;
  const nums: unknown[] = [];
  for (const range of ranges) {
    const dict = pdf.obj({}) as PDFDict;
    if (range.style) dict.set(PDFName.of('S'), PDFName.of(range.style));
    if (range.prefix) dict.set(PDFName.of('P'), PDFHexString.fromText(range.prefix));
    nums.push(range.start, dict);
  }
  doc.catalog.set(PDFName.of('PageLabels'), pdf.obj({ Nums: nums } as never));
}

export function toRoman(value: number): string {
  const numerals: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let rest = value;
  let out = '';
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      out += numeral;
      rest -= amount;
    }
  }
  return out;
}
