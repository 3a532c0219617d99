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
 * `studykit present --family ID` (or `--meeting ID`) serves one built deck on 127.0.0.1 and prints the audience and
 * presenter URLs; without --family it serves the whole output folder (index, decks, diagram, report)
 * so that members can browse it: decks are web apps and need a server, not file://. Runs until Ctrl-C.
 * The server answers only this machine's browser and never the caches (see @studykit/browser).
 */
export async function present(line: CommandLine, io: Io): Promise<number> {
  if (line.family.length + line.meeting.length > 1)
    throw new UsageError('present serves one deck: give at most one --family ID or --meeting ID');
  const [family] = line.family;
  const [meeting] = line.meeting;
  const folder = family ? `slides/${family}` : meeting ? `meetings/${meeting}` : undefined;
  const start = join(line.out, ...(folder ? [folder, 'index.html'] : ['index.html']));
  if (!(await exists(start))) {
    // `--family 2026-03-05` names a meeting: its deck is under meetings/, chosen with --meeting.
    if (family && (await exists(join(line.out, 'meetings', family, 'index.html'))))
      throw new UsageError(
        `'${family}' is a meeting, not a family: run studykit present --meeting ${family}`,
      );
    throw new UsageError(
      folder
        ? `no built deck at ${start}; run: studykit build --only slides ${family ? `--family ${family}` : `--meeting ${meeting}`}`
        : `nothing built in ${line.out}; run: studykit build`,
    );
  }
  const server = await serveFolder(line.out, { port: line.port ?? 0 });
  if (folder) {
    // Hash routes: the deck opens at any path and deep links need no server-side fallback.
    const id = family ?? meeting ?? '';
    const deck = `${server.origin}/${folder.split('/')[0]}/${encodeURIComponent(id)}/`;
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
