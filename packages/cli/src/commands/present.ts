import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandLine } from '../args.js';
import { UsageError } from '../args.js';
import type { Io } from '../io.js';

/** Serves one built deck on 127.0.0.1 until Ctrl-C, printing the audience and presenter URLs. */
export async function present(line: CommandLine, io: Io): Promise<number> {
  const [family, ...more] = line.family;
  if (!family || more.length > 0) throw new UsageError('present needs exactly one --family ID');
  const deck = join(line.out, 'slides', family, 'index.html');
  const built = await access(deck).then(
    () => true,
    () => false,
  );
  if (!built) {
    throw new UsageError(
      `no built deck at ${deck}; run: pnpm studykit build --only slides --family ${family}`,
    );
  }
  const { servePresentation } = await import('@studykit/slides');
  const server = await servePresentation({
    outDir: line.out,
    family,
    ...(line.port !== undefined ? { port: line.port } : {}),
  });
  io.stdout(`Audience:  ${server.url}`);
  io.stdout(`Presenter: ${server.presenterUrl}`);
  io.stdout('Press Ctrl-C to stop.');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
