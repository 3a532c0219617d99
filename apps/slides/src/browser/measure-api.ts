/// <reference lib="dom" />
/**
 * The measuring page's side (measure-page.ts is the Node side): it lays out and measures; it decides
 * nothing. `installMeasureApi` runs in Chromium: Playwright sends its source text to the page, so it
 * imports nothing and uses nothing declared outside it (types excepted: they are gone by then).
 */
import type { Divisible } from '../chunks.js';

/** What a slide's frame shows above its body. */
export interface SlideFrame {
  kind: string;
  kicker: string;
  title: string;
  /** Pixels held back at the bottom of the body (set when the built deck overflowed there). */
  reserve?: number;
}

export interface Fit {
  /** 1, or the scale that makes the body fit (never below the readable floor). */
  zoom: number;
  fits: boolean;
  /** Content height at zoom 1 and the room the body has, in canvas pixels. */
  used: number;
  available: number;
}

/** A chunk as sent to the page: its group is an index into the groups sent alongside. */
export interface PageChunk {
  html: string;
  group?: number;
  /** Position in the group (an ordered list's item number, less its start). */
  index?: number;
}

/** The HTML that wraps a run of chunks of one group (`{start}` is the first item's number). */
export interface PageGroup {
  open: string;
  close: string;
}

export interface MeasureApi {
  setFrame(frame: SlideFrame): void;
  /** The body's width, and the room from its top to the frame's content edge. */
  box(frame?: SlideFrame): { width: number; height: number };
  /**
   * Heights of runs chunks[from..to); each row stops at the first run taller than the body's height
   * divided by `minZoom` (a page that may be shown smaller holds more).
   */
  runs(
    frame: SlideFrame,
    chunks: PageChunk[],
    groups: PageGroup[],
    minZoom: number,
  ): { available: number; runs: number[][] };
  /** Heights of each chunk alone (inside its group's wrapper). */
  singles(
    frame: SlideFrame,
    chunks: PageChunk[],
    groups: PageGroup[],
  ): { available: number; heights: number[] };
  /** A divisible chunk cut into parts of at most `limit` px, preferring sentence ends. */
  divide(frame: SlideFrame, divisible: Divisible, limit: number, wrap: [string, string]): string[];
  /** The largest zoom (down to the readable floor) at which the html fits the body. */
  fit(frame: SlideFrame, html: string, readablePx: number): Fit;
  /**
   * For each html laid out alone in the body, each display formula's (`.sk-math`) share of the width
   * it has: the zoom that fits it (1 when it fits).
   */
  formulaZooms(frame: SlideFrame, htmls: string[]): number[][];
}

declare global {
  interface Window {
    studykitMeasure?: MeasureApi;
  }
}

/** Defines `window.studykitMeasure` on the measuring page (see pageHtml in measure-page.ts). */
export function installMeasureApi(): void {
  const element = (id: string): HTMLElement => {
    const found = document.getElementById(id);
    if (!found) throw new Error(`the measuring page has no #${id}`);
    return found;
  };
  const frame = element('frame');
  const slide = element('slide');
  const kicker = element('kicker');
  const title = element('title');
  const body = element('body');
  const zoomBox = element('zoom');

  let reserve = 0;
  function setFrame(f: SlideFrame): void {
    reserve = f.reserve || 0;
    frame.className = `slidev-layout default sk-page sk-page-${f.kind}`;
    slide.className = `sk-slide sk-${f.kind}`;
    kicker.textContent = f.kicker;
    title.textContent = f.title;
  }

  // A cover's body is not stretched: the room runs to the frame's content edge, not the body's bottom.
  function box(f?: SlideFrame): { width: number; height: number } {
    if (f) setFrame(f);
    const r = body.getBoundingClientRect();
    const frameBox = frame.getBoundingClientRect();
    const bottom = frameBox.bottom - Number.parseFloat(getComputedStyle(frame).paddingBottom);
    return { width: r.width, height: bottom - r.top - reserve };
  }

  /** Height the content takes from the body's top (margins below the last line excluded). */
  function used(html: string, zoom: number): { height: number; wide: boolean } {
    zoomBox.style.zoom = zoom === 1 ? '' : String(zoom);
    zoomBox.innerHTML = html;
    return measured();
  }

  /** `used` of what the zoom box holds now. */
  function measured(): { height: number; wide: boolean } {
    const content = extent();
    const b = body.getBoundingClientRect();
    const height = content.height === 0 && content.width === 0 ? 0 : content.bottom - b.top;
    const wide = content.width > 0 && (content.right > b.right + 0.5 || content.left < b.left - 0.5);
    return { height, wide };
  }

  /**
   * The box of the zoom box's content. An inline SVG (a diagram) counts by its own box: it clips its
   * drawing, and its labels' boxes (styled by the deck's diagram CSS, not loaded here) may reach past it.
   */
  function extent(): {
    left: number;
    top: number;
    right: number;
    bottom: number;
    width: number;
    height: number;
  } {
    if (!zoomBox.querySelector('svg')) {
      const range = document.createRange();
      range.selectNodeContents(zoomBox);
      return range.getBoundingClientRect();
    }
    let left = Number.POSITIVE_INFINITY;
    let top = Number.POSITIVE_INFINITY;
    let right = Number.NEGATIVE_INFINITY;
    let bottom = Number.NEGATIVE_INFINITY;
    for (const element of zoomBox.querySelectorAll('*')) {
      if (element.parentElement?.closest('svg')) continue;
      const r = element.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      left = Math.min(left, r.left);
      top = Math.min(top, r.top);
      right = Math.max(right, r.right);
      bottom = Math.max(bottom, r.bottom);
    }
    if (right < left) return { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 };
    return { left, top, right, bottom, width: right - left, height: bottom - top };
  }

  function groupAt(groups: PageGroup[], index: number): PageGroup {
    const group = groups[index];
    if (!group) throw new Error(`a chunk names group ${index}, which was not sent`);
    return group;
  }

  /** chunks[from..to) as one HTML string, each run of a group inside that group's wrapper. */
  function join(chunks: PageChunk[], groups: PageGroup[], from: number, to: number): string {
    let html = '';
    let open = -1;
    for (const c of chunks.slice(from, to)) {
      const g = c.group === undefined ? -1 : c.group;
      if (g !== open) {
        if (open >= 0) html += groupAt(groups, open).close;
        if (g >= 0) html += groupAt(groups, g).open.replace('{start}', String((c.index || 0) + 1));
        open = g;
      }
      html += c.html;
    }
    if (open >= 0) html += groupAt(groups, open).close;
    return html;
  }

  /**
   * The element a group's rows go into: its wrapper's innermost last element (an `<ol>`, a table's
   * empty `<tbody>`).
   */
  function insertionPoint(wrapper: Element): Element {
    let into = wrapper;
    while (into.lastElementChild) into = into.lastElementChild;
    return into;
  }

  /**
   * Each run from..to is measured by appending chunk to-1 to the run before it, never by laying the
   * whole run out again: the page holds the same elements join(from, to) would (each group's wrapper
   * opened where its run starts), and Chromium lays out only what was added (a section of n chunks
   * cost n² full layouts before; 330 slides of the scale deck took 14 s to lay out).
   */
  function runs(f: SlideFrame, chunks: PageChunk[], groups: PageGroup[], minZoom: number) {
    setFrame(f);
    const available = box().height;
    const room = available / minZoom;
    const rows: number[][] = [];
    zoomBox.style.zoom = '';
    for (let from = 0; from < chunks.length; from++) {
      const row: number[] = [];
      zoomBox.replaceChildren();
      let open = -1;
      let into: Element = zoomBox;
      for (let to = from + 1; to <= chunks.length; to++) {
        const chunk = chunks[to - 1] as PageChunk;
        const g = chunk.group === undefined ? -1 : chunk.group;
        if (g !== open) {
          into = zoomBox;
          if (g >= 0) {
            const group = groupAt(groups, g);
            const opened = group.open.replace('{start}', String((chunk.index || 0) + 1));
            zoomBox.insertAdjacentHTML('beforeend', opened + group.close);
            into = insertionPoint(zoomBox.lastElementChild as Element);
          }
          open = g;
        }
        into.insertAdjacentHTML('beforeend', chunk.html);
        const m = measured();
        const height = m.wide ? Number.POSITIVE_INFINITY : m.height;
        // Infinity would not survive the trip back to Node as JSON.
        row.push(height === Number.POSITIVE_INFINITY ? 1e9 : height);
        if (height > room) break;
      }
      rows.push(row);
    }
    return { available, runs: rows };
  }

  function singles(f: SlideFrame, chunks: PageChunk[], groups: PageGroup[]) {
    setFrame(f);
    const available = box().height;
    return { available, heights: chunks.map((_, i) => used(join(chunks, groups, i, i + 1), 1).height) };
  }

  function divide(f: SlideFrame, d: Divisible, limit: number, wrap: [string, string]): string[] {
    setFrame(f);
    const part = (from: number, to: number) =>
      (from === 0 ? d.open : d.continuedOpen) + d.atoms.slice(from, to).join('') + d.close;
    const parts: string[] = [];
    let from = 0;
    while (from < d.atoms.length) {
      // The longest run from 'from' that fits, by binary search (at least one atom).
      let lo = from + 1;
      let hi = d.atoms.length;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (used(wrap[0] + part(from, mid) + wrap[1], 1).height <= limit) lo = mid;
        else hi = mid - 1;
      }
      let to = lo;
      // Back up to a sentence end, if one lies in the run's second half.
      if (to < d.atoms.length) {
        for (let k = to - 1; k > from + (to - from) / 2; k--) {
          if (d.sentenceEnds[k]) {
            to = k + 1;
            break;
          }
        }
      }
      parts.push(part(from, to));
      from = to;
    }
    return parts;
  }

  /** The smallest font size of any element that holds text of its own. */
  function smallestFontSize(): number {
    let smallest = Number.POSITIVE_INFINITY;
    for (const el of zoomBox.querySelectorAll('*')) {
      // A formula's scripts are small by design (KaTeX's own sizes): the formula's base size counts.
      if (el.parentElement?.closest('.katex')) continue;
      const ownText = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && (n as Text).data.trim() !== '',
      );
      if (!ownText) continue;
      smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(el).fontSize));
    }
    return smallest;
  }

  function fit(f: SlideFrame, html: string, readablePx: number): Fit {
    setFrame(f);
    const available = box().height;
    const first = used(html, 1);
    const smallest = smallestFontSize();
    if (!first.wide && first.height <= available)
      return { zoom: 1, fits: true, used: first.height, available };
    // The zoom at which the smallest text is drawn at the readable size.
    const floor = Math.min(1, smallest === Number.POSITIVE_INFINITY ? 0.6 : readablePx / smallest);
    let lo = Math.floor(floor * 100);
    let hi = 100;
    const fitsAt = (z: number) => {
      const m = used(html, z / 100);
      return !m.wide && m.height <= available;
    };
    if (!fitsAt(lo)) return { zoom: lo / 100, fits: false, used: first.height, available };
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fitsAt(mid)) lo = mid;
      else hi = mid - 1;
    }
    return { zoom: lo / 100, fits: true, used: first.height, available };
  }

  function formulaZooms(f: SlideFrame, htmls: string[]): number[][] {
    setFrame(f);
    zoomBox.style.zoom = '';
    return htmls.map((html) => {
      zoomBox.innerHTML = html;
      return [...zoomBox.querySelectorAll<HTMLElement>('.sk-math')].map((formula) => {
        const room = formula.parentElement?.clientWidth ?? 0;
        const width = formula.getBoundingClientRect().width;
        return width > room && width > 0 ? room / width : 1;
      });
    });
  }

  window.studykitMeasure = { setFrame, box, runs, singles, divide, fit, formulaZooms };
}
