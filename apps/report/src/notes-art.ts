/**
 * What the notes show besides text, made ready to draw before anything is measured: formulas (KaTeX
 * printed by Chromium, a vector page each, with its box measured there), images (PNG and JPEG
 * embedded as they are, SVG printed as vector), and mermaid diagrams (drawn by the lineage's renderer
 * with the kit's fonts). All formulas of the report go in one print, the SVGs in one, the diagrams in
 * one; Chromium starts only when the report has any of them.
 */
import type { Block, ExifOrientation, Family, ImageAsset, Paper } from '@studykit/core';
import { DiagramSyntaxError, type MermaidRenderer, oneLine, type RenderedSvg } from '@studykit/diagram';
import {
  type EmbeddedForm,
  embedPagesAsForms,
  type FormulaRequest,
  Formulas,
  typesetFormulas,
} from '@studykit/typeset';
import type { PDFDocument, PDFImage } from 'pdf-lib';

/** A picture ready to draw, and its natural size in CSS px (what the notes meant as 100 %). */
export type PictureArt =
  | { kind: 'image'; image: PDFImage; width: number; height: number; orientation?: ExifOrientation }
  | { kind: 'form'; form: EmbeddedForm; width: number; height: number };

export interface NotesArt {
  formulas: Formulas;
  image(asset: ImageAsset): PictureArt | undefined;
  diagram(source: string): PictureArt | undefined;
}

export const NO_ART: NotesArt = {
  formulas: new Formulas(),
  image: () => undefined,
  diagram: () => undefined,
};

/** What draws the art: the lineage's Chromium renderer (the parts the report uses). */
export type ArtRenderer = Pick<
  MermaidRenderer,
  'printFormulas' | 'printSvgImages' | 'renderSvg' | 'printPages'
>;

export interface ArtSources {
  /** Chromium, asked for only when the report has formulas, SVG images or diagrams. */
  renderer?: () => Promise<ArtRenderer>;
  /** A content file's bytes (an image), by its path relative to the content folder. */
  readFile?: (file: string) => Promise<Uint8Array>;
  /** The date the intermediate PDFs carry (not visible in the report). */
  pdfDate?: Date;
}

interface Wanted {
  formulas: FormulaRequest[];
  images: Map<string, ImageAsset>;
  /** By source; `file` and `line` (of the opening fence) name the block in messages. */
  diagrams: Map<string, { source: string; file: string; line: number }>;
}

/** Every formula, image and diagram in what the report prints, each once, in reading order. */
export function wantedArt(families: readonly Family[], papers: readonly Paper[]): Wanted {
  const wanted: Wanted = { formulas: [], images: new Map(), diagrams: new Map() };
  const visit = (node: unknown, file: string): void => {
    const n = node as {
      type?: string;
      value?: string;
      children?: unknown[];
      data?: { asset?: ImageAsset };
      position?: { start: { line: number } };
    };
    if ((n.type === 'inlineMath' || n.type === 'math') && typeof n.value === 'string') {
      wanted.formulas.push({ tex: n.value, display: n.type === 'math' });
    } else if (n.type === 'image' && n.data?.asset) {
      wanted.images.set(n.data.asset.digest, n.data.asset);
    } else if (n.type === 'diagram' && typeof n.value === 'string' && !wanted.diagrams.has(n.value)) {
      wanted.diagrams.set(n.value, { source: n.value, file, line: n.position?.start.line ?? 1 });
    }
    for (const child of n.children ?? []) visit(child, file);
  };
  const visitBlocks = (blocks: readonly Block[], file: string) => {
    for (const block of blocks) for (const node of block.children) visit(node, file);
  };
  for (const family of families) {
    visitBlocks([family.overview, ...family.sections, ...family.footnotes], family.file);
  }
  for (const paper of papers) {
    visitBlocks([...paper.sections, ...paper.conclusions, ...paper.footnotes], paper.file);
  }
  return wanted;
}

/** Draws and embeds everything `wanted` lists. */
export async function prepareArt(doc: PDFDocument, wanted: Wanted, sources: ArtSources): Promise<NotesArt> {
  const images = new Map<string, PictureArt>();
  const diagrams = new Map<string, PictureArt>();
  const svgs = [...wanted.images.values()].filter((asset) => asset.format === 'svg');
  const needsChromium = wanted.formulas.length > 0 || svgs.length > 0 || wanted.diagrams.size > 0;
  const renderer = needsChromium && sources.renderer ? await sources.renderer() : undefined;
  const print = { ...(sources.pdfDate ? { pdfDate: sources.pdfDate } : {}) };

  const formulas =
    renderer && wanted.formulas.length > 0
      ? await typesetFormulas(doc, renderer, wanted.formulas, sources.pdfDate)
      : new Formulas();

  for (const asset of wanted.images.values()) {
    if (asset.format === 'svg' || !sources.readFile) continue;
    const bytes = await sources.readFile(asset.file);
    // JPEG bytes go into the PDF unchanged (DCTDecode); PNG keeps its pixels (FlateDecode).
    const image = asset.format === 'jpeg' ? await doc.embedJpg(bytes) : await doc.embedPng(bytes);
    images.set(asset.digest, {
      kind: 'image',
      image,
      width: asset.width,
      height: asset.height,
      // pdf-lib draws the stored pixels: the canvas turns a JPEG as its EXIF orientation says.
      ...(asset.orientation ? { orientation: asset.orientation } : {}),
    });
  }

  if (renderer && sources.readFile && svgs.length > 0) {
    const read = sources.readFile;
    const files = await Promise.all(svgs.map((asset) => read(asset.file)));
    const pdf = await renderer.printSvgImages(
      svgs.map((asset, index) => ({
        bytes: files[index] as Uint8Array,
        width: asset.width,
        height: asset.height,
      })),
      { ...print, title: 'images' },
    );
    const forms = await embedPagesAsForms(doc, pdf);
    svgs.forEach((asset, index) => {
      const form = forms[index];
      if (form) images.set(asset.digest, { kind: 'form', form, width: asset.width, height: asset.height });
    });
  }

  if (renderer && wanted.diagrams.size > 0) {
    const drawn: RenderedSvg[] = [];
    for (const { source, file, line } of wanted.diagrams.values()) {
      const name = `${file}:${line}`;
      drawn.push(
        await renderer.renderSvg(source, { embedFonts: false, name }).catch((error: unknown) => {
          // mermaid counts the block's own lines: the first is the one after the fence.
          if (error instanceof DiagramSyntaxError) {
            const at = error.line ? `${file}:${line + error.line}` : name;
            const said = error.message.split('\n').slice(1).join(' ');
            throw new Error(
              `${at}: the mermaid block does not parse (${oneLine(said)}); fix it and build again`,
            );
          }
          throw new Error(
            `${name}: mermaid could not draw this block (${oneLine(error)}); fix it and build again`,
          );
        }),
      );
    }
    const forms = await embedPagesAsForms(
      doc,
      await renderer.printPages(drawn, { ...print, title: 'diagrams' }),
    );
    [...wanted.diagrams.keys()].forEach((source, index) => {
      const form = forms[index];
      const svg = drawn[index];
      if (form && svg) diagrams.set(source, { kind: 'form', form, width: svg.width, height: svg.height });
    });
  }

  return {
    formulas,
    image: (asset) => images.get(asset.digest),
    diagram: (source) => diagrams.get(source),
  };
}
