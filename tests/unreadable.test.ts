import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { badBase } from './bad-cases.js';
import { bin, type CliResult, root, studykit, TEST_ENV, useCliRunner } from './run-cli.js';
import { missingTool, skipNote } from './skips.js';
import { temporaryFolder } from './temporary.js';

// Its builds, one after the other, in one CLI process with a warm Chromium.
useCliRunner();

const HINT = '  hint: Make sure it is a readable UTF-8 text file under 1 MB, not a broken link.';
const OUTSIDE_HINT = '  hint: Copy what it links to into the content folder, or remove the link.';
const STACK_TRACE = /\bat .*\.js:\d+/;

/** A copy of the small valid folder of the bad-content corpus. */
function content(): string {
  const dir = temporaryFolder('studykit-unreadable-');
  cpSync(badBase, dir, { recursive: true });
  return dir;
}

const check = (dir: string, env: Record<string, string> = {}) =>
  studykit(['check', '--content', dir, '--cache', temporaryFolder('studykit-cache-')], env);

/**
 * Root reads any folder whatever its mode: for root, the CLI is run without the two capabilities
 * that allow that (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so that `chmod 000` really denies it.
 */
const isRoot = process.getuid?.() === 0;
const cannotDeny = isRoot
  ? (missingTool('setpriv') ??
    (spawnsWithoutCapabilities() ? undefined : 'setpriv cannot drop capabilities here'))
  : undefined;

function spawnsWithoutCapabilities(): boolean {
  try {
    execFileSync('setpriv', ['--bounding-set', '-dac_override,-dac_read_search', 'true']);
    return true;
  } catch {
    return false;
  }
}

function checkWithoutPrivilege(dir: string): Promise<CliResult> {
  const cache = temporaryFolder('studykit-cache-');
  const command = [bin, 'check', '--content', dir, '--cache', cache];
  const [file, args] = isRoot
    ? ['setpriv', ['--bounding-set', '-dac_override,-dac_read_search', 'node', ...command]]
    : ['node', command];
  return new Promise((resolve) =>
    execFile(
      file as string,
      args as string[],
      { cwd: root, env: { ...process.env, ...TEST_ENV } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

describe('content that cannot be read is a diagnostic at its path, never a crash', {
  timeout: 30_000,
}, () => {
  const locked: string[] = [];
  afterEach(() => {
    for (const folder of locked.splice(0)) chmodSync(folder, 0o755); // so that tmp can be cleaned
  });

  it.skipIf(cannotDeny)(
    `an unreadable folder (EACCES): file-unreadable at the folder, the rest is still checked${skipNote(cannotDeny)}`,
    async () => {
      const dir = content();
      const secret = join(dir, 'beta', 'private');
      mkdirSync(secret);
      writeFileSync(join(secret, 'beta-9.md'), 'not even read');
      writeFileSync(
        join(dir, 'beta', 'beta-1.md'),
        readFileSync(join(badBase, 'beta/beta-1.md'), 'utf8').replace('year: 2023', 'year: 1850'),
      );
      chmodSync(secret, 0o000);
      locked.push(secret);
      const result = await checkWithoutPrivilege(dir);
      expect(result.stderr).not.toMatch(STACK_TRACE);
      expect(result.stdout).toBe(
        [
          'beta/beta-1.md:6:7  error  Year 1850 is outside 1950–2026  year-range',
          '  hint: Use the year the paper was published (1950 to this year).',
          'beta/private:1:1  error  Folder cannot be read (EACCES)  file-unreadable',
          '  hint: Make the folder readable (e.g. chmod a+rx), or move it out of the content folder.',
          '',
        ].join('\n'),
      );
      expect(result.code).toBe(1);
    },
  );

  it.skipIf(cannotDeny)(
    `an unreadable content folder is a usage error (exit 2)${skipNote(cannotDeny)}`,
    async () => {
      const dir = content();
      chmodSync(dir, 0o000);
      locked.push(dir);
      const result = await checkWithoutPrivilege(dir);
      expect(result.stderr).not.toMatch(STACK_TRACE);
      expect(result.stderr).toContain(`Content folder cannot be read: ${dir} (EACCES)`);
      expect(result.code).toBe(2);
    },
  );

  it('a link into /proc is refused at the link: content must stay inside the folder', async () => {
    const dir = content();
    symlinkSync('/proc', join(dir, 'alpha', 'proc'));
    const result = await check(dir);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.stdout).toBe(
      `alpha/proc:1:1  error  Link leads outside the content folder (to /proc); content must stay inside it  file-unreadable\n${OUTSIDE_HINT}\n`,
    );
  });

  it('a link to a paper outside the folder is refused too; links inside it are followed', async () => {
    const dir = content();
    const elsewhere = temporaryFolder('studykit-elsewhere-');
    const paper = readFileSync(join(dir, 'alpha/alpha-2.md'), 'utf8').replace(/alpha-2/g, 'alpha-3');
    writeFileSync(join(elsewhere, 'alpha-3.md'), paper);
    symlinkSync(join(elsewhere, 'alpha-3.md'), join(dir, 'alpha', 'alpha-3.md'));
    // Inside the folder (a dot folder is not read on its own): followed.
    mkdirSync(join(dir, '.drafts'));
    writeFileSync(join(dir, '.drafts', 'alpha-4.md'), paper.replace(/alpha-3/g, 'alpha-4'));
    symlinkSync('../.drafts/alpha-4.md', join(dir, 'alpha', 'alpha-4.md'));
    const result = await check(dir);
    expect(result.stdout).toBe(
      `alpha/alpha-3.md:1:1  error  Link leads outside the content folder (to ${join(elsewhere, 'alpha-3.md')}); content must stay inside it  file-unreadable\n${OUTSIDE_HINT}\n`,
    );
    const ast = await studykit(['ast', '--content', dir, '--cache', temporaryFolder('studykit-cache-')]);
    const papers = (JSON.parse(ast.stdout) as { papers: { id: string }[] }).papers.map((p) => p.id);
    expect(papers).toContain('alpha-4');
    expect(papers).not.toContain('alpha-3');
  });

  it('a named pipe called like a paper does not block the check', async () => {
    const dir = content();
    execFileSync('mkfifo', [join(dir, 'alpha', 'alpha-3.md')]);
    const result = await check(dir);
    expect(result.stdout).toBe(
      `alpha/alpha-3.md:1:1  error  File is not a regular file (a pipe, socket or device)  file-unreadable\n${HINT}\n`,
    );
  });

  describe('a socket called like a paper', () => {
    let server: Server | undefined;
    afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

    it('is refused, not read', async () => {
      const dir = content();
      server = createServer();
      await new Promise<void>((listening) => server?.listen(join(dir, 'alpha', 'sock.md'), listening));
      const result = await check(dir);
      expect(result.stdout).toBe(
        `alpha/sock.md:1:1  error  File is not a regular file (a pipe, socket or device)  file-unreadable\n${HINT}\n`,
      );
    });
  });
});
