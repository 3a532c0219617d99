/**
 * State kept between builds (watch keeps the browser warm across edits): the mermaid renderer,
 * launched on first use and shared by every step and deck that draws a diagram.
 */
import { join } from 'node:path';
import type { MermaidRenderer } from '@studykit/diagram';
import { useSubsetStore } from '@studykit/fonts';
import { cacheRoot } from './cache-dir.js';
import { fontStore } from './font-store.js';
import { type Io, type Notice, noticesTo } from './io.js';
import { createProgress } from './progress.js';

export interface BuildSession {
  renderer?: MermaidRenderer;
  /** A launch in progress, shared by everyone who needs the renderer meanwhile. */
  launching?: Promise<MermaidRenderer>;
  progress: ReturnType<typeof createProgress>;
  /** Where one-line notices go (a damaged cache file ignored). */
  notice: Notice;
  /** Told the outputs (out/ paths) each landing put in place: `watch --serve` reloads their pages. */
  landed?: (paths: readonly string[]) => void;
}

/**
 * A Chromium kept warm between the commands one process runs (a caller of `main` running builds one
 * after the other, as the tests' command runner does): each build takes the renderer the last one left.
 */
export interface WarmBrowser {
  renderer?: MermaidRenderer;
}

/** A session for `build` or `watch`: font subsets are kept in the cache root between processes. */
export function newSession(io: Io): BuildSession {
  useSubsetStore(fontStore(join(cacheRoot(), 'fonts')));
  return { progress: createProgress(io), notice: noticesTo(io) };
}

/** The session's mermaid renderer, launched on first use and again if its Chromium went away. */
export async function warmRenderer(session: BuildSession): Promise<MermaidRenderer> {
  if (session.renderer && !session.renderer.usable) delete session.renderer;
  if (session.renderer) return session.renderer;
  // Decks ask at the same time: one launch, shared (a second browser would outlive the build).
  session.launching ??= import('@studykit/diagram')
    .then(({ MermaidRenderer }) => MermaidRenderer.launch())
    .then((renderer) => {
      session.renderer = renderer;
      return renderer;
    })
    .finally(() => {
      delete session.launching;
    });
  return session.launching;
}

/** Drops the renderer after a failure: a dead browser must not poison the next build (watch). */
export async function dropRenderer(session: BuildSession): Promise<void> {
  await session.renderer?.close().catch(() => undefined);
  delete session.renderer;
}
