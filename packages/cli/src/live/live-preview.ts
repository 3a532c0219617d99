/**
 * `watch --serve`: the live server, and the fast path that feeds it. After each edit, before the full
 * build, every deck open in a browser is laid out again (the slides app's DeckPreviewer, well under a
 * second once warm) and sent to its pages; the full build follows, and each page reloads when its
 * output lands.
 */

import { hasErrors, type StudyAst } from '@studykit/core';
import type { DeckPreviewer } from '@studykit/slides';
import { sessionDrawings } from '../drawing-store.js';
import type { Io } from '../io.js';
import type { BuildSession } from '../session.js';
import { LiveServer } from './live-server.js';

/** The port `watch --serve` takes unless told: fixed, so an open tab finds the next watch again. */
export const DEFAULT_LIVE_PORT = 8030;

const DECK = /^(slides|meetings)\/[^/]+$/;

export class LivePreview {
  private previewer: DeckPreviewer | undefined;
  /** The last content without errors: a deck opened later is laid out (warmed) from it. */
  private ast: StudyAst | undefined;
  /** Preview work in order: one deck's measuring page is never used by two layouts at once. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly warmed = new Set<string>();
  private editWaiting = false;
  private closed = false;
  // Set by start, right after construction (the server takes this object's callback).
  server!: LiveServer;

  private constructor(
    private readonly session: BuildSession,
    private readonly io: Io,
  ) {}

  /** Serves `out` on `port` (given), else on 8030, else on a free port when 8030 is taken. */
  static async start(
    out: string,
    port: number | undefined,
    session: BuildSession,
    io: Io,
  ): Promise<LivePreview> {
    const live = new LivePreview(session, io);
    const opened = (output: string) => live.warm(output);
    live.server = await LiveServer.start(out, port ?? DEFAULT_LIVE_PORT, opened).catch(
      (error: NodeJS.ErrnoException) => {
        if (port === undefined && error.code === 'EADDRINUSE') return LiveServer.start(out, 0, opened);
        throw new Error(`cannot serve on 127.0.0.1:${port}: ${error.code ?? error.message}`);
      },
    );
    return live;
  }

  /** The content as the build now sees it: a deck opened later is warmed up from it. */
  remember(ast: StudyAst): void {
    this.ast = ast;
  }

  /**
   * An edit was saved: the open decks are laid out again from `load()` at once, even while a build
   * runs (edits then wait for it), and sent to their pages. Edits saved meanwhile fold into one more.
   * Content with errors sends nothing (the build says why); a failure is one line, never fatal.
   */
  edited(load: () => Promise<StudyAst>): void {
    if (this.closed || this.editWaiting) return;
    this.editWaiting = true;
    void this.enqueue(async () => {
      this.editWaiting = false;
      const ast = await load();
      if (hasErrors(ast.diagnostics)) return;
      this.ast = ast;
      await this.send(ast);
    }).catch((error: unknown) => {
      const why = error instanceof Error ? error.message : String(error);
      this.io.stderr(`watch: preview failed (${why}); the full build follows`);
    });
  }

  /** Resolves once the preview work asked for so far is done (a build starts after it). */
  async settled(): Promise<void> {
    await this.queue;
  }

  private async send(ast: StudyAst): Promise<void> {
    const open = this.server.openOutputs().filter((output) => DECK.test(output));
    if (open.length === 0) return;
    const started = performance.now();
    for (const deck of await (await this.deckPreviewer()).preview(ast, open)) {
      this.server.preview(deck.folder, deck.slides, deck.css);
      this.io.stderr(
        `watch: preview of ${deck.folder} sent (${Math.round(performance.now() - started)} ms); its build follows`,
      );
    }
  }

  landed(paths: readonly string[]): void {
    this.server.landed(paths);
  }

  /** Stops serving and closes the fast path's Chromium; a second call does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.server.close();
    await this.queue;
    await this.previewer?.close();
  }

  /**
   * A deck just opened: its measuring page, fonts and measurements are made now (seconds, once), so
   * that its first edit takes the fast path's usual fraction of a second.
   */
  private warm(output: string): void {
    const ast = this.ast;
    if (!ast || this.closed || !DECK.test(output) || this.warmed.has(output)) return;
    this.warmed.add(output);
    const started = performance.now();
    this.enqueue(async () => (await this.deckPreviewer()).preview(ast, [output])).then(
      () =>
        this.io.stderr(
          `watch: ${output} opened, ready for previews (${Math.round(performance.now() - started)} ms)`,
        ),
      () => this.warmed.delete(output),
    );
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => {});
    return next;
  }

  private async deckPreviewer(): Promise<DeckPreviewer> {
    if (!this.previewer) {
      const { DeckPreviewer } = await import('@studykit/slides');
      // The build's drawings, and the build takes the preview's: the same store (drawing-store.ts).
      this.previewer = new DeckPreviewer(sessionDrawings(this.session));
    }
    return this.previewer;
  }
}
