/**
 * Starting a study as a new group does (#21): `init` writes a small study that checks clean and builds,
 * in English or Chinese; `new` adds a paper, a family or a meeting as documented skeletons that check
 * clean as written, prints where it wrote, and never overwrites.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studykit, useCliRunner } from './run-cli.js';
import { temporaryFolder } from './temporary.js';

// Its builds, one after the other, in one CLI process with a warm Chromium.
useCliRunner();

function pdfTitle(path: string): string | undefined {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return /^Title:\s+(.*)$/m.exec(info)?.[1];
}

describe('studykit init', { timeout: 60_000 }, () => {
  it.each([
    ['en', '2 papers, 1 family, 1 meeting: no problems\n'],
    ['zh', '2 papers, 1 family, 1 meeting: no problems\n'],
  ])('writes a study in %s that checks clean at once', async (language, summary) => {
    const dir = join(temporaryFolder('studykit-init-'), 'study');
    const made = await studykit(['init', dir, '--language', language]);
    expect(made.code, made.stderr).toBe(0);
    // A week after the test's today (2026-11-29).
    expect(made.stdout.split('\n').filter(Boolean)).toEqual(
      [
        'study.md',
        'transformer/family.md',
        'transformer/attention.md',
        'transformer/bert.md',
        'meetings/2026-12-06.md',
      ].map((path) => `wrote ${join(dir, path)}`),
    );
    expect(await studykit(['check', '--content', dir])).toEqual({ code: 0, stdout: '', stderr: summary });
    const study = readFileSync(join(dir, 'study.md'), 'utf8');
    expect(study).toContain(`language: ${language}`);
    if (language === 'zh')
      expect(readFileSync(join(dir, 'transformer/bert.md'), 'utf8')).toContain('## 方法');
  });

  it('builds the lineage and the report of a new study, in its language', async () => {
    const base = temporaryFolder('studykit-init-');
    const dir = join(base, 'study');
    expect((await studykit(['init', dir, '--language', 'zh'])).code).toBe(0);
    const out = join(base, 'out');
    const built = await studykit(['build', '--content', dir, '--out', out, '--only', 'lineage,report']);
    expect(built.code, built.stderr).toBe(0);
    expect(readFileSync(join(out, 'lineage', 'lineage.svg'), 'utf8')).toContain('Transformer');
    // The PDFs' titles and the report's cover speak the study's language.
    expect(pdfTitle(join(out, 'lineage', 'lineage.pdf'))).toBe('Transformer 论文精读 — 论文谱系');
    expect(pdfTitle(join(out, 'lineage', 'lineage-families.pdf'))).toBe('Transformer 论文精读 — 论文谱系');
    const cover = execFileSync('pdftotext', ['-l', '1', join(out, 'report', 'study-report.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(cover).toContain('涵盖的系列');
    expect(cover).not.toMatch(/FAMILIES|COVERED|Study report|Reading group/i);
  });

  it('refuses a folder that is not empty', async () => {
    const dir = temporaryFolder('studykit-init-');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const result = await studykit(['init', dir]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `studykit: ${dir} is not empty; init writes a study into a new folder (see studykit --help)\n`,
    });
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('studykit new', { timeout: 60_000 }, () => {
  async function newStudy(): Promise<string> {
    const dir = join(temporaryFolder('studykit-new-'), 'study');
    expect((await studykit(['init', dir])).code).toBe(0);
    return dir;
  }

  it('adds a family, a paper in its folder and a meeting, each checking clean as written', async () => {
    const dir = await newStudy();
    expect(await studykit(['new', 'family', 'openai', '--content', dir])).toEqual({
      code: 0,
      stdout: `wrote ${join(dir, 'openai/family.md')}\n`,
      stderr: 'next: fill it in, then run studykit check\n',
    });
    const paper = await studykit(['new', 'paper', '--family', 'openai', '--id', 'gpt-2', '--content', dir]);
    expect(paper.stdout).toBe(`wrote ${join(dir, 'openai/gpt-2.md')}\n`);
    const meeting = await studykit(['new', 'meeting', '2026-12-24', '--content', dir]);
    expect(meeting.stdout).toBe(`wrote ${join(dir, 'meetings/2026-12-24.md')}\n`);
    expect(await studykit(['check', '--content', dir])).toEqual({
      code: 0,
      stdout: '',
      stderr: '3 papers, 2 families, 2 meetings: no problems\n',
    });
    const skeleton = readFileSync(join(dir, 'openai/gpt-2.md'), 'utf8');
    // Every field is named, the optional ones commented out, with what they take.
    for (const field of ['id', 'family', 'title', 'short', 'year', 'authors', 'venue', 'url'])
      expect(skeleton).toMatch(new RegExp(`^${field}: .+# `, 'm'));
    for (const field of ['organisation', 'parameters', 'tokens', 'builds_on', 'tags'])
      expect(skeleton).toMatch(new RegExp(`^# ${field}:`, 'm'));
    expect(skeleton.match(/^## .+$/gm)).toEqual([
      '## Motivation',
      '## Approach',
      '## Details',
      '## Results',
      '## Conclusions',
      '## Notes',
    ]);
  });

  it.each([
    [['new', 'paper', '--family', 'transformer', '--id', 'bert'], "paper 'bert' exists: transformer/bert.md"],
    [['new', 'family', 'transformer'], "family 'transformer' exists"],
    [
      ['new', 'paper', '--family', 'nope', '--id', 'x'],
      "unknown family 'nope' (known: transformer); make it first: studykit new family nope",
    ],
    [
      ['new', 'paper', '--family', 'transformer', '--id', 'Bad_Id'],
      "'Bad_Id' is not an id: lowercase letters, digits and single hyphens, at most 64 characters",
    ],
    [['new', 'meeting', '12/24'], "new meeting needs a date: studykit new meeting YYYY-MM-DD; got '12/24'"],
    [['new', 'slide'], "new makes a paper, a family or a meeting; got 'slide'"],
  ])('%j: refused in one line, nothing written or replaced', async (args, message) => {
    const dir = await newStudy();
    const before = readFileSync(join(dir, 'transformer/bert.md'), 'utf8');
    const result = await studykit([...args, '--content', dir]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `studykit: ${message} (see studykit --help)\n` });
    expect(readFileSync(join(dir, 'transformer/bert.md'), 'utf8')).toBe(before);
  });

  it('never overwrites a file that exists under the new name', async () => {
    const dir = await newStudy();
    const meeting = join(dir, 'meetings', '2026-12-06.md');
    const before = readFileSync(meeting, 'utf8');
    const result = await studykit(['new', 'meeting', '2026-12-06', '--content', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `studykit: ${meeting} exists; studykit never overwrites a file (pick another id or remove it) (see studykit --help)\n`,
    );
    expect(readFileSync(meeting, 'utf8')).toBe(before);
  });
});
