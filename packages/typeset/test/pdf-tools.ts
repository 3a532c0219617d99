/** Test helpers: poppler and qpdf on a written PDF, plus structure read back with pdf-lib. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  type PDFNumber,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import { firstMissing, missingTool } from '../../../tests/skips.js';
import { temporaryFolder } from '../../../tests/temporary.js';

/**
 * Why the poppler and qpdf checks cannot run here, or undefined when they can (for `it.skipIf`; see
 * tests/skips.ts).
 */
export const noPoppler = missingTool('pdftotext');
export const noQpdf = missingTool('qpdf');
export const noPdfTools = firstMissing(noPoppler, noQpdf);

/** The first line `command -v` prints (poppler writes its version to stderr). */
export function toolVersion(command: string): string {
  const result = spawnSync(command, ['-v'], { encoding: 'utf8' });
  return `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n')[0]?.trim() ?? '';
}

/** Writes a PDF to a temporary folder, removed after the calling file's tests. */
export function writeTemp(bytes: Uint8Array, name = 'report.pdf'): string {
  const dir = temporaryFolder('report-test-');
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

export function qpdfCheck(path: string): { status: number | null; output: string } {
  const result = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

export function pdfText(path: string, page?: number, layout = false): string {
  const args = [
    ...(layout ? ['-layout'] : []),
    ...(page ? ['-f', String(page), '-l', String(page)] : []),
    path,
    '-',
  ];
  return execFileSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 1 << 28 });
}

export interface FontRow {
  name: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdfFonts(path: string): FontRow[] {
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const parts = line.trim().split(/\s+/);
    // name … emb sub uni objectId gen
    const [emb, sub, uni] = parts.slice(-5, -2);
    return { name: parts[0] ?? '', embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
  });
}

/** Squeezes text for comparisons: pdftotext re-wraps lines; hyphens must survive (no break after one). */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Word boxes (in points, top-down) of one page, from `pdftotext -bbox`. */
export function wordBoxes(path: string, page: number): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), path, '-'], {
    encoding: 'utf8',
  });
  const words: Word[] = [];
  const pattern = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const match of html.matchAll(pattern)) {
    words.push({
      xMin: Number(match[1]),
      yMin: Number(match[2]),
      xMax: Number(match[3]),
      yMax: Number(match[4]),
      text: (match[5] ?? '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"'),
    });
  }
  return words;
}

export interface Grey {
  width: number;
  height: number;
  /** One byte per pixel, 0 black … 255 white. */
  pixels: Uint8Array;
}

/** Renders a page (1-based) to grey pixels at `dpi` (72: one pixel per point). */
export function renderGrey(path: string, page: number, dpi = 72): Grey {
  const dir = mkdtempSync(join(tmpdir(), 'report-png-'));
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-gray',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    path,
    join(dir, 'p'),
  ]);
  const data = readFileSync(join(dir, 'p.pgm'));
  rmSync(dir, { recursive: true, force: true });
  // Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PGM file');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: data.subarray(header[0].length) };
}

/**
 * Fraction of dark pixels inside a box given in points, on an image rendered at `dpi`: glyphs that
 * draw leave ink, broken ones leave none.
 */
export function inkIn(image: Grey, box: Omit<Word, 'text'>, dpi = 72): number {
  const scale = dpi / 72;
  let dark = 0;
  let total = 0;
  for (let y = Math.floor(box.yMin * scale); y < Math.ceil(box.yMax * scale); y++) {
    for (let x = Math.floor(box.xMin * scale); x < Math.ceil(box.xMax * scale); x++) {
      total++;
      if ((image.pixels[y * image.width + x] ?? 255) < 140) dark++;
    }
  }
  return total === 0 ? 0 : dark / total;
}

function decodeText(value: unknown): string {
  if (value instanceof PDFHexString || value instanceof PDFString) return value.decodeText();
  return '';
}

export interface OutlineItem {
  title: string;
  page: number;
  children: OutlineItem[];
}

export async function readStructure(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pageRefs = doc.getPages().map((page) => page.ref);
  const pageOf = (dest: unknown): number => {
    if (!(dest instanceof PDFArray)) return -1;
    const ref = dest.get(0);
    return pageRefs.findIndex((candidate) => ref instanceof PDFRef && candidate === ref);
  };
  const readItems = (first: unknown): OutlineItem[] => {
    const items: OutlineItem[] = [];
    let ref = first;
    while (ref instanceof PDFRef) {
      const dict = doc.context.lookup(ref, PDFDict);
      items.push({
        title: decodeText(dict.get(PDFName.of('Title'))),
        page: pageOf(dict.lookup(PDFName.of('Dest'))),
        children: readItems(dict.get(PDFName.of('First'))),
      });
      ref = dict.get(PDFName.of('Next'));
    }
    return items;
  };
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const outline = outlines ? readItems(outlines.get(PDFName.of('First'))) : [];

  const links = doc.getPages().map((page) => {
    const annots = page.node.Annots();
    const list: { rect: number[]; page?: number; uri?: string }[] = [];
    for (let i = 0; annots && i < annots.size(); i++) {
      const annot = annots.lookup(i, PDFDict);
      const rect = annot
        .lookup(PDFName.of('Rect'), PDFArray)
        .asArray()
        .map((n) => (n as PDFNumber).asNumber());
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.get(PDFName.of('URI'));
      if (uri) list.push({ rect, uri: decodeText(uri) });
      else list.push({ rect, page: pageOf(annot.lookup(PDFName.of('Dest'))) });
    }
    return list;
  });

  const labelsDict = doc.catalog.lookupMaybe(PDFName.of('PageLabels'), PDFDict);
  const nums = labelsDict?.lookup(PDFName.of('Nums'), PDFArray);
  const pageLabels: { start: number; style?: string; prefix?: string }[] = [];
  for (let i = 0; nums && i < nums.size(); i += 2) {
    const dict = nums.lookup(i + 1, PDFDict);
    const style = dict.get(PDFName.of('S'));
    pageLabels.push({
      start: (nums.lookup(i) as PDFNumber).asNumber(),
      ...(style instanceof PDFName ? { style: style.decodeText() } : {}),
      ...(dict.get(PDFName.of('P')) ? { prefix: decodeText(dict.get(PDFName.of('P'))) } : {}),
    });
  }
  const lang = doc.catalog.get(PDFName.of('Lang'));
  return {
    doc,
    pageCount: pageRefs.length,
    outline,
    links,
    pageLabels,
    language: decodeText(lang),
    size: doc.getPage(0).getSize(),
  };
}
