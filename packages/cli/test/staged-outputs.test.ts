import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StagedOutputs } from '../src/staged-outputs.js';

const made: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'studykit-staged-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A built deck folder in a scratch folder of the staging area, as Slidev leaves one. */
async function builtFolder(staged: StagedOutputs, name: string, html: string): Promise<string> {
  const from = join(await staged.scratch('sites'), name);
  mkdirSync(from, { recursive: true });
  writeFileSync(join(from, 'index.html'), html);
  return from;
}

describe('staged outputs', () => {
  it('lands nothing until commit, then every file and folder at once', async () => {
    const out = fresh();
    mkdirSync(join(out, 'slides', 'a'), { recursive: true });
    writeFileSync(join(out, 'slides', 'a', 'index.html'), 'old deck');
    writeFileSync(join(out, 'slides', 'a', 'stale.js'), 'only in the old deck');
    const staged = await StagedOutputs.open(out);
    await staged.stageFiles([{ path: 'report/study-report.pdf', contents: 'new report' }]);
    await staged.stageFolder('slides/a', await builtFolder(staged, 'a', 'new deck'));
    expect(existsSync(join(out, 'report'))).toBe(false);
    expect(readFileSync(join(out, 'slides', 'a', 'index.html'), 'utf8')).toBe('old deck');
    // Reads see the build's own view: staged first, then out/.
    expect((await staged.read('slides/a/index.html'))?.toString()).toBe('new deck');
    expect(await staged.exists('slides/a/stale.js')).toBe(false);
    expect(await staged.exists('report/study-report.pdf')).toBe(true);

    await staged.commit();
    await staged.close();
    expect(readFileSync(join(out, 'report', 'study-report.pdf'), 'utf8')).toBe('new report');
    expect(readdirSync(join(out, 'slides', 'a'))).toEqual(['index.html']);
    expect(readdirSync(out).sort()).toEqual(['report', 'slides']);
  });

  it('a build killed while committing is finished by the next one, from its journal', async () => {
    const out = fresh();
    const staged = await StagedOutputs.open(out);
    await staged.stageFiles([
      { path: 'a.txt', contents: 'new a' },
      { path: 'b.txt', contents: 'new b' },
    ]);
    await staged.stageFolder('slides/x', await builtFolder(staged, 'x', 'new x'));
    // Killed after the first rename.
    await expect(staged.commit({ stopAfter: 1 })).rejects.toThrow('commit stopped');
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('new a');
    expect(existsSync(join(out, 'b.txt'))).toBe(false);

    const next = await StagedOutputs.open(out);
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toBe('new b');
    expect(readFileSync(join(out, 'slides', 'x', 'index.html'), 'utf8')).toBe('new x');
    await next.close();
    expect(readdirSync(out).sort()).toEqual(['a.txt', 'b.txt', 'slides']);
  });

  it('a build killed before committing is dropped by the next one; folders without the marker are left', async () => {
    const out = fresh();
    const staged = await StagedOutputs.open(out);
    await staged.stageFiles([{ path: 'a.txt', contents: 'never landed' }]);
    const stranger = join(out, '.studykit', 'staging', 'not-ours');
    mkdirSync(stranger, { recursive: true });
    writeFileSync(join(stranger, 'file'), 'keep');
    const next = await StagedOutputs.open(out);
    expect(existsSync(join(out, 'a.txt'))).toBe(false);
    expect(existsSync(staged.dir)).toBe(false);
    expect(readFileSync(join(stranger, 'file'), 'utf8')).toBe('keep');
    await next.close();
  });

  it('refuses output paths that leave out/ or enter studykit’s own folder', async () => {
    const staged = await StagedOutputs.open(fresh());
    for (const path of ['../x', 'a/../../x', '/etc/passwd', '.studykit/lock', 'a//b', '']) {
      await expect(staged.stageFiles([{ path, contents: 'x' }]), path).rejects.toThrow(
        /refusing the output path/,
      );
    }
    await staged.close();
  });
});
