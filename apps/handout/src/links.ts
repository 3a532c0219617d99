/**
 * The links of a deck's page (Chromium writes each `<a href>` of a slide as a URI link annotation),
 * so that the handout keeps them: embedding the page as a form keeps its drawing, not its links.
 * Each is returned as a share of the page (0…1, top-down), ready to be scaled to the slide's box.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, type PDFPage, PDFString } from 'pdf-lib';

export interface SlideLink {
  x: number;
  top: number;
  width: number;
  height: number;
  uri: string;
}

export function slideLinks(page: PDFPage): SlideLink[] {
  const annotations = page.node.Annots();
  if (!annotations) return [];
  const { width, height } = page.getSize();
  const links: SlideLink[] = [];
  for (let index = 0; index < annotations.size(); index++) {
    const annotation = annotations.lookup(index);
    if (!(annotation instanceof PDFDict)) continue;
    if (annotation.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
    const action = annotation.lookup(PDFName.of('A'));
    const rect = annotation.lookup(PDFName.of('Rect'));
    if (!(action instanceof PDFDict) || !(rect instanceof PDFArray)) continue;
    const uri = action.lookup(PDFName.of('URI'));
    if (!(uri instanceof PDFString || uri instanceof PDFHexString)) continue;
    const [x1, y1, x2, y2] = [0, 1, 2, 3].map((i) => {
      const value = rect.lookup(i);
      return value instanceof PDFNumber ? value.asNumber() : 0;
    }) as [number, number, number, number];
    links.push({
      x: Math.min(x1, x2) / width,
      top: (height - Math.max(y1, y2)) / height,
      width: Math.abs(x2 - x1) / width,
      height: Math.abs(y2 - y1) / height,
      uri: uri.decodeText(),
    });
  }
  return links;
}
