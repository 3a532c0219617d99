/**
 * `watch` and `present` end with the process that started them: when their parent goes (a killed
 * `pnpm studykit watch`, a closed terminal), no node, no Chromium and no open port is left behind.
 * The parent here is a shell that, like pnpm, does not pass a signal it receives on to its child.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alive, descendants, until } from './processes.js';
import { bin, root, TEST_ENV } from './run-cli.js';
import { temporaryFolder } from './temporary.js';

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** `sh -c 'node studykit …; true'`: the shell stays the parent and does not forward signals. */
function underShell(args: string[]): { shell: ChildProcess; output: () => string } {
  const quoted = [bin, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  const shell = spawn('sh', ['-c', `node ${quoted}; true`], {
    cwd: root,
    env: { ...process.env, ...TEST_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  shell.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  shell.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return { shell, output: () => output };
}

describe('long-running commands end with their parent', () => {
  it('present: the parent killed, the server stops and its port closes', async () => {
    const out = temporaryFolder('studykit-stop-');
    writeFileSync(join(out, 'index.html'), '<!doctype html><title>x</title>');
    const { shell, output } = underShell(['present', '--out', out]);
    await until('the URL', () => /127\.0\.0\.1:(\d+)/.test(output()));
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(output())?.[1]);
    const node = descendants(shell.pid as number);
    expect(node.length).toBe(1);
    expect(await portOpen(port)).toBe(true);
    shell.kill('SIGKILL');
    await until('node to exit', () => node.every((pid) => !alive(pid)), 10_000);
    expect(await portOpen(port)).toBe(false);
  }, 60_000);

  it('watch: the parent killed, node and its Chromium exit', async () => {
    const dir = temporaryFolder('studykit-stop-');
    const content = join(dir, 'content');
    mkdirSync(content);
    cpSync(join(root, 'tests/fixtures/content-mini'), content, { recursive: true });
    const { shell, output } = underShell([
      'watch',
      '--content',
      content,
      '--out',
      join(dir, 'out'),
      '--cache',
      join(dir, 'cache'),
      '--only',
      'lineage',
    ]);
    await until('the first build', () => output().includes('watch: watching'), 120_000);
    const left = descendants(shell.pid as number);
    // node, and the warm Chromium under it
    expect(left.length).toBeGreaterThan(1);
    shell.kill('SIGKILL');
    await until('every process to exit', () => left.every((pid) => !alive(pid)), 15_000);
  }, 180_000);

  it('watch --serve: the parent killed, node, its Chromium and the served port are gone', async () => {
    const dir = temporaryFolder('studykit-stop-');
    const content = join(dir, 'content');
    mkdirSync(content);
    cpSync(join(root, 'tests/fixtures/content-mini'), content, { recursive: true });
    const { shell, output } = underShell([
      'watch',
      '--serve',
      '--port',
      '0',
      '--content',
      content,
      '--out',
      join(dir, 'out'),
      '--cache',
      join(dir, 'cache'),
      '--only',
      'lineage',
    ]);
    await until('the first build', () => output().includes('watch: watching'), 120_000);
    const port = Number(/Live preview: http:\/\/127\.0\.0\.1:(\d+)/.exec(output())?.[1]);
    expect(await portOpen(port)).toBe(true);
    const left = descendants(shell.pid as number);
    shell.kill('SIGKILL');
    await until('every process to exit', () => left.every((pid) => !alive(pid)), 15_000);
    expect(await portOpen(port)).toBe(false);
  }, 180_000);

  it('SIGHUP (a closed terminal) stops present cleanly, exit 0', async () => {
    const dir = temporaryFolder('studykit-stop-');
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), '<!doctype html><title>x</title>');
    const present = spawn('node', [bin, 'present', '--out', out], {
      cwd: root,
      env: { ...process.env, ...TEST_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    present.stdout?.on('data', (chunk) => {
      text += chunk;
    });
    await until('the URL', () => text.includes('127.0.0.1'));
    const exited = new Promise<number | null>((resolve) => present.once('exit', (code) => resolve(code)));
    present.kill('SIGHUP');
    expect(await exited).toBe(0);
  }, 30_000);
});

describe('the workspace has a studykit command', () => {
  it('pnpm exec studykit --help', () => {
    const help = execFileSync('pnpm', ['exec', 'studykit', '--help'], { cwd: root, encoding: 'utf8' });
    expect(help).toMatch(/^Usage: studykit <command> \[options\]/);
  });
});
