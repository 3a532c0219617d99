import { createParseCache, formatDiagnostics, hasErrors, parse, summarizeDiagnostics } from '@studykit/core';
import { readContentFolder } from '@studykit/core/fs';
import { watch as watchFiles } from 'chokidar';
import type { CommandLine } from '../args.js';
import type { Io } from '../io.js';
import { untilStopped } from '../lifetime.js';
import { LivePreview } from '../live/live-preview.js';
import { loadOrFail } from '../load.js';
import { lockOutFolder } from '../out-lock.js';
import { runBuild } from '../run-build.js';
import { newSession } from '../session.js';
import { currentYear } from '../today.js';
import { checkFamilies } from './build.js';

/**
 * `studykit watch`: build once, then on every content change re-parse, print diagnostics and rebuild
 * what the edit touches. A broken edit keeps the last good outputs; Ctrl-C stops cleanly.
 */
export async function watch(line: CommandLine, io: Io): Promise<number> {
  const session = newSession(io);
  let running: Promise<void> = Promise.resolve();
  let pending = false;
  let stopping = false;
  // --serve: out/ on 127.0.0.1; open decks get a fast preview before each build, every page a reload.
  let live: LivePreview | undefined;
  session.landed = (paths) => live?.landed(paths);

  // Unchanged files are not parsed again: only the edited file and the cross-file checks rerun.
  const cache = createParseCache();
  const load = async () => {
    const { files, diagnostics, readAsset } = await readContentFolder(line.content);
    return parse(files, { cache, diagnostics, readAsset, currentYear: currentYear() });
  };

  const cycle = async (first: boolean) => {
    const ast = first ? await loadOrFail(line.content, load) : await load();
    if (ast.diagnostics.length > 0) io.stdout(formatDiagnostics(ast.diagnostics));
    if (hasErrors(ast.diagnostics)) {
      io.stderr(`watch: ${summarizeDiagnostics(ast.diagnostics)}; keeping the last good outputs`);
      return;
    }
    if (first) checkFamilies(ast, line.family);
    // An open deck's preview (sent as the edit was saved) goes first: the build would slow it down.
    live?.remember(ast);
    await live?.settled();
    // Every output is asked for; each step rebuilds only what its digests say changed, so a meeting deck
    // whose paper was edited, or another family's deck showing a renamed paper, is rebuilt too.
    const failures = await runBuild(ast, line, session, { kinds: line.only, commitEachStep: true });
    for (const failure of failures) io.stderr(`watch: ${failure.step} failed: ${failure.message}`);
    io.stderr(`watch: ready (${new Date().toLocaleTimeString()}), waiting for changes in ${line.content}`);
  };

  // Edits arriving during a build are folded into one follow-up build.
  const schedule = () => {
    if (stopping) return;
    if (pending) return;
    pending = true;
    running = running.then(async () => {
      pending = false;
      if (!stopping) await cycle(false).catch((error: Error) => io.stderr(`watch: ${error.message}`));
    });
  };

  // Held while watching: a build started meanwhile on the same out/ says so instead of colliding.
  const lock = await lockOutFolder(line.out, 'watch');
  try {
    return await watchLocked();
  } finally {
    // Also when the first build failed: an open server would keep the process alive.
    await live?.close();
    await lock.release();
  }

  async function watchLocked(): Promise<number> {
    // out/ exists (it holds the lock); the URL is printed once the first build has filled it.
    if (line.serve) live = await LivePreview.start(line.out, line.port, session, io);
    await cycle(true);
    if (live) io.stdout(`Live preview: ${live.server.origin}/index.html`);
    const watcher = watchFiles(line.content, {
      ignoreInitial: true,
      // Short: a half-written file only yields a diagnostic, and the final write triggers again.
      awaitWriteFinish: { stabilityThreshold: 20, pollInterval: 5 },
    });
    watcher.on('all', (_event, path) => {
      // The notes, and the images they show (an edited figure rebuilds what shows it).
      if (typeof path === 'string' && /\.(md|png|jpe?g|svg|gif|webp)$/i.test(path)) {
        live?.edited(load);
        schedule();
      }
    });
    await new Promise<void>((resolve) => watcher.on('ready', () => resolve()));
    io.stderr(`watch: watching ${line.content} (Ctrl-C to stop)`);

    await untilStopped();
    stopping = true;
    await watcher.close();
    await running;
    await live?.close();
    await session.renderer?.close();
    io.stderr('watch: stopped');
    return 0;
  }
}
