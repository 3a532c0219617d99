/**
 * Plans → slides, with every height measured in Chromium: a flow is cut into pages that fit, a tall
 * paragraph, bullet or code block is divided, a block that cannot be divided is scaled down to the
 * readable floor, and the lineage diagram is drawn in the direction that fills its slide. A slide
 * that still does not fit is an error that names it.
 */
import { DiagramSyntaxError, oneLine, type RenderedSvg } from '@studykit/diagram';
import type { Chunk } from './chunks.js';
import type { DeckSlide, LineageTexts, SlideBody, SlidePlan } from './deck.js';
import { type Figure, figureHtml, inlineSvg, maxZoom, type SizedFigure } from './figures.js';
import {
  DIAGRAM_MAX_ZOOM,
  DIAGRAM_MIN_ZOOM,
  FORMULA_MIN_ZOOM,
  LARGE_FIGURE,
  MIN_FLOW_ZOOM,
  READABLE_PX,
} from './layout.js';
import type { Fit, SlideFrame, SlideMeasurer } from './measure-page.js';
import { divideNotes } from './note-division.js';
import { joinChunks, paginate } from './paginate.js';

/** A diagram drawn for a slide: the SVG and its size in CSS px. */
export type DiagramSvg = RenderedSvg;

/** What layout needs of the measuring page (SlideMeasurer; a test may wrap it). */
export type Measurer = Pick<SlideMeasurer, 'box' | 'singles' | 'runs' | 'divide' | 'fit' | 'formulaZooms'>;

export interface LayoutTools {
  measurer: Measurer;
  /**
   * Draws mermaid text as an SVG whose labels use the deck's fonts (@studykit/diagram's renderer);
   * `name` says what it is in messages.
   */
  drawDiagram(mermaid: string, id: string, name?: string): Promise<DiagramSvg>;
}

export interface DeckLayout {
  slides: DeckSlide[];
  /** CSS the diagram needs (mermaid's own style, moved out of the SVG: Vue templates refuse <style>). */
  css: string;
}

export class SlideOverflowError extends Error {
  constructor(
    readonly slide: number,
    readonly title: string,
    detail: string,
  ) {
    super(`slide ${slide} "${title}" does not fit its frame: ${detail}`);
    this.name = 'SlideOverflowError';
  }
}

/** How many times a figure alone on its slide is made smaller before it is left to the page's zoom. */
const FIT_STEPS = 6;

/** Widest continuation title, used while breaking pages so that "(12/12)" never adds a title line. */
const NUMBERED = ' (99/99)';

/**
 * `reserve` holds back pixels at the bottom of some plans' slides (plan index → px): after a built deck
 * showed content leaving the frame there, the plan is laid out again with less room.
 */
export async function layoutDeck(
  plans: readonly SlidePlan[],
  tools: LayoutTools,
  deckId: string,
  reserve: ReadonlyMap<number, number> = new Map(),
): Promise<DeckLayout> {
  const slides: DeckSlide[] = [];
  let css = '';
  // Diagrams are drawn in the lineage renderer's own browser while this one measures the other slides.
  const drawings = new Map(
    plans.flatMap((plan, index) =>
      plan.body.type === 'diagram'
        ? [[index, drawBoth(plan.body.mermaid, tools, `${deckId}-lineage`)] as const]
        : [],
    ),
  );
  for (const drawing of drawings.values()) drawing.catch(() => {}); // awaited (and reported) in order below
  for (const [planIndex, plan] of plans.entries()) {
    const frame: SlideFrame = {
      kind: plan.kind,
      kicker: plan.kicker,
      title: plan.title,
      reserve: reserve.get(planIndex) ?? 0,
    };
    const base = {
      kind: plan.kind,
      kicker: plan.kicker,
      notes: plan.notes,
      plan: planIndex,
      ...(plan.paper ? { paper: plan.paper } : {}),
    };
    const body = plan.body;
    if (body.type === 'diagram') {
      const whole = await (drawings.get(planIndex) as ReturnType<typeof drawBoth>);
      const parts = await lineageSlides(body, whole, frame, tools, `${deckId}-lineage`);
      // An era shown on a slide of its own takes the sentences of the notes that name its papers.
      const notes = divideNotes(
        plan.notes,
        parts.map((part) => part.html),
        plan.pageNote,
      );
      for (const [index, part] of parts.entries()) {
        css += part.css;
        const title = parts.length > 1 ? `${plan.title} (${index + 1}/${parts.length})` : plan.title;
        slides.push({ ...base, notes: notes[index] ?? [], title, bodyHtml: part.html, zoom: 1 });
      }
      continue;
    }
    const titled = (pages: readonly string[], index: number) =>
      pages.length > 1 ? `${plan.title} (${index + 1}/${pages.length})` : plan.title;
    const fitted = async (minZoom: number) => {
      let pages = [body.type === 'fixed' ? body.html : ''];
      let flowCss = '';
      if (body.type === 'flow') {
        const flow = await flowPages(body.chunks, frame, tools, `${deckId}-figure-${planIndex}`, minZoom);
        flowCss = flow.css;
        pages = flow.pages;
      }
      const fits: Fit[] = [];
      for (const [index, html] of pages.entries())
        fits.push(await tools.measurer.fit({ ...frame, title: titled(pages, index) }, html, READABLE_PX));
      return { pages, css: flowCss, fits };
    };
    // A page shrunk to keep a section together may hold text the readable floor forbids shrinking
    // (a footnote marker): then the section is broken at full size.
    let laid = await fitted(body.type === 'flow' ? MIN_FLOW_ZOOM : 1);
    if (body.type === 'flow' && laid.fits.some((fit) => !fit.fits)) laid = await fitted(1);
    css += laid.css;
    const notes = divideNotes(plan.notes, laid.pages, plan.pageNote);
    for (const [index, html] of laid.pages.entries()) {
      const title = titled(laid.pages, index);
      const fit = laid.fits[index] as Fit;
      if (!fit.fits) {
        throw new SlideOverflowError(
          slides.length + 1,
          title,
          `its content is ${Math.round(fit.used)} px tall in a ${Math.round(fit.available)} px body and cannot be divided; even at ${Math.round(fit.zoom * 100)} % (the readable floor) it overflows. Shorten it in content/.`,
        );
      }
      slides.push({
        ...base,
        title,
        notes: notes[index] ?? [],
        bodyHtml: html,
        zoom: fit.zoom,
        measured: { used: fit.used, available: fit.available },
      });
    }
  }
  return { slides, css };
}

/**
 * The pages of a flow, display formulas narrowed to the body, and with figures: each figure sized to the body's width (never enlarged), and one
 * whose measured height passes LARGE_FIGURE of the body alone on its page, as large as the body lets
 * it be, with its caption. The text around it is paginated as before.
 */
async function flowPages(
  flowChunks: readonly Chunk[],
  frame: SlideFrame,
  tools: LayoutTools,
  id: string,
  minZoom: number,
): Promise<{ pages: string[]; css: string }> {
  const { measurer } = tools;
  const chunks = await narrowFormulas(flowChunks, frame, measurer);
  if (!chunks.some((chunk) => chunk.figure))
    return { pages: await breakPages(chunks, frame, measurer, minZoom), css: '' };
  const drawn = await Promise.all(
    chunks.map((chunk, index) =>
      chunk.figure ? sizeFigure(chunk.figure, tools, `${id}-${index}`) : undefined,
    ),
  );
  const sized = drawn.map((figure) => figure?.sized);
  const css = drawn.map((figure) => figure?.css ?? '').join('');
  const numbered = { ...frame, title: frame.title + NUMBERED };
  const box = await measurer.box(numbered);
  const inFlow = chunks.map((chunk, index) => {
    const figure = sized[index];
    if (!figure) return chunk;
    const scale = Math.min(1, box.width / figure.width);
    return { ...chunk, html: figureHtml(figure, figure.width * scale, figure.height * scale) };
  });
  const { available, heights } = await measurer.singles(numbered, inFlow);
  const pages: string[] = [];
  let run: Chunk[] = [];
  const flush = async () => {
    if (run.length > 0) pages.push(...(await breakPages(run, frame, measurer, minZoom)));
    run = [];
  };
  for (const [index, chunk] of inFlow.entries()) {
    const figure = sized[index];
    if (!figure || (heights[index] ?? 0) <= available * LARGE_FIGURE) {
      run.push(chunk);
      continue;
    }
    await flush();
    // The caption's room: the figure's measured height in the flow, less its drawing's.
    const flowScale = Math.min(1, box.width / figure.width);
    const caption = Math.max(0, (heights[index] ?? 0) - figure.height * flowScale);
    let scale = Math.min(
      box.width / figure.width,
      (box.height - caption) / figure.height,
      maxZoom(figure.figure),
    );
    // Checked in the measuring page as the slide will show it; a figure that still does not fit
    // (a caption that wraps) steps down until it does.
    for (let step = 0; step < FIT_STEPS; step += 1) {
      const html = figureHtml(figure, figure.width * scale, figure.height * scale, true);
      if ((await measurer.fit(numbered, html, READABLE_PX)).zoom >= 1) break;
      scale *= 0.9;
    }
    pages.push(figureHtml(figure, figure.width * scale, figure.height * scale, true));
  }
  await flush();
  return { pages, css };
}

/**
 * A display formula wider than its room (the body, a bullet) is scaled down to its width (a formula
 * is never wrapped or split), to FORMULA_MIN_ZOOM at most; the page check names a slide that still
 * does not fit.
 */
async function narrowFormulas(
  chunks: readonly Chunk[],
  frame: SlideFrame,
  measurer: Measurer,
): Promise<readonly Chunk[]> {
  const withFormulas = chunks.flatMap((chunk, index) => (chunk.html.includes(FORMULA) ? [index] : []));
  if (withFormulas.length === 0) return chunks;
  const numbered = { ...frame, title: frame.title + NUMBERED };
  const zooms = await measurer.formulaZooms(
    numbered,
    withFormulas.map((index) => htmlInGroup(chunks[index] as Chunk)),
  );
  const out = [...chunks];
  withFormulas.forEach((index, k) => {
    const chunk = out[index] as Chunk;
    const each = zooms[k] ?? [];
    if (each.every((zoom) => zoom >= 1)) return;
    let n = 0;
    const html = chunk.html.replaceAll(FORMULA, () => {
      const zoom = each[n++] ?? 1;
      if (zoom >= 1) return FORMULA;
      return `<div class="sk-math" style="zoom: ${Math.max(FORMULA_MIN_ZOOM, Math.floor(zoom * 100) / 100)}">`;
    });
    out[index] = { ...chunk, html };
  });
  return out;
}

const FORMULA = '<div class="sk-math">';

/** A chunk inside its group's wrapper (a bullet inside its list), as it is laid out. */
function htmlInGroup(chunk: Chunk): string {
  if (!chunk.group) return chunk.html;
  return (
    chunk.group.open.replace('{start}', String((chunk.indexInGroup ?? 0) + 1)) +
    chunk.html +
    chunk.group.close
  );
}

/** An image's size is its file's; a diagram is drawn now (a block mermaid refuses is named by file:line). */
async function sizeFigure(
  figure: Figure,
  tools: LayoutTools,
  id: string,
): Promise<{ sized: SizedFigure; css: string }> {
  if (figure.kind === 'image') {
    return { sized: { figure, width: figure.asset.width, height: figure.asset.height }, css: '' };
  }
  const drawn = await tools
    .drawDiagram(figure.mermaid, id, `the mermaid block at ${figure.file}:${figure.line}`)
    .catch((error: unknown) => {
      throw new Error(diagramFailure(figure, error), { cause: error });
    });
  const { svg, css } = inlineSvg(drawn.svg);
  return { sized: { figure, width: drawn.width, height: drawn.height, svg }, css };
}

/** One line: where the block is (the offending line, when mermaid says), and mermaid's reason. */
export function diagramFailure(figure: Extract<Figure, { kind: 'diagram' }>, error: unknown): string {
  // The block's first line is the one after its ``` fence.
  const line = error instanceof DiagramSyntaxError && error.line ? figure.line + error.line : figure.line;
  const reason =
    error instanceof DiagramSyntaxError
      ? oneLine(error.message.split('\n').slice(1).join(' ') || error.message)
      : oneLine(error);
  return `${figure.file}:${line}: mermaid cannot draw this diagram block: ${reason}. Fix the block (mermaid.live shows the same error).`;
}

/** The HTML of each page of a flow; a page may be shown down to `minZoom` (see paginate). */
async function breakPages(
  chunks: readonly Chunk[],
  frame: SlideFrame,
  measurer: Measurer,
  minZoom: number,
): Promise<string[]> {
  if (chunks.length === 0) return [''];
  let all = await measurer.runs(frame, chunks, minZoom);
  const whole = all.runs[0]?.[chunks.length - 1];
  if (whole !== undefined && whole <= all.available / minZoom) return [joinChunks(chunks)];

  // Two short blocks (Main beside Secondary findings, a list beside a table) side by side, when that
  // saves a slide.
  const columns = twoColumns(chunks);
  if (columns) {
    const fit = await measurer.fit(frame, columns, READABLE_PX);
    if (fit.fits && fit.zoom >= minZoom) return [columns];
  }

  const numbered = { ...frame, title: frame.title + NUMBERED };
  const divided = await divideTall(chunks, numbered, measurer);
  all = await measurer.runs(numbered, divided, minZoom);
  const bounds = paginate(divided.length, (i) => divided[i]?.keepWithNext === true, all, minZoom);
  return bounds.map(([from, to]) => joinChunks(divided.slice(from, to)));
}

/**
 * The flow as two columns when it is exactly two blocks: runs of one group (a list, a table), each
 * with the headings and labels that lead into it, or single paragraphs. Otherwise undefined.
 */
function twoColumns(chunks: readonly Chunk[]): string | undefined {
  const blocks: Chunk[][] = [];
  let leading: Chunk[] = [];
  for (const chunk of chunks) {
    if (chunk.figure) return undefined;
    if (chunk.keepWithNext && !chunk.group) {
      leading.push(chunk);
      continue;
    }
    const last = blocks.at(-1);
    if (leading.length === 0 && last && chunk.group && last.at(-1)?.group === chunk.group) last.push(chunk);
    else blocks.push([...leading, chunk]);
    leading = [];
  }
  if (leading.length > 0 || blocks.length !== 2) return undefined;
  return `<div class="sk-columns">${blocks.map((block) => `<div>${joinChunks(block)}</div>`).join('')}</div>`;
}

/**
 * A paragraph, bullet or code block taller than half a page is cut into parts of at most half a
 * page (at sentence ends where possible), so a page break can fall inside it.
 */
async function divideTall(chunks: readonly Chunk[], frame: SlideFrame, measurer: Measurer): Promise<Chunk[]> {
  const { available, heights } = await measurer.singles(frame, chunks);
  const limit = available / 2;
  const out: Chunk[] = [];
  for (const [index, chunk] of chunks.entries()) {
    if (!chunk.divisible || (heights[index] ?? 0) <= limit) {
      out.push(chunk);
      continue;
    }
    const wrap: [string, string] = chunk.group
      ? [chunk.group.open.replace('{start}', String((chunk.indexInGroup ?? 0) + 1)), chunk.group.close]
      : ['', ''];
    const parts = await measurer.divide(frame, chunk.divisible, limit, wrap);
    const { divisible: _, keepWithNext, ...rest } = chunk;
    // Only the last part leads into what follows.
    for (const [k, part] of parts.entries()) {
      const last = k === parts.length - 1;
      out.push({ ...rest, html: part, ...(keepWithNext && last ? { keepWithNext } : {}) });
    }
  }
  return out;
}

/** The diagram drawn left to right and top to bottom. */
function drawBoth(mermaid: LineageTexts, tools: LayoutTools, id: string): Promise<DiagramSvg[]> {
  return Promise.all(
    (['LR', 'TB'] as const).map((direction) =>
      tools.drawDiagram(mermaid[direction], `${id}-${direction.toLowerCase()}`),
    ),
  );
}

interface FittedDrawing {
  html: string;
  css: string;
  /** How much the drawing is enlarged (> 1) or reduced (< 1) on the slide. */
  scale: number;
}

/**
 * The lineage on as few slides as keep its labels at DIAGRAM_MIN_ZOOM or more: the whole lineage on
 * one, else era by era in reading order, each era taking papers while its drawing stays readable (the
 * papers it builds on from earlier eras or other families drawn as stubs). A drawing is never shrunk
 * below the floor to fit; only a single paper too large for a slide would be.
 */
async function lineageSlides(
  body: Extract<SlideBody, { type: 'diagram' }>,
  whole: readonly DiagramSvg[],
  frame: SlideFrame,
  tools: LayoutTools,
  id: string,
): Promise<FittedDrawing[]> {
  const single = fitDrawing(whole, await tools.measurer.box(frame));
  if (single.scale >= DIAGRAM_MIN_ZOOM || body.papers.length < 2) return [single];
  const box = await tools.measurer.box({ ...frame, title: frame.title + NUMBERED });
  const fitEra = async (from: number, to: number) =>
    fitDrawing(await drawBoth(body.era(body.papers.slice(from, to)), tools, `${id}-${from}-${to}`), box);
  const count = body.papers.length;
  // An era takes papers while its drawing stays readable, and more papers never draw smaller. Each
  // search starts from a guess (the whole drawing's share of the floor, then the last era's size) and
  // steps from it, instead of drawing every era from one paper up: the same three eras of a 25-paper
  // family took 56 drawings one paper at a time, 20 this way (lineage-eras.test.ts checks the eras
  // are the ones the one-paper-at-a-time search finds).
  let guess = Math.max(1, Math.floor((count * single.scale) / DIAGRAM_MIN_ZOOM));
  const eras: FittedDrawing[] = [];
  for (let from = 0; from < count; ) {
    let to = Math.min(from + guess, count);
    let era = await fitEra(from, to);
    if (era.scale >= DIAGRAM_MIN_ZOOM || to === from + 1) {
      while (to < count) {
        const longer = await fitEra(from, to + 1);
        if (longer.scale < DIAGRAM_MIN_ZOOM) break;
        era = longer;
        to++;
      }
    } else {
      // Too many: fewer until readable; a single paper is shown whatever its size.
      while (to > from + 1) {
        to--;
        era = await fitEra(from, to);
        if (era.scale >= DIAGRAM_MIN_ZOOM) break;
      }
    }
    eras.push(era);
    guess = to - from;
    from = to;
  }
  return eras;
}

/** Of both directions, the one that can be shown larger in the body wins. */
function fitDrawing(drawn: readonly DiagramSvg[], box: { width: number; height: number }): FittedDrawing {
  const best = drawn
    .map((svg) => ({
      ...svg,
      scale: Math.min(box.width / svg.width, box.height / svg.height, DIAGRAM_MAX_ZOOM),
    }))
    .reduce((a, b) => (b.scale > a.scale ? b : a));
  const width = Math.floor(best.width * best.scale);
  const height = Math.floor(best.height * best.scale);
  const inline = inlineSvg(best.svg);
  const svg = inline.svg.replace(/^<svg[^>]*>/, (tag) =>
    tag.replace(/ width="[^"]*"/, ` width="${width}"`).replace(/ height="[^"]*"/, ` height="${height}"`),
  );
  return { html: `<div class="sk-diagram">${svg}</div>`, css: inline.css, scale: best.scale };
}
