import type { CommandLine } from '../args.js';
import { currentStamp, readSummary, writeSummary } from '../check-summary.js';
import { type Io, noticesTo } from '../io.js';
import { currentYear } from '../today.js';

/**
 * Prints diagnostics in the format asked for, then one line: the counts, or "no problems" with what
 * was checked; exit 1 on any error.
 */
export async function check(line: CommandLine, io: Io): Promise<number> {
  const notice = noticesTo(io);
  // Nothing changed since the last check: print what it printed, without loading the parser. The
  // summary holds the text format's output; another format reads the (cached) AST.
  const stamp =
    line.format === 'text'
      ? await currentStamp(line.content, currentYear()).catch(() => undefined)
      : undefined;
  const last = stamp ? await readSummary(line.cache, notice) : undefined;
  if (stamp && last?.stamp === stamp) {
    if (last.stdout) io.stdout(last.stdout);
    if (last.stderr) io.stderr(last.stderr);
    return last.code;
  }
  const { hasErrors } = await import('@studykit/core');
  const { loadCached } = await import('../load.js');
  const { diagnosticOutput } = await import('../diagnostic-output.js');
  const ast = await loadCached(line.content, line.cache, notice);
  const { stdout, stderr } = diagnosticOutput(ast, line.content, line.format);
  if (stdout) io.stdout(stdout);
  if (stderr) io.stderr(stderr);
  const code = hasErrors(ast.diagnostics) ? 1 : 0;
  if (stamp) await writeSummary(line.cache, { stamp, stdout, stderr, code });
  return code;
}
