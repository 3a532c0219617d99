#!/usr/bin/env node
// `npm test`: lint, compile (cached by Turborepo), then every vitest project in one run.
import { spawnSync } from 'node:child_process';

process.env.TURBO_TELEMETRY_DISABLED = '1';
process.env.DO_NOT_TRACK = '1';

const step = (command, args) => {
  console.log(`test: $ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status || 1);
};

step('pnpm', ['exec', 'biome', 'check', '.']);
step('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
step('pnpm', ['exec', 'vitest', 'run', ...process.argv.slice(2)]);
