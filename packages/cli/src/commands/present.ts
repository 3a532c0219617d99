import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { serveFolder } from '@studykit/browser';
import type { CommandLine } from '../args.js';
import { UsageError } from '../args.js';
import type { Io } from '../io.js';
import { untilStopped } from '../lifetime.js';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * `studykit present --family ID` serves one built deck on 127.0.0.1 and prints the audience and
 * presenter URLs; without --family it serves the whole output folder (index, decks, diagram, report)
 * so that members can browse it: decks are web apps and need a server, not file://. Runs until Ctrl-C.
 * The server answers only this machine's browser and never the caches (see @studykit/browser).
 */
export async function present(line: CommandLine, io: Io): Promise<number> {
  const [family, ...more] = line.family;
  if (more.length > 0) throw new UsageError('present takes at most one --family ID');
  const start = join(line.out, ...(family ? ['slides', family, 'index.html'] : ['index.html']));
  if (!(await exists(start))) {
    throw new UsageError(
      family
        ? `no built deck at ${start}; run: pnpm studykit build --only slides --family ${family}`
        : `nothing built in ${line.out}; run: pnpm studykit build`,
    );
  }
  const server = await serveFolder(line.out, { port: line.port ?? 0 });
  if (family) {
    // Hash routes: the deck opens at any path and deep links need no server-side fallback.
    const deck = `${server.origin}/slides/${encodeURIComponent(family)}/`;
    io.stdout(`Audience:  ${deck}#/1`);
    io.stdout(`Presenter: ${deck}#/presenter/1`);
  } else {
    io.stdout(`Study kit: ${server.origin}/index.html`);
  }
  io.stdout('Press Ctrl-C to stop.');
  await untilStopped();
  await server.close();
  return 0;
}
