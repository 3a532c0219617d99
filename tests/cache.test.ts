/**
 * The persistent parse cache (<cache>/parse-cache.bin): an unchanged file comes from the cache, an
 * edit is seen, a damaged cache is ignored and rewritten, and a deleted file leaves the AST. And the
 * formatted references (<cache>/references.bin), which the report and the decks share.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseCache } from '@studykit/core';
import { describe, expect, it } from 'vitest';
import { readCachePayload, writeCachePayload } from './cache-formats.js';
import { type CliResult, root, studykit, studykitBuild, useCliRunner } from './run-cli.js';
import { temporaryFolder } from './temporary.js';

// Its builds, one after the other, in one CLI process with a warm Chromium.
useCliRunner();

/** `studykit check` of a copy, with the cache beside its out/. */
function checkCopy(content: string, out: string, env: Record<string, string> = {}): Promise<CliResult> {
  return studykit(['check', '--content', content, '--out', out, '--cache', join(out, '..', 'cache')], env);
}

function copyOfMini(): { content: string; out: string; cacheFile: string } {
  const dir = temporaryFolder('studykit-cache-');
  const content = join(dir, 'content');
  cpSync(join(root, 'tests/fixtures/content-mini'), content, { recursive: true });
  const out = join(dir, 'out');
  return { content, out, cacheFile: join(dir, 'cache', 'parse-cache.bin') };
}

async function titles(content: string, out: string, extra: string[] = []): Promise<string[]> {
  const result = await studykit([
    'ast',
    '--content',
    content,
    '--out',
    out,
    ...(extra.length > 0 ? extra : ['--cache', join(out, '..', 'cache')]),
  ]);
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { papers: { title: string }[] }).papers.map((paper) => paper.title);
}

describe('the persistent parse cache', () => {
  it('serves unchanged files from the cache and parses edited ones again', async () => {
    const { content, out, cacheFile } = copyOfMini();
    const first = await titles(content, out);
    expect(existsSync(cacheFile)).toBe(true);
    // Poison the cached result of one file: if the CLI re-parsed it, the poison would not show.
    const cache = readCachePayload<ParseCache>(cacheFile);
    const [path, entry] = [...cache].find(([, result]) => result.paper) ?? [];
    if (!path || !entry?.paper) throw new Error('no paper in the parse cache');
    entry.paper.title = 'From the cache';
    writeCachePayload(cacheFile, new Map([...cache, [path, entry]]));
    expect(await titles(content, out)).toContain('From the cache');
    // An edit to that file is seen: it is parsed again.
    const file = join(content, path);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Edited title'));
    const edited = await titles(content, out);
    expect(edited).toContain('Edited title');
    expect(edited).not.toContain('From the cache');
    expect(edited.length).toBe(first.length);
    rmSync(join(content, '..'), { recursive: true, force: true });
  });

  it('ignores a damaged cache and writes a good one', async () => {
    const { content, out, cacheFile } = copyOfMini();
    const first = await titles(content, out);
    writeFileSync(cacheFile, readFileSync(cacheFile).subarray(0, 100)); // a crash mid-write
    expect(await titles(content, out)).toEqual(first);
    expect(() => readCachePayload(cacheFile)).not.toThrow();
    writeFileSync(cacheFile, 'not a cache at all');
    expect(await titles(content, out)).toEqual(first);
    rmSync(join(content, '..'), { recursive: true, force: true });
  });

  it('drops a deleted file from the AST, and lives where --cache says', async () => {
    const { content, out } = copyOfMini();
    const cacheDir = join(content, '..', 'elsewhere');
    const before = await titles(content, out, ['--cache', cacheDir]);
    expect(existsSync(join(cacheDir, 'parse-cache.bin'))).toBe(true);
    expect(existsSync(join(out, '.cache'))).toBe(false);
    // beta-1 builds on the alpha papers; nothing builds on it, so it can go.
    rmSync(join(content, 'beta', 'beta-1.md'));
    const after = await titles(content, out, ['--cache', cacheDir]);
    expect(after.length).toBe(before.length - 1);
    rmSync(join(content, '..'), { recursive: true, force: true });
  });

  it('check answers from its summary when nothing changed, and checks again after any edit', async () => {
    const { content, out } = copyOfMini();
    const first = await checkCopy(content, out);
    expect(first.code).toBe(0);
    const summary = join(out, '..', 'cache', 'check-summary.json');
    // Mark the summary: a check that answers from it prints the mark.
    const stored = readCachePayload<object>(summary);
    writeCachePayload(summary, { ...stored, stdout: 'from the summary', code: 0 });
    expect((await checkCopy(content, out)).stdout).toBe('from the summary\n');
    // Any edit (here: a broken year) runs the real check again.
    const paper = join(content, 'alpha', 'alpha-1.md');
    writeFileSync(paper, readFileSync(paper, 'utf8').replace(/^year: .*$/m, 'year: 1850'));
    const edited = await checkCopy(content, out);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toMatch(/^alpha\/alpha-1\.md:\d+:\d+ {2}error {2}Year 1850 is outside 1950–2026/);
    // And the year it checks against is part of the summary: another "today" checks again.
    const later = await checkCopy(content, out, {
      SOURCE_DATE_EPOCH: String(Date.UTC(2031, 0, 1) / 1000),
    });
    expect(later.stdout).toContain('1950–2031');
    rmSync(join(content, '..'), { recursive: true, force: true });
  });

  it('prints references from the cache, formats an edited paper again, and ignores a damaged file', async () => {
    const { content, out } = copyOfMini();
    const referencesFile = join(out, '..', 'cache', 'references.bin');
    // The diagrams first: each report below embeds them from disk instead of starting Chromium.
    const lineage = await studykitBuild(
      { content, out, cache: join(out, '..', 'cache') },
      '--only',
      'lineage',
    );
    expect(lineage.code, lineage.stderr).toBe(0);
    const report = async () => {
      const result = await studykitBuild(
        { content, out, cache: join(out, '..', 'cache') },
        '--only',
        'report',
        '--force',
      );
      expect(result.code, result.stderr).toBe(0);
      // One line per reference: pdftotext keeps the report's reading order.
      return execFileSync('pdftotext', [join(out, 'report', 'study-report.pdf'), '-'], { encoding: 'utf8' });
    };
    expect(await report()).toContain('Hopper, G. (2020). Alpha Two. NeurIPS 2020.');
    // Poison every cached reference: a report that formats them again would not show the poison.
    const stored = readCachePayload<Map<string, [string, string][]>>(referencesFile);
    const poisoned = [...stored].map(([key, entries]) => [key, entries.map(([id]) => [id, `Cached ${id}.`])]);
    writeCachePayload(referencesFile, new Map(poisoned as [string, string[][]][]));
    const fromCache = await report();
    expect(fromCache).toContain('Cached alpha-2.');
    expect(fromCache).not.toContain('Hopper, G. (2020)');
    // An edited paper is formatted again; the others still come from the cache.
    const paper = join(content, 'alpha', 'alpha-2.md');
    writeFileSync(paper, readFileSync(paper, 'utf8').replace(/^title: .*$/m, 'title: Alpha Two, revised'));
    const edited = await report();
    expect(edited).toContain('Hopper, G. (2020). Alpha Two, revised. NeurIPS 2020.');
    expect(edited).toContain('Cached beta-1.');
    // A damaged file costs only time.
    writeFileSync(referencesFile, 'not a cache');
    expect(await report()).toContain('Liskov, B. (2023). Beta One. ACL 2023.');
    rmSync(join(content, '..'), { recursive: true, force: true });
  }, 60_000);
});
