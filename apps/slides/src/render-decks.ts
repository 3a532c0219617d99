/**
 * The slides renderer, as a straight line per family: AST → plans (deck.ts) → subset fonts →
 * measured layout (layout-deck.ts) → Slidev markdown → `slidev build` → checked print to PDF from
 * the built site. It writes only inside the caller's staging folder and returns what it made: the
 * CLI moves the deck folders into place and writes the PDFs.
 */

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { launchChromium, sourceDate } from '@studykit/browser';
import type { ReferenceCache } from '@studykit/citations';
import type {
  ImageAsset,
  OutputFile,
  OutputFolder,
  ProgressListener,
  StudyAst,
  StudyLanguage,
} from '@studykit/core';
import { fontFaceCss, subsetFonts } from '@studykit/fonts';
import { deckTargets, familyOf, labelsOf, meetingOf, type NoteParagraph } from '@studykit/view';
import type { BrowserContext, BrowserContextOptions } from 'playwright-core';
import { planDeck, planMeetingDeck, type SlidePlan } from './deck.js';
import { DECK_COMPONENTS } from './deck-components.js';
import { deckCss } from './deck-style.js';
import { type DeckLook, deckLook, deckThemeCss, withLogo } from './deck-theme.js';
import { figureFile } from './figures.js';
import { deckDigest } from './inputs.js';
import { type KatexDeckAssets, katexDeckAssets } from './katex-style.js';
import { type DiagramSvg, layoutDeck, type Measurer } from './layout-deck.js';
import { createLimiter } from './limiter.js';
import { SlideMeasurer } from './measure-page.js';
import { pdfProblem, summarisePdf } from './pdf-check.js';
import { describeOverflow, printDeck } from './print-deck.js';
import { toSlidevMarkdown } from './slide-markdown.js';
import { slidevBuild } from './slidev-runner.js';

/**
 * A built deck whose slide leaves its frame (the measuring page and the deck disagreed) is laid out
 * again with that slide's room reduced, once; then the build fails naming the slide.
 */
const FIT_ATTEMPTS = 2;

/** Draws mermaid text to SVG with the deck's fonts (@studykit/diagram's MermaidRenderer fits). */
export interface DiagramDrawer {
  renderSvg(text: string, options: { id: string; name: string; embedFonts: false }): Promise<DiagramSvg>;
}

/** The bytes of an image the notes show (`asset.file` is relative to the content folder). */
export type ImageReader = (asset: ImageAsset) => Promise<Uint8Array>;

/**
 * Every deck asked for is built: which decks are current is the CLI's question, answered from what each
 * deck reads (inputs.ts) before this module is even loaded.
 */
export interface RenderDecksOptions {
  /** A scratch folder of the caller's, on the output's file system: decks are built inside it. */
  stagingDir: string;
  diagrams: DiagramDrawer;
  /**
   * Reads the images the decks show (the CLI reads them from the content folder). Each is copied into
   * its deck as `figures/<digest16>.<ext>`; without a reader a deck with an image fails, naming it.
   */
  readImage?: ImageReader;
  /** Family ids; default: every family that has papers. */
  families?: string[];
  /** Meeting ids; default: every meeting (none when `families` is given and this is not). */
  meetings?: string[];
  /** Keep speaker notes in the built deck (the presenter view shows them). Default true. */
  withNotes?: boolean;
  /** Print a PDF of each deck. Default true. */
  pdf?: boolean;
  /** The date the deck PDFs carry; default `sourceDate()` (SOURCE_DATE_EPOCH, else now). */
  pdfDate?: Date;
  /** References formatted before (the CLI keeps them across builds): only new ones go through citeproc. */
  referenceCache?: ReferenceCache;
  /**
   * Opens a browser context for the decks' measuring and printing (closed when the decks are done):
   * the CLI's, in the Chromium its diagrams are drawn in. Default: a Chromium of the decks' own.
   */
  newContext?: (options: BrowserContextOptions) => Promise<BrowserContext>;
  /** Wraps the measuring page: tests use it to simulate a page that disagrees with the built deck. */
  wrapMeasurer?: (measurer: Measurer) => Measurer;
  onProgress?: ProgressListener;
}

export interface RenderDecksResult {
  /** `slides/<family>.pdf`. */
  files: OutputFile[];
  /** `slides/<family>/`: built sites, staged. */
  folders: OutputFolder[];
  built: string[];
  /** Decks that failed, each with one line saying why: the others are returned all the same. */
  failed: { name: string; folder: string; message: string }[];
}

/** What a built deck says about itself (`slides/<family>/deck.json`): tests and the index read it. */
export interface DeckManifest {
  /** The family id, or the meeting id for a meeting's deck. */
  family: string;
  kind: 'family' | 'meeting';
  /** The deck's title (the family's name, the meeting's title). */
  title: string;
  /** Every slide in order, with its speaker notes, formulas apart (handouts print them: @studykit/view noteSpans). */
  slides: {
    kind: string;
    title: string;
    kicker: string;
    zoom: number;
    notes: NoteParagraph[];
    paper?: string;
  }[];
  fonts: { file: string; bytes: number }[];
  /** The deck's digest (inputs.ts `deckDigest`): equal to today's, the deck is what this build would make. */
  inputs: string;
}

export function deckPaths(outDir: string, family: string) {
  const slidesDir = join(resolve(outDir), 'slides');
  return { slidesDir, deckDir: join(slidesDir, family), pdf: join(slidesDir, `${family}.pdf`) };
}

export function readManifest(deckDir: string): DeckManifest | undefined {
  try {
    return JSON.parse(readFileSync(join(deckDir, 'deck.json'), 'utf8')) as DeckManifest;
  } catch {
    return undefined;
  }
}

/** One deck to build: a family's or a meeting's, with where it goes. */
export interface DeckSpec {
  id: string;
  kind: 'family' | 'meeting';
  title: string;
  /** The language the deck speaks: its `<html lang>`. */
  language: StudyLanguage;
  colour: string;
  /** The group's look (study.md): accent, colour scheme, logo. */
  look: DeckLook;
  plans: SlidePlan[];
  /** `slides/<family>` or `meetings/<id>` (the PDF is that plus `.pdf`). */
  folder: string;
}

/** Meetings span families: their decks take the study's neutral slate. */
const MEETING_COLOUR = '#334155';

export function deckSpecs(
  ast: StudyAst,
  options: Pick<RenderDecksOptions, 'families' | 'meetings' | 'referenceCache'>,
): DeckSpec[] {
  const planning = options.referenceCache ? { referenceCache: options.referenceCache } : {};
  const look = deckLook(ast.study);
  // Unknown ids fail here, before any work starts.
  return deckTargets(ast, options).map((target) => {
    if (target.kind === 'family') {
      const family = familyOf(ast, target.id);
      return {
        ...target,
        title: family.name,
        language: labelsOf(ast, family).language,
        colour: look.accent ?? family.colour,
        look,
        plans: withLogo(planDeck(ast, target.id, planning), look),
      };
    }
    const meeting = meetingOf(ast, target.id);
    const plans = withLogo(planMeetingDeck(ast, target.id, planning), look);
    const language = labelsOf(ast).language;
    const colour = look.accent ?? MEETING_COLOUR;
    return { ...target, title: plans[0]?.title ?? meeting.date, language, colour, look, plans };
  });
}

export async function renderDecks(ast: StudyAst, options: RenderDecksOptions): Promise<RenderDecksResult> {
  // Chromium starts (or the caller's context opens) while the decks are planned; closed if unneeded.
  const opening = openContext(options);
  opening.catch(() => {}); // awaited, and its failure reported, below
  const closeUnused = () => opening.then((opened) => opened.close()).catch(() => {});
  let specs: DeckSpec[];
  try {
    specs = deckSpecs(ast, options);
  } catch (error) {
    await closeUnused();
    throw error;
  }
  const withNotes = options.withNotes ?? true;
  const pdf = options.pdf ?? true;
  // One date for every deck PDF of the build.
  const pdfDate = options.pdfDate ?? sourceDate();
  const result: RenderDecksResult = { files: [], folders: [], built: [], failed: [] };
  let done = 0;
  const report = (detail: string) =>
    options.onProgress?.({ step: 'slides', detail, done, total: specs.length });

  const toBuild = specs.map((spec) => ({
    ...spec,
    name: deckName(spec),
    inputs: deckDigest(ast, { id: spec.id, kind: spec.kind, folder: spec.folder }, { notes: withNotes, pdf }),
  }));
  if (toBuild.length === 0) {
    await closeUnused();
    return result;
  }

  let opened: Awaited<typeof opening> | undefined;
  try {
    opened = await opening;
    const { context } = opened;
    // Slidev builds take a core and ~1 GB each: as many at once as the machine has cores. A deck's
    // whole pipeline (a measuring page, a build, a print) holds a slot too, so forty decks never lay
    // out at once: one more than the builds keeps the next deck measured while they run.
    const buildSlot = createLimiter(Math.max(1, availableParallelism()));
    const deckSlot = createLimiter(Math.max(1, availableParallelism()) + 1);
    const outcomes = await Promise.allSettled(
      toBuild.map((deck) =>
        deckSlot(async () => {
          report(`deck ${deck.name}: laying out`);
          const built = await renderOne(deck, {
            ...options,
            withNotes,
            pdf,
            pdfDate,
            context,
            buildSlot,
            report,
          });
          result.folders.push(built.folder);
          if (built.pdf) result.files.push(built.pdf);
          result.built.push(deck.name);
          done += 1;
          report(`deck ${deck.name}: done`);
        }),
      ),
    );
    outcomes.forEach((outcome, index) => {
      const deck = toBuild[index];
      if (outcome.status === 'fulfilled' || !deck) return;
      const reason: unknown = outcome.reason;
      const message = reason instanceof Error ? reason.message : String(reason);
      result.failed.push({ name: deck.name, folder: deck.folder, message });
    });
  } finally {
    await opened?.close().catch(() => {});
  }
  result.built.sort();
  return result;
}

/**
 * The context the decks lay out and print in: the caller's (the CLI lends one in the Chromium that
 * draws the diagrams: one browser per build), else one in a Chromium of our own that closes with it.
 */
async function openContext(
  options: RenderDecksOptions,
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const contextOptions = { serviceWorkers: 'block' } as const;
  if (options.newContext) {
    const context = await options.newContext(contextOptions);
    return { context, close: () => context.close() };
  }
  const browser = await launchChromium();
  try {
    return { context: await browser.newContext(contextOptions), close: () => browser.close() };
  } catch (error) {
    await browser.close().catch(() => {});
    throw error;
  }
}

interface OneDeck extends DeckSpec {
  /** "openai", "meeting 2026-12-03": how messages name it. */
  name: string;
  /** Its digest, for deck.json. */
  inputs: string;
}

function deckName(spec: DeckSpec): string {
  return spec.kind === 'family' ? spec.id : `meeting ${spec.id}`;
}

interface Shared extends RenderDecksOptions {
  withNotes: boolean;
  pdf: boolean;
  pdfDate: Date;
  context: BrowserContext;
  buildSlot: ReturnType<typeof createLimiter>;
  report: (detail: string) => void;
}

async function renderOne(deck: OneDeck, shared: Shared): Promise<{ folder: OutputFolder; pdf?: OutputFile }> {
  const family = deck.name;
  // File names: a family id, or meeting-<id> (ids are unique within each kind).
  const slug = deck.kind === 'family' ? deck.id : `meeting-${deck.id}`;
  const fail = (step: string, error: unknown): never => {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Slides deck "${family}": ${step} failed: ${message}`, { cause: error });
  };

  // The lineage is drawn (both ways) in the mermaid browser at once, while fonts are cut and slides
  // measured here; layout then finds the drawings ready.
  const drawings = new Map<string, Promise<DiagramSvg>>();
  const drawDiagram = (text: string, id: string, name = `the ${family} deck's lineage`) => {
    let drawing = drawings.get(id);
    if (!drawing) {
      drawing = shared.diagrams.renderSvg(text, { id, name, embedFonts: false });
      drawing.catch(() => {}); // awaited, and its failure reported, by layout
      drawings.set(id, drawing);
    }
    return drawing;
  };
  for (const plan of deck.plans) {
    if (plan.body.type !== 'diagram') continue;
    drawDiagram(plan.body.mermaid.LR, `${slug}-lineage-lr`);
    drawDiagram(plan.body.mermaid.TB, `${slug}-lineage-tb`);
  }
  const fonts = await subsetFonts(deckText(deck.plans)).catch((error) => fail('font subsetting', error));
  const fontCss = fontFaceCss(fonts, (font) => `./fonts/${font.fileName}`);
  // A deck with a formula carries KaTeX's stylesheet and fonts; its images are files of its own.
  const katex = hasMath(deck.plans) ? await katexDeckAssets() : undefined;
  const figures = await readFigures(deck.plans, shared.readImage, deck.look.logo?.asset).catch((error) =>
    fail('reading images', error),
  );
  const css = `${deckCss(deck.colour, `${fontCss}\n${katex?.css ?? ''}`)}${deckThemeCss(deck.look)}`;
  const katexFiles = Object.fromEntries(
    (katex?.fonts ?? []).map((font) => [`fonts/${font.fileName}`, font.woff2]),
  );
  const page = await SlideMeasurer.open(shared.context, css, fonts, {
    files: { ...katexFiles, ...figures },
    faces: katex?.faces ?? [],
  });
  const tools = { measurer: shared.wrapMeasurer?.(page) ?? page, drawDiagram };
  const workDir = resolve(shared.stagingDir, 'work', slug);
  // Absolute: Slidev resolves a relative --out against the deck's folder.
  const siteDir = resolve(shared.stagingDir, 'sites', slug);
  const folder: OutputFolder = { path: deck.folder, from: siteDir };
  const reserve = new Map<number, number>();
  try {
    for (let attempt = 1; ; attempt += 1) {
      const layout = await layoutDeck(deck.plans, tools, slug, reserve).catch((error) =>
        fail('layout', error),
      );
      const markdown = toSlidevMarkdown(layout.slides, {
        title: deck.title,
        language: deck.language,
        withNotes: shared.withNotes,
        theme: deck.look.theme,
      });
      await rm(siteDir, { recursive: true, force: true });
      await writeTree(workDir, {
        'slides.md': markdown,
        'style.css': `${css}\n${layout.css}`,
        ...DECK_COMPONENTS,
        ...Object.fromEntries(fonts.map((font) => [`fonts/${font.fileName}`, font.woff2])),
        ...katexFiles,
        // Beside slides.md: Vite takes each into the built site's assets/ as <digest16>-<its hash>.<ext>.
        ...figures,
      });
      shared.report(`deck ${family}: building (${layout.slides.length} slides)`);
      await shared
        .buildSlot(() => slidevBuild({ deckDir: workDir, outDir: siteDir, withNotes: shared.withNotes }))
        .catch((error) => fail('slidev build', error));
      if (!existsSync(join(siteDir, 'index.html'))) fail('slidev build', new Error('it wrote no index.html'));
      const manifest: DeckManifest = {
        family: deck.id,
        kind: deck.kind,
        title: deck.title,
        slides: layout.slides.map((s) => ({
          kind: s.kind,
          title: s.title,
          kicker: s.kicker,
          zoom: s.zoom,
          // --no-notes (public hosting): the notes stay out of the deck folder entirely.
          notes: shared.withNotes ? s.notes.map((note) => note.spans) : [],
          ...(s.paper ? { paper: s.paper } : {}),
        })),
        fonts: [
          ...fonts.map((font) => ({ file: font.fileName, bytes: font.woff2.length })),
          ...katexFonts(katex),
        ],
        inputs: deck.inputs,
      };
      await writeTree(siteDir, {
        'slides.md': markdown,
        'deck.json': `${JSON.stringify(manifest, null, 2)}\n`,
      });
      // --no-pdf skips the print route, and with it the check of the built deck.
      if (!shared.pdf) return { folder };

      shared.report(`deck ${family}: checking every slide and printing the PDF`);
      const printed = await printDeck(shared.context, siteDir, layout.slides, shared.pdfDate).catch((error) =>
        fail('print', error),
      );
      const titleOf = (index: number) => layout.slides[index]?.title ?? '';
      if (printed.overflows.length === 0) {
        const pdfPath = join(shared.stagingDir, `${slug}.pdf`);
        await writeFile(pdfPath, printed.pdf);
        const problem = pdfProblem(await summarisePdf(pdfPath), layout.slides.length);
        if (problem) fail('print', new Error(problem));
        return { folder, pdf: { path: `${deck.folder}.pdf`, contents: printed.pdf } };
      }
      const described = printed.overflows.map((o) => describeOverflow(o, titleOf(o.slide))).join('; ');
      // Too wide cannot be mended by breaking pages; too tall can, once.
      if (attempt === FIT_ATTEMPTS || printed.overflows.some((o) => o.right > 1)) {
        fail('check', new Error(`in the built deck ${described}. Shorten that part of content/.`));
      }
      for (const overflow of printed.overflows) {
        const plan = layout.slides[overflow.slide]?.plan;
        if (plan !== undefined) reserve.set(plan, (reserve.get(plan) ?? 0) + Math.ceil(overflow.below) + 2);
      }
      shared.report(`deck ${family}: ${described}; laying those slides out again with less room`);
    }
  } finally {
    await page.close();
  }
}

/** Whether any slide or note of the deck holds a formula (KaTeX's HTML). */
function hasMath(plans: readonly SlidePlan[]): boolean {
  return plans.some(
    (plan) =>
      plan.notes.some((note) => note.html.includes('class="katex')) ||
      (plan.body.type === 'flow' && plan.body.chunks.some((chunk) => chunk.html.includes('class="katex'))),
  );
}

function katexFonts(katex: KatexDeckAssets | undefined): { file: string; bytes: number }[] {
  return (katex?.fonts ?? []).map((font) => ({ file: font.fileName, bytes: font.woff2.length }));
}

/**
 * The deck's images by their path in the deck (`figures/<digest16>.<ext>`), read through the caller's
 * reader and checked against the digest core took: a file edited since the parse is not shown stale.
 */
async function readFigures(
  plans: readonly SlidePlan[],
  readImage: ImageReader | undefined,
  logo: ImageAsset | undefined,
): Promise<Record<string, Uint8Array>> {
  const assets = new Map<string, ImageAsset>();
  if (logo) assets.set(figureFile(logo), logo);
  for (const plan of plans) {
    if (plan.body.type !== 'flow') continue;
    for (const chunk of plan.body.chunks) {
      for (const asset of chunk.images ?? []) assets.set(figureFile(asset), asset);
    }
  }
  const files: Record<string, Uint8Array> = {};
  for (const [path, asset] of assets) {
    if (!readImage)
      throw new Error(`${asset.file}: the deck shows this image but was given no way to read it`);
    const bytes = await readImage(asset);
    if (createHash('sha256').update(bytes).digest('hex') !== asset.digest) {
      throw new Error(`${asset.file} changed while the deck was built; build again`);
    }
    files[path] = bytes;
  }
  return files;
}

/** Every character the deck may draw: the subsets hold these (and printable ASCII). */
export function deckText(plans: readonly SlidePlan[]): string {
  const parts: string[] = [];
  for (const plan of plans) {
    parts.push(plan.title, plan.kicker, ...plan.notes.map((note) => note.html));
    const body = plan.body;
    if (body.type === 'fixed') parts.push(body.html);
    // A table's header row lives in its group's opening tags.
    // A drawn diagram's labels are its mermaid text's.
    else if (body.type === 'flow')
      parts.push(
        ...body.chunks.flatMap((c) => [
          c.html,
          c.group?.open ?? '',
          c.figure?.kind === 'diagram' ? c.figure.mermaid : '',
        ]),
      );
    else parts.push(body.mermaid.LR);
  }
  return decodeEntities(parts.join('\n'));
}

function decodeEntities(html: string): string {
  return html.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

async function writeTree(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [path, contents] of Object.entries(files)) {
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, contents);
  }
}
