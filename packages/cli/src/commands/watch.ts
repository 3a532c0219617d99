import {
  createParseCache,
  formatDiagnostics,
  hasErrors,
  parse,
  type StudyAst,
  summarizeDiagnostics,
} from '@studykit/core';
import { readContentFolder } from '@studykit/core/fs';
import { watch as watchFiles } from 'chokidar';
import type { CommandLine } from '../args.js';
import { type Io, noticesTo } from '../io.js';
import { loadOrFail } from '../load.js';
import { lockOutFolder } from '../out-lock.js';
import { createProgress } from '../progress.js';
import { type BuildSession, runBuild } from '../run-build.js';
import { currentYear } from '../today.js';
import { checkFamilies } from './build.js';

/** Families whose deck must be rebuilt: new, removed or with a changed digest (family file or a paper). */
export function changedFamilies(previous: StudyAst | undefined, next: StudyAst): string[] {
  if (!previous) return next.families.map((family) => family.id);
  const before = new Map(previous.families.map((family) => [family.id, family.digest]));
  return next.families.filter((family) => before.get(family.id) !== family.digest).map((family) => family.id);
}

/**
 * `studykit watch`: build once, then on every content change re-parse, print diagnostics and rebuild
 * what the edit touches. A broken edit keeps the last good outputs; Ctrl-C stops cleanly.
 */
export async function watch(line: CommandLine, io: Io): Promise<number> {
  const session: BuildSession = { progress: createProgress(io), notice: noticesTo(io) };
  let lastGood: StudyAst | undefined;
  let running: Promise<void> = Promise.resolve();
  let pending = false;
  let stopping = false;

  // Unchanged files are not parsed again: only the edited file and the cross-file checks rerun.
  const cache = createParseCache();
  const load = async () => {
    const { files, diagnostics } = await readContentFolder(line.content);
    return parse(files, { cache, diagnostics, currentYear: currentYear() });
  };

  const cycle = async (first: boolean) => {
    const ast = first ? await loadOrFail(line.content, load) : await load();
    if (ast.diagnostics.length > 0) io.stdout(formatDiagnostics(ast.diagnostics));
    if (hasErrors(ast.diagnostics)) {
      io.stderr(`watch: ${summarizeDiagnostics(ast.diagnostics)}; keeping the last good outputs`);
      return;
    }
    if (first) checkFamilies(ast, line.family);
    const families = changedFamilies(lastGood, ast).filter(
      (family) => line.family.length === 0 || line.family.includes(family),
    );
    // Decks and their handouts only when a family changed.
    const kinds = line.only.filter(
      (kind) => (kind !== 'slides' && kind !== 'handout') || families.length > 0,
    );
    const failures = await runBuild(ast, line, session, { kinds, families, commitEachStep: true });
    for (const failure of failures) io.stderr(`watch: ${failure.step} failed: ${failure.message}`);
    lastGood = ast;
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
    await lock.release();
  }

  async function watchLocked(): Promise<number> {
    await cycle(true);
    const watcher = watchFiles(line.content, {
      ignoreInitial: true,
      // Short: a half-written file only yields a diagnostic, and the final write triggers again.
      awaitWriteFinish: { stabilityThreshold: 20, pollInterval: 5 },
    });
    watcher.on('all', (_event, path) => {
      if (typeof path === 'string' && path.endsWith('.md')) schedule();
    });
    await new Promise<void>((resolve) => watcher.on('ready', () => resolve()));
    io.stderr(`watch: watching ${line.content} (Ctrl-C to stop)`);

    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    stopping = true;
    await watcher.close();
    await running;
    await session.renderer?.close();
    io.stderr('watch: stopped');
    return 0;
  }
}
