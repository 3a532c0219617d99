/**
 * Outputs are skipped when their inputs are unchanged, rebuilt when they change, and the report never
 * embeds a lineage diagram older than the content (after a `builds_on` edit, `--only report`).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, studykit, useCliRunner } from './run-cli.js';
import { builtMini } from './shared-build.js';
import { missingTool, skipNote } from './skips.js';
import { temporaryFolder } from './temporary.js';

// Its builds, one after the other, in one CLI process with a warm Chromium.
useCliRunner();

const noPdftotext = missingTool('pdftotext');
const FAKE_SLIDEV = join(root, 'apps/slides/test/fake-slidev.mjs');

function fixture() {
  const dir = temporaryFolder('studykit-incremental-');
  const content = join(dir, 'content');
  cpSync(join(root, 'tests/fixtures/content-mini'), content, { recursive: true });
  return { content, out: join(dir, 'out') };
}

/**
 * The small fixture with its diagram and report already built (once per run, tests/shared-build.ts):
 * a copy of it, and `studykit build` on that copy.
 */
async function built() {
  const { content, out, cache } = await builtMini();
  const build = (args: string[]) =>
    studykit(['build', '--content', content, '--out', out, '--cache', cache, ...args]);
  return { content, out, build };
}

const mtime = (path: string) => statSync(path).mtimeMs;
const text = (pdf: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });

describe('incremental builds', () => {
  it('skip the diagram and the report when nothing they read changed, and --force redraws them', async () => {
    const { content, out, build } = await built();
    const only = ['--only', 'lineage,report'];
    const svg = join(out, 'lineage', 'lineage.svg');
    const report = join(out, 'report', 'study-report.pdf');
    const [svgTime, reportTime] = [mtime(svg), mtime(report)];

    const again = await build(only);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/lineage: unchanged/);
    expect(again.stderr).toMatch(/report: unchanged/);
    expect([mtime(svg), mtime(report)]).toEqual([svgTime, reportTime]);

    // Text inside a section: the report prints it, the diagram does not draw it.
    const paper = join(content, 'alpha', 'alpha-1.md');
    writeFileSync(
      paper,
      readFileSync(paper, 'utf8').replace('## Motivation\n', '## Motivation\n\nA new sentence.\n'),
    );
    const edited = await build(only);
    expect(edited.stderr).toMatch(/lineage: unchanged/);
    expect(edited.stderr).not.toMatch(/report: unchanged/);
    expect(mtime(report)).toBeGreaterThan(reportTime);

    const forced = await build([...only, '--force']);
    expect(forced.stderr).not.toMatch(/unchanged/);
    expect(mtime(svg)).toBeGreaterThan(svgTime);
  }, 240_000);

  it.skipIf(noPdftotext)(
    `the report embeds the diagram of the current content, never a stale lineage.pdf${skipNote(noPdftotext)}`,
    async () => {
      const { content, out, build } = await built();
      const paper = join(content, 'alpha', 'alpha-2.md');
      writeFileSync(
        paper,
        readFileSync(paper, 'utf8').replace(
          '    kind: scales-up\n',
          '    kind: scales-up\n    label: brandnewlink\n',
        ),
      );
      const result = await build(['--only', 'report']);
      expect(result.code, result.stderr).toBe(0);
      expect(text(join(out, 'report', 'study-report.pdf'))).toContain('brandnewlink');
      // Only the report was asked for: the diagram files on disk are left as they were.
      expect(text(join(out, 'lineage', 'lineage.pdf'))).not.toContain('brandnewlink');
    },
    240_000,
  );

  it('redraw only the family diagrams an edit shows in; the others are taken from disk', async () => {
    const { content, out, build } = await built();
    const only = ['--only', 'lineage'];
    // Mark alpha's diagram on disk: a build that draws it again loses the mark.
    const alphaSvg = join(out, 'lineage', 'lineage-alpha.svg');
    writeFileSync(alphaSvg, readFileSync(alphaSvg, 'utf8').replace('<style>', '<!-- kept --><style>'));
    // Beta-1's short name shows in beta's diagram only (nothing builds on beta-1).
    const paper = join(content, 'beta', 'beta-1.md');
    writeFileSync(paper, readFileSync(paper, 'utf8').replace(/^short: .*$/m, 'short: Beta-One'));
    const edited = await build(only);
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.stderr).toMatch(/lineage: wrote \d+ files to .* \(1 family diagram unchanged\)/);
    expect(readFileSync(alphaSvg, 'utf8')).toContain('<!-- kept -->');
    expect(readFileSync(join(out, 'lineage', 'lineage-beta.svg'), 'utf8')).toContain('Beta-One');
    // The families' PDF is printed from both, old and new.
    if (!noPdftotext) expect(text(join(out, 'lineage', 'lineage-families.pdf'))).toContain('Beta-One');
    const forced = await build([...only, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(alphaSvg, 'utf8')).not.toContain('<!-- kept -->');
  }, 240_000);

  it('rebuild only the deck of the family an edit touches; with nothing changed the slides app never loads', async () => {
    const { content, out } = fixture();
    const only = ['--only', 'slides', '--no-pdf'];
    // What is rebuilt is decided before Slidev runs: its stand-in writes the sites (decks are still
    // planned and laid out in Chromium), so each build takes seconds instead of a Slidev build a deck.
    const build = () =>
      studykit(['build', '--content', content, '--out', out, ...only], { STUDYKIT_SLIDEV_BIN: FAKE_SLIDEV });
    const first = await build();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/slides: built alpha, beta/);
    const again = await build();
    expect(again.stderr).toMatch(/slides: nothing to rebuild; unchanged: alpha, beta/);
    const paper = join(content, 'alpha', 'alpha-1.md');
    writeFileSync(
      paper,
      readFileSync(paper, 'utf8').replace('## Motivation\n', '## Motivation\n\nA new sentence.\n'),
    );
    const edited = await build();
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.stderr).toMatch(/slides: built alpha; unchanged: beta/);
  }, 300_000);
});
