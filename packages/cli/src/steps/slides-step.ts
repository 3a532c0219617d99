/**
 * The decks, a family's or a meeting's each: checked against their digests (what each deck reads, the
 * slides app's own answer: @studykit/slides/inputs) before the slides app even loads. Only the decks
 * whose digest changed are built; a deck that fails is named, the others land.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DeckBuildOptions, deckDigest } from '@studykit/slides/inputs';
import { type DeckTarget, deckPdfPath, deckTargets } from '@studykit/view';
import { sessionDrawings } from '../drawing-store.js';
import { warmRenderer } from '../session.js';
import { deckSelection } from './deck-selection.js';
import type { BuildStep } from './step.js';

export const slidesStep: BuildStep = {
  name: 'slides',
  wanted: ({ request }) => request.kinds.includes('slides'),
  async run(context) {
    const { ast, line, session, staged, digests, present } = context;
    const targets = deckTargets(ast, deckSelection(line));
    const options: DeckBuildOptions = { notes: line.notes, pdf: line.pdf };
    const wanted = targets.map((target) => ({ target, digest: deckDigest(ast, target, options) }));
    const current = await Promise.all(
      wanted.map(
        async ({ target, digest }) =>
          digests.get(`deck:${target.folder}`) === digest &&
          (await present([`${target.folder}/deck.json`, ...(line.pdf ? [deckPdfPath(target)] : [])])),
      ),
    );
    const stale = wanted.filter((_, index) => line.force || !current[index]);
    const unchanged = wanted
      .filter((_, index) => !line.force && current[index])
      .map(({ target }) => deckName(target));
    const unchangedNote = unchanged.length > 0 ? `unchanged: ${unchanged.join(', ')}` : '';
    if (stale.length === 0) return `nothing to rebuild; ${unchangedNote}`;
    const ids = (kind: DeckTarget['kind']) =>
      stale.filter(({ target }) => target.kind === kind).map(({ target }) => target.id);
    const { renderDecks } = await import('@studykit/slides');
    const result = await renderDecks(ast, {
      stagingDir: await staged.scratch('slides'),
      // A drawing made before (the same text, renderer and Chromium) is taken from the cache root.
      diagrams: sessionDrawings(session),
      // The decks lay out and print in the same Chromium: one browser per build (and warm under watch).
      newContext: async (options) => (await warmRenderer(session)).newContext(options),
      families: ids('family'),
      meetings: ids('meeting'),
      // The images the notes show, from the content folder (core resolved and checked each path).
      readImage: async (asset) => new Uint8Array(await readFile(join(line.content, asset.file))),
      withNotes: line.notes,
      pdf: line.pdf,
      onProgress: session.progress.listener,
      referenceCache: await context.referenceCache(),
    });
    // The decks that were built land; a deck that failed keeps its previous version.
    await staged.stageFiles(result.files);
    for (const folder of result.folders) await staged.stageFolder(folder.path, folder.from);
    const failed = new Set(result.failed.map((failure) => failure.folder));
    for (const { target, digest } of stale) {
      if (!failed.has(target.folder)) digests.set(`deck:${target.folder}`, digest);
    }
    const built = result.built.length > 0 ? `built ${result.built.join(', ')}` : 'nothing to rebuild';
    const summary = [built, unchangedNote].filter(Boolean).join('; ');
    if (result.failed.length > 0) {
      throw new Error(`${result.failed.map((failure) => failure.message).join('; ')} (${summary})`);
    }
    return summary;
  },
};

/** "openai", "meeting 2026-12-03": as the slides app names a deck. */
function deckName(target: DeckTarget): string {
  return target.kind === 'family' ? target.id : `meeting ${target.id}`;
}
