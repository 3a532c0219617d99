// Runs several `studykit` command lines in this one Node process, one after the other, through the
// CLI's own `main` (what bin.js runs) with each command's output captured as the terminal would see
// it. Input on stdin: a JSON array of argument lists; output on stdout: a JSON array of
// { code, stdout, stderr }. Used by run-cli.ts's `studykitEach`: one start and one import of the
// built CLI instead of one per command.
import { main } from '../packages/cli/dist/index.js';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const commands = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const results = [];
for (const args of commands) {
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
  results.push({ code: await main(args, io), ...captured });
}
process.stdout.write(JSON.stringify(results));
