/**
 * Diagrams drawn for the decks, kept between builds in the cache root's diagrams/ folder (never in
 * out/), as font subsets are: a deck rebuilt after an edit of its text (each save under watch) takes
 * its lineage drawings — both directions, and every era tried for a large family — from here instead
 * of laying them out in Chromium again. A drawing is named by a digest of what makes it: the diagram
 * renderer (its code, mermaid, ELK, the fonts: rendererStamp), the Chromium that drew it, the mermaid
 * text and the drawing's options. A failed drawing is not kept; a damaged file is drawn again.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromiumStamp } from '@studykit/browser/chromium';
import { rendererStamp } from '@studykit/core/renderer-stamp';
import type { DiagramDrawer } from '@studykit/slides';
import { cacheRoot } from './cache-dir.js';
import { type BuildSession, warmRenderer } from './session.js';

type Draw = DiagramDrawer['renderSvg'];
type Drawing = Awaited<ReturnType<Draw>>;

const isDrawing = (value: unknown): value is Drawing => {
  const drawing = value as Partial<Drawing> | null;
  return (
    typeof drawing?.svg === 'string' &&
    drawing.svg.includes('<svg') &&
    typeof drawing.width === 'number' &&
    typeof drawing.height === 'number'
  );
};

/** `draw`, answered from `dir` when the same drawing was made before. */
export function storedDrawings(draw: Draw, dir: string): Draw {
  let stamp: string | undefined;
  return async (text, options) => {
    stamp ??= `${rendererStamp(import.meta.resolve('@studykit/diagram'))} ${chromiumStamp()}`;
    const key = createHash('sha256')
      .update(JSON.stringify([stamp, text, options.id, options.embedFonts]))
      .digest('hex');
    const path = join(dir, `${key}.json`);
    const kept = await readFile(path, 'utf8')
      .then((json) => JSON.parse(json) as unknown)
      .catch(() => undefined);
    if (isDrawing(kept)) return kept;
    const drawn = await draw(text, options);
    const partial = `${path}.${process.pid}.partial`;
    await mkdir(dir, { recursive: true })
      .then(() => writeFile(partial, JSON.stringify(drawn)))
      .then(() => rename(partial, path))
      .catch(() => {
        // A read-only cache folder only costs speed.
      });
    return drawn;
  };
}

/** The decks' drawer for a build or a watch: the session's renderer, through the cache root's drawings. */
export function sessionDrawings(session: BuildSession): DiagramDrawer {
  return {
    renderSvg: storedDrawings(
      async (text, options) => (await warmRenderer(session)).renderSvg(text, options),
      join(cacheRoot(), 'diagrams'),
    ),
  };
}
