/**
 * Which Chromium draws and prints, without loading Playwright: the CLI asks before any renderer
 * loads (a build with nothing changed must stay light).
 */
import { existsSync, realpathSync, statSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The system Chromium: `STUDYKIT_CHROMIUM` if set, else the first Debian/Ubuntu path that exists. */
export function chromiumPath(): string {
  const fromEnv = process.env.STUDYKIT_CHROMIUM;
  if (fromEnv) return fromEnv;
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `No Chromium found (looked for ${CANDIDATES.join(', ')}). Run \`npm run setup\` (installs Debian's chromium) or set STUDYKIT_CHROMIUM.`,
    );
  }
  return found;
}

/**
 * Stands for the Chromium version in output digests (layout is measured and pages printed in it, so
 * an upgrade may move a page break): the real binary's path, size and modification time, which every
 * package upgrade changes. Cheaper than starting it to ask (`--version` takes a tenth of a second).
 */
export function chromiumStamp(): string {
  try {
    // dpkg gives every installed file its package's time: a new version is a new stamp. Debian's
    // /usr/bin/chromium is a launcher script; the browser it starts is /usr/lib/chromium/chromium.
    const files = [realpathSync(chromiumPath()), '/usr/lib/chromium/chromium'].filter((file) =>
      existsSync(file),
    );
    return files
      .map((file) => {
        const info = statSync(file);
        return `${file} ${info.size} ${info.mtimeMs}`;
      })
      .join('; ');
  } catch {
    return 'no chromium';
  }
}
