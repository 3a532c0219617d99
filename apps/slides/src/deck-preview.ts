/**
 * The fast path of `watch --serve`: a deck laid out again in a second, without `slidev build` or a
 * print, so that an open deck can show an edit at once (the full build lands after it). The layout is
 * the build's own (plans → measured pages in Chromium → slide HTML); what makes it fast is what is
 * kept between edits, per deck:
 * - the measuring page, open, with the deck's fonts: subset on every character seen so far, so an edit
 *   that brings no new character keeps them (the build subsets exactly; glyph metrics are the same);
 * - every measurement, by its arguments: an edit re-measures only the slides whose HTML changed;
 * - formatted references, in memory.
 */
import { launchChromium } from '@studykit/browser';
import type { ReferenceCache } from '@studykit/citations';
import type { StudyAst } from '@studykit/core';
import { fontFaceCss, type SubsetFont, subsetFonts } from '@studykit/fonts';
import { deckTargets } from '@studykit/view';
import type { Browser, BrowserContext } from 'playwright-core';
import { deckCss } from './deck-style.js';
import { layoutDeck, type Measurer } from './layout-deck.js';
import { SlideMeasurer } from './measure-page.js';
import { type DeckSpec, type DiagramDrawer, deckSpecs, deckText } from './render-decks.js';
import { slideHtml } from './slide-markdown.js';

/** One slide as the open deck shows it: `html` is the `.sk-slide` element the built deck has. */
export interface PreviewSlide {
  title: string;
  kicker: string;
  html: string;
}

export interface DeckPreview {
  /** `slides/<family>` or `meetings/<id>`. */
  folder: string;
  slides: PreviewSlide[];
  /** The diagram's CSS (mermaid's, scoped to the SVG's id), which the deck's stylesheet holds. */
  css: string;
}

interface DeckState {
  characters: Set<string>;
  colour: string;
  measurer: SlideMeasurer;
  remembered: Measurer;
}

export class DeckPreviewer {
  private browser: Promise<Browser> | undefined;
  private context: Promise<BrowserContext> | undefined;
  private readonly decks = new Map<string, DeckState>();
  private readonly references = new Map<string, readonly (readonly [string, string])[]>();

  constructor(private readonly diagrams: DiagramDrawer) {}

  /** The decks at `folders` (those open in a browser) laid out from `ast`; unknown folders are skipped. */
  async preview(ast: StudyAst, folders: readonly string[]): Promise<DeckPreview[]> {
    const targets = deckTargets(ast).filter((target) => folders.includes(target.folder));
    if (targets.length === 0) return [];
    const referenceCache: ReferenceCache = {
      get: (key) => this.references.get(key),
      set: (key, entries) => this.references.set(key, entries),
    };
    const specs = deckSpecs(ast, {
      families: targets.filter((t) => t.kind === 'family').map((t) => t.id),
      meetings: targets.filter((t) => t.kind === 'meeting').map((t) => t.id),
      referenceCache,
    });
    const previews: DeckPreview[] = [];
    for (const spec of specs) previews.push(await this.previewOne(spec));
    return previews;
  }

  async close(): Promise<void> {
    this.decks.clear();
    const browser = this.browser;
    this.browser = undefined;
    this.context = undefined;
    await browser?.then((b) => b.close()).catch(() => {});
  }

  private async previewOne(spec: DeckSpec): Promise<DeckPreview> {
    const slug = spec.kind === 'family' ? spec.id : `meeting-${spec.id}`;
    const state = await this.stateFor(spec);
    const layout = await layoutDeck(
      spec.plans,
      {
        measurer: state.remembered,
        drawDiagram: (text, id) =>
          this.diagrams.renderSvg(text, { id, name: `the ${slug} deck's lineage`, embedFonts: false }),
      },
      slug,
    );
    return {
      folder: spec.folder,
      slides: layout.slides.map((slide) => ({
        title: slide.title,
        kicker: slide.kicker,
        html: slideHtml(slide),
      })),
      css: layout.css,
    };
  }

  /** The deck's measuring page, opened again only when its fonts or colour must change. */
  private async stateFor(spec: DeckSpec): Promise<DeckState> {
    const text = deckText(spec.plans);
    const known = this.decks.get(spec.folder);
    if (known && known.colour === spec.colour && [...text].every((c) => known.characters.has(c)))
      return known;
    const characters = new Set([...(known?.characters ?? []), ...text]);
    await known?.measurer.close().catch(() => {});
    this.decks.delete(spec.folder);
    const fonts: SubsetFont[] = await subsetFonts([...characters].join(''));
    const css = deckCss(
      spec.colour,
      fontFaceCss(fonts, (font) => `./fonts/${font.fileName}`),
    );
    const measurer = await SlideMeasurer.open(await this.browserContext(), css, fonts);
    const state = { characters, colour: spec.colour, measurer, remembered: remembering(measurer) };
    this.decks.set(spec.folder, state);
    return state;
  }

  private browserContext(): Promise<BrowserContext> {
    if (!this.context) {
      this.browser = launchChromium();
      this.context = this.browser.then((browser) => browser.newContext({ serviceWorkers: 'block' }));
    }
    return this.context;
  }
}

/** A measurer that answers a question it was asked before from memory (same page, same answer). */
function remembering(measurer: SlideMeasurer): Measurer {
  const answers = new Map<string, Promise<unknown>>();
  const remember =
    <Name extends keyof Measurer>(name: Name) =>
    (...args: Parameters<Measurer[Name]>): ReturnType<Measurer[Name]> => {
      const key = JSON.stringify([name, args]);
      let answer = answers.get(key);
      if (!answer) {
        answer = (measurer[name] as (...a: unknown[]) => Promise<unknown>).apply(measurer, args);
        // A failed measurement is asked again next time.
        answer.catch(() => answers.delete(key));
        answers.set(key, answer);
      }
      return answer as ReturnType<Measurer[Name]>;
    };
  return {
    box: remember('box'),
    singles: remember('singles'),
    runs: remember('runs'),
    divide: remember('divide'),
    fit: remember('fit'),
    formulaZooms: remember('formulaZooms'),
  };
}
