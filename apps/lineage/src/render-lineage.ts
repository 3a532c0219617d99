/** The lineage renderer: AST in, files out (`lineage/…`); the CLI writes them. */
import { sourceDate } from '@studykit/browser';
import type { OutputFile, ProgressListener, StudyAst } from '@studykit/core';
import { type CaptureLimits, DiagramDeclined, MermaidRenderer, type RenderedSvg } from '@studykit/diagram';
import { OUTPUT_PATHS } from '@studykit/view';
import { type LineageTexts, lineageTexts, type MainView, OVERVIEW_ABOVE_PAPERS } from './lineage-texts.js';

/**
 * A detailed main diagram drawn larger than this is replaced by the overview: fitted to a full-HD
 * screen its 16 px labels would be under 4 px high, and on the report's landscape A4 page under 2 pt.
 */
export const DETAIL_MAX_SIZE = { width: 8_000, height: 4_500 } as const;

/** Papers from which the family diagrams are drawn on two pages at once (one per core). */
const PARALLEL_ABOVE_PAPERS = OVERVIEW_ABOVE_PAPERS;

export interface RenderLineageOptions {
  /** A warm renderer to reuse (watch mode); without one, a browser is launched and closed here. */
  renderer?: MermaidRenderer;
  onProgress?: ProgressListener;
  /**
   * Receives files as soon as they are ready (first `lineage.mmd` and `lineage.svg`), before the
   * promise resolves with all of them; the CLI writes them at once so a watch edit shows quickly.
   */
  onFiles?: (files: OutputFile[]) => Promise<void>;
  /** What the main diagram shows (default `auto`). */
  main?: MainView;
  /** Size limits of lineage.png and lineage.pdf (tests lower them to force a failure). */
  limits?: Partial<CaptureLimits>;
  /**
   * A family diagram drawn before from this very text, by this renderer (the CLI keeps them on
   * disk): it is taken as it is instead of drawn again, and not handed to `onFiles`.
   */
  reuse?: (name: string, text: string) => Promise<RenderedSvg | undefined>;
  /** The date lineage.pdf and lineage-families.pdf carry; default `sourceDate()` (SOURCE_DATE_EPOCH, else now). */
  pdfDate?: Date;
}

const STEP = 'lineage';

/**
 * `lineage/lineage.{mmd,svg,png,pdf}` for the whole lineage (the detail, or the overview for a large
 * reading list) and `lineage/lineage-<family>.{mmd,svg}` per family with papers (always the detail).
 * mermaid parses every text before it draws anything from it.
 */
export async function renderLineage(
  ast: StudyAst,
  options: RenderLineageOptions = {},
): Promise<OutputFile[]> {
  const texts = lineageTexts(ast, options.main);
  const families = texts.families;
  const total = families.length + 4;
  // One date for every PDF of the build.
  const pdfDate = options.pdfDate ?? sourceDate();
  let done = 0;
  const progress = (detail: string) => options.onProgress?.({ step: STEP, detail, done: done++, total });

  progress(options.renderer ? 'using the warm browser' : 'starting Chromium and mermaid');
  const renderer = options.renderer ?? (await MermaidRenderer.launch());
  // A large lineage draws its family diagrams on a second page while the first draws the main one.
  // (If that page fails to open, the first one draws everything.)
  const widening =
    ast.papers.length > PARALLEL_ABOVE_PAPERS && families.length > 1
      ? renderer.widen(2).catch(() => undefined)
      : undefined;
  try {
    const main = drawMain(texts, renderer, { ...options, pdfDate }, progress);
    const drawn = families.map(async (diagram) => {
      const kept = await options.reuse?.(diagram.name, diagram.text);
      const rendered =
        kept ?? (await renderer.renderSvg(diagram.text, { id: diagram.name, name: `${diagram.name}.mmd` }));
      const files = [
        { path: `lineage/${diagram.name}.mmd`, contents: diagram.text },
        { path: `lineage/${diagram.name}.svg`, contents: rendered.svg },
      ];
      // Written as soon as drawn: watch shows an edited family's diagram without waiting for the rest.
      if (!kept) await options.onFiles?.(files);
      progress(`${kept ? 'kept' : 'drew'} ${diagram.name}.svg`);
      return { rendered, files };
    });
    // Every family diagram in one PDF, a page each in the families' order: the report's chapter figures.
    const figures = Promise.all(drawn).then(async (all) => {
      if (all.length === 0) return [];
      const pdf = await renderer.printPages(
        all.map(({ rendered }) => rendered),
        {
          ...(options.limits ? { limits: options.limits } : {}),
          pdfDate,
          title: texts.pdfTitle,
          name: 'lineage-families.pdf',
        },
      );
      progress(`printed ${FAMILY_FIGURES_PATH}`);
      return [{ path: FAMILY_FIGURES_PATH, contents: pdf }];
    });
    const [mainFiles, familyDiagrams, figureFiles] = await Promise.all([main, Promise.all(drawn), figures]);
    await widening;
    options.onProgress?.({ step: STEP, detail: 'done', done: total, total });
    return [...(mainFiles ?? []), ...familyDiagrams.flatMap(({ files }) => files), ...figureFiles];
  } finally {
    if (!options.renderer) await renderer.close();
  }
}

/** Every family's diagram, a page each in the order of `familiesWithPapers` (the report's chapter figures). */
export const FAMILY_FIGURES_PATH = OUTPUT_PATHS.familyFigures;

/** lineage.{mmd,svg,png,pdf}: the detail, or the overview when the detail is too large to read. */
async function drawMain(
  texts: LineageTexts,
  renderer: MermaidRenderer,
  options: RenderLineageOptions,
  progress: (detail: string) => void,
): Promise<OutputFile[]> {
  const draw = async (text: string, view: string, fits?: (width: number, height: number) => boolean) => {
    progress(`drawing lineage.svg (${view}), .png and .pdf`);
    const { svg, png, pdf } = await renderer.render(text, {
      id: 'lineage',
      name: 'lineage.mmd',
      pdfTitle: texts.pdfTitle,
      ...(fits ? { fits } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      pdfDate: options.pdfDate,
      onSvg: (svg) =>
        options.onFiles?.([
          { path: OUTPUT_PATHS.lineageMermaid, contents: text },
          { path: OUTPUT_PATHS.lineageSvg, contents: svg },
        ]),
    });
    return [
      { path: OUTPUT_PATHS.lineageMermaid, contents: text },
      { path: OUTPUT_PATHS.lineageSvg, contents: svg },
      { path: OUTPUT_PATHS.lineagePng, contents: png },
      { path: OUTPUT_PATHS.lineagePdf, contents: pdf },
    ];
  };
  if (texts.view === 'overview') return draw(texts.overview, 'overview');
  if (texts.view === 'detail') return draw(texts.detail, 'every paper');
  try {
    return await draw(
      texts.detail,
      'every paper',
      (width, height) => width <= DETAIL_MAX_SIZE.width && height <= DETAIL_MAX_SIZE.height,
    );
  } catch (error) {
    if (!(error instanceof DiagramDeclined)) throw error;
    return draw(texts.overview, `overview: every paper would be ${error.width} × ${error.height} px`);
  }
}
