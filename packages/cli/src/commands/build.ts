import { formatDiagnostics, hasErrors, type StudyAst, summarizeDiagnostics } from '@studykit/core';
import type { CommandLine } from '../args.js';
import { UsageError } from '../args.js';
import { type Io, noticesTo } from '../io.js';
import { loadCached } from '../load.js';
import { lockOutFolder } from '../out-lock.js';
import { runBuild } from '../run-build.js';
import { newSession, type WarmBrowser } from '../session.js';

/** `studykit build`: validate, then render each requested output; nothing is written if content has errors. */
export async function build(line: CommandLine, io: Io, warm?: WarmBrowser): Promise<number> {
  const ast = await loadCached(line.content, line.cache, noticesTo(io));
  if (ast.diagnostics.length > 0) io.stdout(formatDiagnostics(ast.diagnostics));
  if (hasErrors(ast.diagnostics)) {
    io.stderr(
      `studykit: ${summarizeDiagnostics(ast.diagnostics)}; nothing was built (previous outputs kept)`,
    );
    return 1;
  }
  checkFamilies(ast, line.family);
  checkMeetings(ast, line.meeting);
  const lock = await lockOutFolder(line.out, 'build');
  if (lock.recoveredFrom !== undefined) {
    io.stderr(
      `studykit: a build of ${line.out} (pid ${lock.recoveredFrom}) was killed; its staged outputs are finished or dropped`,
    );
  }
  const session = newSession(io);
  if (warm?.renderer?.usable) session.renderer = warm.renderer;
  try {
    const failures = await runBuild(ast, line, session);
    for (const failure of failures) io.stderr(`studykit: ${failure.step} failed: ${failure.message}`);
    return failures.length > 0 ? 1 : 0;
  } finally {
    if (warm) warm.renderer = session.renderer;
    else await session.renderer?.close();
    await lock.release();
  }
}

export function checkFamilies(ast: StudyAst, families: readonly string[]): void {
  const known = ast.families.map((family) => family.id);
  const unknown = families.find((family) => !known.includes(family));
  if (!unknown) return;
  // A meeting's id given as a family (`--family 2026-03-05`) is a meeting deck: say which option.
  if (ast.meetings.some((meeting) => meeting.id === unknown))
    throw new UsageError(`'${unknown}' is a meeting, not a family: use --meeting ${unknown}`);
  throw new UsageError(`unknown family '${unknown}' (known: ${known.join(', ')})`);
}

export function checkMeetings(ast: StudyAst, meetings: readonly string[]): void {
  const known = ast.meetings.map((meeting) => meeting.id);
  const unknown = meetings.find((meeting) => !known.includes(meeting));
  if (unknown) throw new UsageError(`unknown meeting '${unknown}' (known: ${known.join(', ') || 'none'})`);
}
