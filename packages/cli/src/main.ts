import { parseCommandLine, USAGE, UsageError } from './args.js';
import { type Io, processIo } from './io.js';
import { checkOutFolder } from './out-folder.js';
import { OutFolderBusy } from './out-lock.js';
import type { WarmBrowser } from './session.js';

export interface MainOptions {
  /** Keeps the diagram renderer's Chromium between `build` commands of this process. */
  warm?: WarmBrowser;
}

/** Runs one command line and returns the exit code: 0 ok, 1 content or build errors, 2 bad usage. */
export async function main(
  argv: readonly string[],
  io: Io = processIo,
  options: MainOptions = {},
): Promise<number> {
  try {
    const line = parseCommandLine(argv);
    if (line.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (line.version) {
      io.stdout(`studykit ${(await import('./version.js')).STUDYKIT_VERSION}`);
      return 0;
    }
    // Refused before anything is read or written: a build could overwrite what is not its own.
    if (line.command === 'build' || line.command === 'watch') checkOutFolder(line);
    switch (line.command) {
      // Commands load what they need when they run: a check with nothing changed loads no parser.
      case 'check':
        return await (await import('./commands/check.js')).check(line, io);
      case 'ast':
        return await (await import('./commands/ast.js')).ast(line, io);
      case 'build':
        return await (await import('./commands/build.js')).build(line, io, options.warm);
      case 'watch':
        return await (await import('./commands/watch.js')).watch(line, io);
      case 'present':
        return await (await import('./commands/present.js')).present(line, io);
      case 'new':
        return await (await import('./commands/new.js')).newFile(line, io);
      case 'init':
        return await (await import('./commands/init.js')).init(line, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`studykit: ${error.message} (see studykit --help)`);
      return 2;
    }
    if (error instanceof OutFolderBusy) {
      io.stderr(`studykit: ${error.message}`);
      return 1;
    }
    io.stderr(`studykit: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}
