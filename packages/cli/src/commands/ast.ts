import { hasErrors } from '@studykit/core';
import type { CommandLine } from '../args.js';
import { type Io, noticesTo } from '../io.js';
import { loadCached } from '../load.js';

/** The AST as JSON on stdout (diagnostics included in it); exit 1 if it holds errors. */
export async function ast(line: CommandLine, io: Io): Promise<number> {
  const tree = await loadCached(line.content, line.cache, noticesTo(io));
  io.stdout(JSON.stringify(tree, null, 2));
  return hasErrors(tree.diagnostics) ? 1 : 0;
}
