/**
 * The decks, a family's or a meeting's each: checked against their digests before the slides app
 * even loads. A deck that fails is named; the others land.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deckPdfPath, deckTargets } from '@studykit/view';
import { deckDigest } from '../output-digests.js';
import { warmRenderer } from '../session.js';
import type { BuildContext, BuildStep } from './step.js';

export const slidesStep: BuildStep = {
  name: 'slides',
  wanted: ({ request }) => request.kinds.includes('slides'),
  async run(context) {
    const { ast, line, session, staged, digests, present } = context;
    const families = deckFamilies(context);
    const targets = deckTargets(ast, families ? { families: [...families] } : {});
    const deckOptions = { notes: line.notes, pdf: line.pdf };
    const current = await Promise.all(
      targets.map(
        async (target) =>
          digests.get(`deck:${target.folder}`) === deckDigest(ast, target, deckOptions) &&
          (await present([`${target.folder}/deck.json`, ...(line.pdf ? [deckPdfPath(target)] : [])])),
      ),
    );
    if (!line.force && current.every(Boolean)) {
      return `nothing to rebuild; unchanged: ${targets.map((t) => (t.kind === 'family' ? t.id : `meeting ${t.id}`)).join(', ')}`;
    }
    const { renderDecks } = await import('@studykit/slides');
    const result = await renderDecks(ast, {
      outDir: line.out,
      stagingDir: await staged.scratch('slides'),
      // Chromium and mermaid start only if a deck's lineage slide is drawn.
      diagrams: {
        renderSvg: async (text, options) => (await warmRenderer(session)).renderSvg(text, options),
      },
      // The images the notes show, from the content folder (core resolved and checked each path).
      readImage: async (asset) => new Uint8Array(await readFile(join(line.content, asset.file))),
      ...(families ? { families: [...families] } : {}),
      withNotes: line.notes,
      pdf: line.pdf,
      force: line.force,
      onProgress: session.progress.listener,
      referenceCache: await context.referenceCache(),
    });
    // The decks that were built land; a deck that failed keeps its previous version.
    await staged.stageFiles(result.files);
    for (const folder of result.folders) await staged.stageFolder(folder.path, folder.from);
    const failed = new Set(result.failed.map((failure) => failure.folder));
    for (const target of targets) {
      if (!failed.has(target.folder))
        digests.set(`deck:${target.folder}`, deckDigest(ast, target, deckOptions));
    }
    const built = result.built.length > 0 ? `built ${result.built.join(', ')}` : 'nothing to rebuild';
    const summary = `${built}${result.skipped.length > 0 ? `; unchanged: ${result.skipped.join(', ')}` : ''}`;
    if (result.failed.length > 0) {
      throw new Error(`${result.failed.map((failure) => failure.message).join('; ')} (${summary})`);
    }
    return summary;
  },
};

/** The families whose decks this build makes: watch's changed ones, else `--family`, else all. */
export function deckFamilies({ request, selected }: BuildContext): readonly string[] | undefined {
  return request.families ?? selected;
}
