import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startSharedCache } from '../scripts/shared-cache.mjs';
import { temporaryFolder } from './temporary.js';

const root = fileURLToPath(new URL('..', import.meta.url));

type Cache = { env: Record<string, string>; stop(): Promise<void> };

/**
 * A fresh clone of the committed tree with its dependencies, as a second member's laptop would have:
 * those of the workspace root (turbo) and of the one package built here, core. (Every package's
 * took twice as long to install, and `@studykit/core...` built all thirteen, core's dependents.)
 */
function cloneAndInstall(into: string): string {
  const dir = join(into, 'clone');
  execFileSync('git', ['clone', '--quiet', root, dir]);
  const install = spawnSync(
    'pnpm',
    [
      'install',
      '--frozen-lockfile',
      '--prefer-offline',
      '--silent',
      '--filter',
      '.',
      '--filter',
      // pnpm's `pkg...`: core and the workspace packages it depends on (@studykit/math).
      '@studykit/core...',
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  expect(install.status, install.stderr).toBe(0);
  return dir;
}

function turboBuild(dir: string, env: Record<string, string>): string {
  const result = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@studykit/core'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe('a self-hosted Turborepo remote cache shared between two clones', () => {
  let cache: Cache | undefined;
  afterAll(async () => {
    await cache?.stop();
  });

  it('gives the second clone FULL TURBO from the first clone’s build', async () => {
    const work = temporaryFolder('studykit-cache-');
    cache = (await startSharedCache({ dir: join(work, 'storage') })) as Cache;
    expect(cache.env.TURBO_API).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const first = cloneAndInstall(mkdtempSync(join(work, 'a-')));
    const firstRun = turboBuild(first, cache.env);
    expect(firstRun).toMatch(/cache miss, executing/);

    const second = cloneAndInstall(mkdtempSync(join(work, 'b-')));
    const secondRun = turboBuild(second, cache.env);
    expect(secondRun).toMatch(/FULL TURBO/);
    expect(secondRun).not.toMatch(/cache miss/);
  }, 300_000);
});
