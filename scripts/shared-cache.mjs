#!/usr/bin/env node
// A self-hosted Turborepo remote cache for the reading group: one member (or CI) runs
//   node scripts/shared-cache.mjs serve [--port 41230] [--dir .turbo-remote]
// and everyone builds with the three variables it prints; a second machine then gets FULL TURBO
// from the first one's build. It binds to 127.0.0.1 only: put it behind your own tunnel or VPN to share.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Starts the cache server; resolves once it answers, with the env a turbo client needs and a stop(). */
export async function startSharedCache({
  port = 0,
  dir = '.turbo-remote',
  token = randomBytes(16).toString('hex'),
} = {}) {
  const chosenPort = port || 41000 + Math.floor(Math.random() * 2000);
  const storage = resolve(dir);
  mkdirSync(storage, { recursive: true });
  // The package exports no subpath for its CLI: use the bin link pnpm creates.
  const cli = join(root, 'node_modules', 'turborepo-remote-cache', 'dist', 'cli.js');
  const child = spawn(process.execPath, [cli], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(chosenPort),
      TURBO_TOKEN: token,
      STORAGE_PROVIDER: 'local',
      STORAGE_PATH: storage,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${chosenPort}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`remote cache exited with code ${child.exitCode}`);
    const up = await fetch(`${url}/v8/artifacts/status`, {
      headers: { authorization: `Bearer ${token}` },
    }).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    env: { TURBO_API: url, TURBO_TOKEN: token, TURBO_TEAM: 'team_studykit' },
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string' }, dir: { type: 'string' }, token: { type: 'string' } },
  });
  if (positionals[0] !== 'serve') {
    console.error('usage: node scripts/shared-cache.mjs serve [--port N] [--dir DIR] [--token T]');
    process.exit(2);
  }
  const cache = await startSharedCache({
    port: values.port ? Number(values.port) : 41230,
    ...(values.dir ? { dir: values.dir } : {}),
    ...(values.token ? { token: values.token } : {}),
  });
  console.log('Shared Turborepo cache on 127.0.0.1. Build with:');
  for (const [name, value] of Object.entries(cache.env)) console.log(`  export ${name}=${value}`);
  const stop = async () => {
    await cache.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
