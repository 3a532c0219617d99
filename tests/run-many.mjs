// Runs `studykit` command lines in this one Node process, one after the other, through the CLI's own
// `main` (what bin.js runs) with each command's output captured as the terminal would see it. Builds
// keep one warm Chromium between them (main's `warm`), as a watch does: one start and one import of
// the built CLI, and one Chromium, instead of one per command. Used by run-cli.ts:
// - `studykitEach`: stdin is a JSON array of argument lists; stdout a JSON array of results.
// - `cliRunner` (--serve): stdin has one JSON request per line, { args, env }; each result is written
//   as one JSON line as soon as its command ends. `env` is set for that command only.
import { createInterface } from 'node:readline';
import { main } from '../packages/cli/dist/index.js';

const warm = {};
let warmChromium = process.env.STUDYKIT_CHROMIUM;

async function run(args, env = {}) {
  const captured = { stdout: '', stderr: '' };
  // As processIo prints: each call is one line.
  const io = {
    stdout: (text) => {
      captured.stdout += `${text}\n`;
    },
    stderr: (text) => {
      captured.stderr += `${text}\n`;
    },
    isTTY: false,
  };
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  // Another Chromium asked for: the warm one is not it.
  if (process.env.STUDYKIT_CHROMIUM !== warmChromium) {
    await warm.renderer?.close().catch(() => {});
    delete warm.renderer;
    warmChromium = process.env.STUDYKIT_CHROMIUM;
  }
  try {
    return { code: await main(args, io, { warm }), ...captured };
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

if (process.argv.includes('--serve')) {
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    const { args, env } = JSON.parse(line);
    process.stdout.write(`${JSON.stringify(await run(args, env))}\n`);
  }
} else {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const results = [];
  for (const args of JSON.parse(Buffer.concat(chunks).toString('utf8'))) results.push(await run(args));
  process.stdout.write(JSON.stringify(results));
}
await warm.renderer?.close();
