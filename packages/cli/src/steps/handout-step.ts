/**
 * Handouts from built decks: each deck's PDF and deck.json, as the slides step left them in out/,
 * become `handout/<family>.pdf` (a meeting's: `handout/meeting-<id>.pdf`). A handout whose deck,
 * layout, paper and header are unchanged is not typeset again.
 */
import { join } from 'node:path';
import type { StudyAst } from '@studykit/core';
import { outputDigest } from '@studykit/core/renderer-stamp';
import type { RenderHandoutOptions } from '@studykit/handout';
import { handoutInputs, handoutStamp } from '@studykit/handout/inputs';
import type { DeckManifest } from '@studykit/slides';
import { type DeckTarget, deckPdfPath, deckTargets, handoutPath, labelsOf } from '@studykit/view';
import { warmRenderer } from '../session.js';
import { today } from '../today.js';
import { deckSelection } from './deck-selection.js';
import type { BuildContext, BuildStep } from './step.js';

/** After the slides, from the decks as this build leaves them: so also for decks that were unchanged. */
export const handoutStep: BuildStep = {
  name: 'handout',
  wanted: ({ request }) => request.kinds.includes('handout') || request.kinds.includes('slides'),
  run: writeHandouts,
};

/** Stages the handouts of the decks the slides step would build and says what it did. */
async function writeHandouts(context: BuildContext): Promise<string> {
  const { ast, line, staged, digests } = context;
  // Without --pdf the PDFs on disk may belong to older decks: notes would sit beside the wrong slides.
  if (!line.pdf) return 'skipped: the decks are built without PDFs (--no-pdf), and a handout prints them';
  // The handout renderer (pdf-lib, the report's faces) loads only when a handout is redrawn.
  const renderer = () => import('@studykit/handout');
  const words = labelsOf(ast);
  const date = today();
  const made: string[] = [];
  const unchanged: string[] = [];
  const missing: string[] = [];
  const failed: string[] = [];
  for (const spec of deckTargets(ast, deckSelection(line))) {
    const name = spec.kind === 'family' ? spec.id : `meeting-${spec.id}`;
    const path = handoutPath(spec);
    // The decks as this build leaves them: just built (staged), or unchanged in out/.
    const manifestBytes = await staged.read(`${spec.folder}/deck.json`);
    const manifest = manifestBytes ? (JSON.parse(manifestBytes.toString('utf8')) as DeckManifest) : undefined;
    const deckPdf = await staged.read(deckPdfPath(spec));
    if (!manifest || !deckPdf) {
      missing.push(name);
      continue;
    }
    const options: RenderHandoutOptions = {
      deckPdf,
      slides: manifest.slides,
      layout: line.handout,
      paperSize: line.paper,
      // A meeting's handout is dated by its meeting, not by the day it was printed.
      header: { study: ast.study.title, subject: manifest.title, date: handoutDate(ast, spec, date) },
      words,
      path,
      // Formulas in the notes are printed by the lineage's Chromium, started only when there are any.
      formulaPrinter: () => warmRenderer(context.session),
    };
    const digest = outputDigest(handoutStamp(), handoutInputs(options));
    const key = `handout:${name}`;
    const present = await staged.exists(path);
    if (!line.force && present && digests.get(key) === digest) {
      unchanged.push(name);
      continue;
    }
    try {
      const file = await (await renderer()).renderHandout(options);
      await staged.stageFiles([file]);
      digests.set(key, digest);
      made.push(path);
    } catch (error) {
      failed.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const parts = [
    made.length > 0 ? `wrote ${made.map((path) => join(line.out, path)).join(', ')}` : '',
    unchanged.length > 0 ? `unchanged: ${unchanged.join(', ')}` : '',
    missing.length > 0
      ? `no deck PDF for ${missing.join(', ')} (build the slides first: studykit build --only slides)`
      : '',
  ].filter(Boolean);
  // The others are written; the failures fail the step, each named.
  if (failed.length > 0) throw new Error([...failed, ...parts].join('; '));
  return parts.join('; ') || 'no decks';
}

/** The date on a handout's header: its meeting's for a meeting deck, else the build's today. */
function handoutDate(ast: StudyAst, spec: DeckTarget, today: Date): Date {
  const meeting = spec.kind === 'meeting' ? ast.meetings.find((m) => m.id === spec.id) : undefined;
  return meeting ? new Date(`${meeting.date}T00:00:00Z`) : today;
}
