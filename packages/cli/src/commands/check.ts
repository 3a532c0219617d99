import { formatDiagnostics, hasErrors, summarizeDiagnostics } from '@studykit/core';
import type { CommandLine } from '../args.js';
import type { Io } from '../io.js';
import { loadCached } from '../load.js';

/** Prints diagnostics (nothing at all when the content is clean); exit 1 on any error. */
export async function check(line: CommandLine, io: Io): Promise<number> {
  const ast = await loadCached(line.content, line.cache);
  if (ast.diagnostics.length > 0) {
    io.stdout(formatDiagnostics(ast.diagnostics));
    io.stderr(summarizeDiagnostics(ast.diagnostics));
  }
  return hasErrors(ast.diagnostics) ? 1 : 0;
}
