/**
 * The default cache folder, out of out/ (which is what a group publishes): the convention of Babel,
 * ESLint and Vite, `node_modules/.cache/<tool>`, in the kit's own checkout, one folder per content
 * and output pair (output digests describe one out/, and two studies must not share them).
 * `STUDYKIT_CACHE_ROOT` moves the root (tests use a temporary one).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function defaultCacheDir(content: string, out: string, env: NodeJS.ProcessEnv = process.env): string {
  const key = createHash('sha256')
    .update(`${resolve(content)}\0${resolve(out)}`)
    .digest('hex')
    .slice(0, 16);
  return join(cacheRoot(env), key);
}

/** The folder every study's cache folder is in (and what they share: font subsets). */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.STUDYKIT_CACHE_ROOT?.trim();
  if (override) return resolve(override);
  return join(kitRoot(), 'node_modules', '.cache', 'studykit');
}

/** The workspace holding this CLI (pnpm-workspace.yaml), else the nearest folder with node_modules. */
function kitRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  let withModules: string | undefined;
  for (let dir = here; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (!withModules && !dir.includes(`${'/'}node_modules`) && existsSync(join(dir, 'node_modules'))) {
      withModules = dir;
    }
    if (dirname(dir) === dir) return withModules ?? process.cwd();
  }
}
