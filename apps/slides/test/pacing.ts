/// <reference lib="dom" />
/**
 * Pacing as a presenter sees it, on a built deck open on Slidev's print route (every slide at once):
 * no slide ends with a lead-in or heading whose continuation is on the next slide, no table cell is
 * cut with "…", and no two slides of a split set ("Details (1/2)", "(2/2)") could be one, shown
 * down to MIN_FLOW_ZOOM as layout may.
 * `pacingFacts` runs in the page (it imports nothing); `pacingProblems` judges the facts in Node.
 */
import { allSlidesRendered } from '../src/browser/print-checks.js';
import { MIN_FLOW_ZOOM, PARAGRAPH_GAP } from '../src/layout.js';
import type { DeckBrowser } from './deck-browser.js';

/** What one slide shows, in canvas pixels. */
export interface SlideFacts {
  /** The last block's text when it introduces what follows (a lead-in ending in ":", a heading, a label). */
  leadIn: string | null;
  /** Table cells showing "…". */
  cutCells: string[];
  /** Content height from the body's top, at the slide's zoom, and the body's height. */
  used: number;
  available: number;
  /** A figure given a slide of its own (a split set's text around it cannot move onto it). */
  figureAlone: boolean;
}

export function pacingFacts(): SlideFacts[] {
  const LEAD_IN = /[:：]\s*$/u;
  return [...document.querySelectorAll('#export-content .print-slide-container')].map((container) => {
    const frame = container.querySelector<HTMLElement>('.slidev-layout');
    const body = container.querySelector('.sk-body');
    const content = container.querySelector('.sk-zoom');
    const scale = frame ? frame.getBoundingClientRect().width / frame.offsetWidth || 1 : 1;
    const last = content?.lastElementChild;
    const lastText = (last?.textContent ?? '').trim();
    const heading = !!last && (last.tagName === 'H3' || last.classList.contains('sk-label'));
    const leadIn = last && (heading || (last.tagName === 'P' && LEAD_IN.test(lastText))) ? lastText : null;
    const cutCells = [...container.querySelectorAll('td, th')]
      .map((cell) => (cell.textContent ?? '').trim())
      .filter((text) => text.includes('…'));
    let used = 0;
    let available = 0;
    if (body) {
      const box = body.getBoundingClientRect();
      let bottom = box.top;
      for (const element of body.querySelectorAll('*')) {
        const rect = element.getBoundingClientRect();
        if (rect.height > 0) bottom = Math.max(bottom, rect.bottom);
      }
      used = (bottom - box.top) / scale;
      available = box.height / scale;
    }
    return { leadIn, cutCells, used, available, figureAlone: !!container.querySelector('.sk-figure-alone') };
  });
}

/** A slide as deck.json lists it. */
export interface ListedSlide {
  title: string;
  kicker: string;
  zoom: number;
}

const NUMBERED = /^(.*) \((\d+)\/(\d+)\)$/;
const JOIN_GAP = PARAGRAPH_GAP;

/** The problems a presenter would fix by hand, one line each naming the slide (1-based). */
export function pacingProblems(facts: readonly SlideFacts[], slides: readonly ListedSlide[]): string[] {
  const problems: string[] = [];
  const setOf = (index: number) => {
    const slide = slides[index];
    const match = slide ? NUMBERED.exec(slide.title) : null;
    return match && slide ? `${slide.kicker}\0${match[1]}\0${match[3]}` : undefined;
  };
  facts.forEach((fact, index) => {
    const title = slides[index]?.title ?? '';
    const set = setOf(index);
    if (fact.leadIn !== null && set !== undefined && set === setOf(index + 1)) {
      problems.push(
        `slide ${index + 1} "${title}" ends with "${fact.leadIn}", continued on slide ${index + 2}`,
      );
    }
    for (const cell of fact.cutCells)
      problems.push(`slide ${index + 1} "${title}": a table cell is cut: "${cell}"`);
  });
  // Two neighbours of a split set whose contents (at full size, joined by a paragraph's gap) fit one
  // slide shown down to MIN_FLOW_ZOOM: the set could be a slide shorter. (Not a figure alone on its
  // slide, and not where the joined slide would end on a lead-in continued after it.)
  for (let index = 0; index + 1 < facts.length; index += 1) {
    const set = setOf(index);
    const [first, second] = [facts[index] as SlideFacts, facts[index + 1] as SlideFacts];
    if (set === undefined || setOf(index + 1) !== set || first.figureAlone || second.figureAlone) continue;
    if (second.leadIn !== null && setOf(index + 2) === set) continue;
    const natural =
      first.used / (slides[index]?.zoom ?? 1) + second.used / (slides[index + 1]?.zoom ?? 1) + JOIN_GAP;
    const room = first.available / MIN_FLOW_ZOOM;
    if (natural <= room) {
      problems.push(
        `slides ${index + 1} and ${index + 2} "${slides[index]?.title}": ${Math.round(natural)} px of content would fit on one slide (${Math.round(room)} px at zoom ${MIN_FLOW_ZOOM})`,
      );
    }
  }
  return problems;
}

/** The facts of every slide of a built deck (`folder`: `slides/<family>` or `meetings/<id>`). */
export async function deckPacing(decks: DeckBrowser, folder: string, count: number): Promise<SlideFacts[]> {
  const page = await decks.browser.newPage({ viewport: { width: 980, height: 551 } });
  try {
    await page.goto(`${decks.server.origin}/${folder}/#/export`, { waitUntil: 'load' });
    await page.waitForFunction(allSlidesRendered, count, { timeout: 60_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.evaluate(pacingFacts);
  } finally {
    await page.close();
  }
}
