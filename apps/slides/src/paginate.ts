/**
 * Where pages break. Pure: it takes heights that Chromium measured for runs of chunks (see
 * measure-page.ts) and chooses the breaks; it never estimates a height itself.
 */
import type { Chunk, Group } from './chunks.js';

/**
 * Measured heights of runs of chunks laid out together on one page: `runs[from][k]` is the height of
 * chunks[from ..= from + k]. Each row stops at the first run that no longer fits (in `available / minZoom`
 * when the page may be shrunk).
 */
export interface RunHeights {
  available: number;
  runs: number[][];
}

/** [from, to) chunk ranges, one per page. */
export type PageBounds = [number, number][];

/**
 * The fewest pages that hold the chunks, and among those the most even split (the smallest sum of
 * squared page heights): a section that needs two slides is cut 3+2 rather than 4+1, and one that
 * fits stays on one. A page ends on a keep-with-next chunk (a heading, a lead-in ending in ":") only
 * when nothing else is possible. A single chunk taller than a page gets a page of its own (it is
 * scaled down later).
 *
 * `minZoom` below 1 lets a page hold up to `available / minZoom` (the page is then shown that much
 * smaller): a section a little taller than one slide stays on one instead of becoming a half-empty
 * pair. Among equally many pages, fewer shrunk pages win, then evenness.
 */
export function paginate(
  chunkCount: number,
  keepWithNext: (index: number) => boolean,
  measured: RunHeights,
  minZoom = 1,
): PageBounds {
  if (chunkCount === 0) return [];
  const heightOf = (from: number, to: number): number =>
    measured.runs[from]?.[to - from - 1] ?? Number.POSITIVE_INFINITY;
  const room = measured.available / minZoom;
  interface Best {
    pages: number;
    orphans: number;
    shrunk: number;
    squares: number;
    from: number;
  }
  // Lexicographic: orphans, then pages, then shrunk pages, then evenness.
  const order = ['orphans', 'pages', 'shrunk', 'squares'] as const;
  const better = (a: Best, b: Best | undefined): boolean => {
    if (!b) return true;
    for (const key of order) if (a[key] !== b[key]) return a[key] < b[key];
    return false;
  };
  const best: (Best | undefined)[] = [{ pages: 0, orphans: 0, shrunk: 0, squares: 0, from: -1 }];
  for (let to = 1; to <= chunkCount; to += 1) {
    let found: Best | undefined;
    for (let from = to - 1; from >= 0; from -= 1) {
      const height = heightOf(from, to);
      if (height > room && to - from > 1) continue;
      const before = best[from];
      if (!before) continue;
      const orphan = to < chunkCount && keepWithNext(to - 1) ? 1 : 0;
      const shown = Math.min(height, room);
      const candidate: Best = {
        pages: before.pages + 1,
        orphans: before.orphans + orphan,
        shrunk: before.shrunk + (height > measured.available && to - from > 1 ? 1 : 0),
        squares: before.squares + shown * shown,
        from,
      };
      if (better(candidate, found)) found = candidate;
    }
    best[to] = found;
  }
  const bounds: PageBounds = [];
  for (let to = chunkCount; to > 0; to = (best[to] as Best).from)
    bounds.unshift([(best[to] as Best).from, to]);
  return bounds;
}

/** The HTML of a run of chunks: consecutive members of a group share one wrapper. */
export function joinChunks(chunks: readonly Chunk[]): string {
  let html = '';
  let open: Group | undefined;
  for (const chunk of chunks) {
    if (chunk.group !== open) {
      if (open) html += open.close;
      if (chunk.group) html += chunk.group.open.replace('{start}', String((chunk.indexInGroup ?? 0) + 1));
      open = chunk.group;
    }
    html += chunk.html;
  }
  if (open) html += open.close;
  return html;
}
