/**
 * Every edit rebuilds exactly the outputs whose inputs changed, and `build` and `watch` agree: the same
 * edits, made once between separate builds and once under a running watch, rebuild the same outputs,
 * and each rebuilt deck shows the edit. A renamed paper rebuilds every deck that shows it (its
 * family's, a meeting on it, another family's lineage slide, a meeting on a paper building on it), a
 * meeting's file only that meeting's deck (and the index and calendar that list it), text only one
 * paper's slides show only the decks with those slides, study.md's title everything that prints it;
 * a new Chromium redraws the diagram and the decks (and the report embedding the diagram), never the
 * references. Slidev is the test's fake (decks are still laid out in Chromium), and the decks are
 * built without PDFs; the handouts are printed from decks put on disk by the test (what a deck build
 * leaves: deck.json and the PDF). The edits between builds and under watch start from copies of one
 * first build.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDeck, slide } from '../apps/handout/test/tools.js';
import { readCachePayload } from './cache-formats.js';
import { until } from './processes.js';
import { bin, root, studykit, TEST_ENV, useCliRunner } from './run-cli.js';
import { temporaryFolder } from './temporary.js';

const FAKE_SLIDEV = join(root, 'apps/slides/test/fake-slidev.mjs');
const ENV = { STUDYKIT_SLIDEV_BIN: FAKE_SLIDEV };
const ARGS = ['--no-pdf'];

/** One file standing for each output: rewritten whenever that output is. */
const OUTPUTS: Record<string, string> = {
  'slides/alpha': 'slides/alpha/index.html',
  'slides/beta': 'slides/beta/index.html',
  'slides/gamma': 'slides/gamma/index.html',
  'meetings/2026-12-01': 'meetings/2026-12-01/index.html',
  'meetings/2026-12-08': 'meetings/2026-12-08/index.html',
  lineage: 'lineage/lineage.svg',
  report: 'report/study-report.pdf',
  references: 'references.bib',
  calendar: 'meetings.ics',
  index: 'index.html',
};
const DECKS = ['slides/alpha', 'slides/beta', 'slides/gamma', 'meetings/2026-12-01', 'meetings/2026-12-08'];

/** content-mini, a third family nothing else names, two meetings and a study.md. */
function makeContent(dir: string): string {
  const content = join(dir, 'content');
  cpSync(join(root, 'tests/fixtures/content-mini'), content, { recursive: true });
  mkdirSync(join(content, 'gamma'));
  writeFileSync(
    join(content, 'gamma', 'family.md'),
    '---\nid: gamma\nname: Gamma family\norganisation: Gamma Lab\norder: 3\ncolour: "#2f9e44"\n---\n\nApart from the others.\n',
  );
  writeFileSync(
    join(content, 'gamma', 'gamma-1.md'),
    '---\nid: gamma-1\nfamily: gamma\ntitle: Gamma One\nshort: Gamma-1\nyear: 2024\nauthors: [Ada Lovelace]\nvenue: ICLR 2024\nurl: https://example.org/gamma-1\n---\n\n## Motivation\n\nOn its own.\n\n## Approach\n\nAlone.\n\n## Details\n\nNone.\n\n## Results\n\nSome.\n\n## Conclusions\n\n### Main\n\n- It stands apart.\n',
  );
  mkdirSync(join(content, 'meetings'));
  writeFileSync(
    join(content, 'meetings', '2026-12-01.md'),
    '---\ndate: 2026-12-01\ntitle: Alpha day\npapers: [alpha-1, alpha-2]\n---\n',
  );
  writeFileSync(
    join(content, 'meetings', '2026-12-08.md'),
    '---\ndate: 2026-12-08\ntitle: Beta day\npapers: [beta-1]\n---\n',
  );
  writeFileSync(
    join(content, 'study.md'),
    '---\ntitle: The mini study\ngroup: Test group\n---\n\nA small study.\n',
  );
  return content;
}

/** An edit, and the outputs it must rebuild (every other one is left as it is). */
interface Edit {
  name: string;
  file: string;
  from: string | RegExp;
  to: string;
  rebuilds: string[];
  /** Text each rebuilt deck (its slides.md) then shows. */
  shows?: [folder: string, text: string][];
}

const EDITS: Edit[] = [
  {
    // Nothing any output shows: a blank line at the end moves no text.
    name: 'a blank line at the end of a paper',
    file: 'gamma/gamma-1.md',
    from: '- It stands apart.\n',
    to: '- It stands apart.\n\n',
    rebuilds: [],
  },
  {
    // Its family's deck and the meeting on it show it (and the index and calendar, which name that
    // meeting's papers); beta-1 builds on alpha-2: beta's lineage slide (and facts) and the meeting on
    // beta-1 show it too.
    name: 'a renamed paper',
    file: 'alpha/alpha-2.md',
    from: /^short: Alpha-2$/m,
    to: 'short: Alpha-Second',
    rebuilds: [
      'slides/alpha',
      'slides/beta',
      'meetings/2026-12-01',
      'meetings/2026-12-08',
      'lineage',
      'report',
      'calendar',
      'index',
    ],
    shows: [
      ['slides/alpha', 'Alpha-Second'],
      ['slides/beta', 'Alpha-Second'],
      ['meetings/2026-12-01', 'Alpha-Second'],
    ],
  },
  {
    name: "a meeting's file",
    file: 'meetings/2026-12-01.md',
    from: 'title: Alpha day',
    to: 'title: Alpha afternoon',
    rebuilds: ['meetings/2026-12-01', 'calendar', 'index'],
    shows: [['meetings/2026-12-01', 'Alpha afternoon']],
  },
  {
    name: 'the text of a paper a meeting shows',
    file: 'beta/beta-1.md',
    from: 'Open models.',
    to: 'Open weights, at last.',
    rebuilds: ['slides/beta', 'meetings/2026-12-08', 'report'],
    shows: [
      ['slides/beta', 'Open weights, at last.'],
      ['meetings/2026-12-08', 'Open weights, at last.'],
    ],
  },
  {
    name: "the study's title",
    file: 'study.md',
    from: 'title: The mini study',
    to: 'title: The small study',
    // The diagram's PDFs carry it as their document title.
    rebuilds: ['lineage', ...DECKS, 'report', 'calendar', 'index'],
  },
];

function edit(content: string, { file, from, to }: Edit): void {
  const path = join(content, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(path, after);
}

/** Whether each deck `change` rebuilt shows what it should. */
function expectShown(out: string, change: Edit): void {
  for (const [folder, text] of change.shows ?? [])
    expect(readFileSync(join(out, folder, 'slides.md'), 'utf8'), `${change.name}: ${folder}`).toContain(text);
}

/** Which outputs were rewritten since the last call. */
function rebuiltSince(out: string) {
  const times = () =>
    Object.fromEntries(
      Object.entries(OUTPUTS).map(([name, path]) => [name, statSync(join(out, path)).mtimeMs]),
    );
  let last = times();
  return () => {
    const now = times();
    const changed = Object.keys(OUTPUTS).filter((name) => now[name] !== last[name]);
    last = now;
    return changed.sort();
  };
}

// The file's builds, one after the other, in one CLI process with a warm Chromium (Slidev's stand-in).
useCliRunner(ENV);

/** Builds content/ of `dir` into its out/, with its cache/. */
async function buildFolder(dir: string, env: Record<string, string> = {}) {
  const folders = { content: join(dir, 'content'), out: join(dir, 'out'), cache: join(dir, 'cache') };
  const result = await studykit(
    ['build', '--content', folders.content, '--out', folders.out, '--cache', folders.cache, ...ARGS],
    env,
  );
  expect(result.code, result.stderr).toBe(0);
  return result;
}

/** A copy of `built` (content/, out/, cache/) in a fresh folder. */
function copyOf(built: string, prefix: string): string {
  const dir = temporaryFolder(prefix);
  cpSync(built, dir, { recursive: true });
  return dir;
}

describe('each edit rebuilds exactly what shows it', () => {
  // The content built once: the edits between builds and the edits under watch start from a copy.
  const built = temporaryFolder('studykit-inputs-built-');
  beforeAll(async () => {
    makeContent(built);
    await buildFolder(built);
  }, 300_000);

  it('each deck says in its deck.json the digest the build keeps for it (what a reader of out/ checks a deck against)', () => {
    const kept = readCachePayload<Record<string, string>>(join(built, 'cache', 'outputs.json'));
    const carried = Object.fromEntries(
      DECKS.map((folder) => [
        `deck:${folder}`,
        (JSON.parse(readFileSync(join(built, 'out', folder, 'deck.json'), 'utf8')) as { inputs: string })
          .inputs,
      ]),
    );
    expect(Object.values(carried).every((digest) => /^[0-9a-f]{64}$/.test(digest))).toBe(true);
    expect(new Set(Object.values(carried)).size).toBe(DECKS.length);
    expect(carried).toEqual(
      Object.fromEntries(DECKS.map((folder) => [`deck:${folder}`, kept[`deck:${folder}`]])),
    );
  });

  it('between builds, and a new Chromium redraws the diagram and the decks, not the references', async () => {
    const dir = copyOf(built, 'studykit-inputs-build-');
    const content = join(dir, 'content');
    const out = join(dir, 'out');
    const rebuilt = rebuiltSince(out);
    await buildFolder(dir);
    expect(rebuilt()).toEqual([]);
    for (const change of EDITS) {
      edit(content, change);
      await buildFolder(dir);
      expect(rebuilt(), change.name).toEqual([...change.rebuilds].sort());
      expectShown(out, change);
    }
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('The small study');

    // Another Chromium: a launcher of its own (other bytes) that starts the same browser.
    const chromium = join(dir, 'chromium');
    writeFileSync(chromium, '#!/bin/sh\n# another Chromium\nexec /usr/bin/chromium "$@"\n');
    chmodSync(chromium, 0o755);
    await buildFolder(dir, { STUDYKIT_CHROMIUM: chromium });
    // The report embeds the redrawn diagram.
    expect(rebuilt()).toEqual([...DECKS, 'lineage', 'report'].sort());
  }, 600_000);

  it('under watch: the same answers', async () => {
    const dir = copyOf(built, 'studykit-inputs-watch-');
    const content = join(dir, 'content');
    const out = join(dir, 'out');
    let stderr = '';
    const folders = ['--content', content, '--out', out, '--cache', join(dir, 'cache')];
    const watcher: ChildProcess = spawn('node', [bin, 'watch', ...folders, ...ARGS], {
      cwd: root,
      env: { ...process.env, ...TEST_ENV, ...ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    afterAll(() => {
      if (watcher.exitCode === null) watcher.kill('SIGKILL');
    });
    watcher.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const cycles = () => stderr.split('watch: ready').length - 1;
    await until('the first build', () => stderr.includes('watch: watching'), 300_000);
    const rebuilt = rebuiltSince(out);
    for (const change of EDITS) {
      const before = cycles();
      edit(content, change);
      await until(`the rebuild after ${change.name}`, () => cycles() > before, 300_000);
      expect(rebuilt(), change.name).toEqual([...change.rebuilds].sort());
      expectShown(out, change);
    }
    const exited = new Promise((resolve) => watcher.once('exit', resolve));
    watcher.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 900_000);

  it('a handout follows its deck and the study title, and nothing else', async () => {
    const dir = temporaryFolder('studykit-inputs-handouts-');
    const content = makeContent(dir);
    const out = join(dir, 'out');
    // What a deck build leaves: deck.json and the PDF, a page per slide.
    const putDeck = async (folder: string, title: string) => {
      const slides = [slide(title, ['A note']), slide(`${title}, part two`)];
      mkdirSync(join(out, folder), { recursive: true });
      writeFileSync(
        join(out, folder, 'deck.json'),
        JSON.stringify({ family: folder, kind: 'family', title, slides, fonts: [] }),
      );
      mkdirSync(dirname(join(out, `${folder}.pdf`)), { recursive: true });
      writeFileSync(join(out, `${folder}.pdf`), await makeDeck(slides));
    };
    for (const folder of DECKS) await putDeck(folder, folder);
    const handouts = {
      alpha: 'handout/alpha.pdf',
      beta: 'handout/beta.pdf',
      gamma: 'handout/gamma.pdf',
      'meeting-2026-12-01': 'handout/meeting-2026-12-01.pdf',
      'meeting-2026-12-08': 'handout/meeting-2026-12-08.pdf',
    };
    const build = async () => {
      const result = await studykit(['build', '--content', content, '--out', out, '--only', 'handout']);
      expect(result.code, result.stderr).toBe(0);
    };
    await build();
    // A meeting's handout is dated by its meeting; a family's by the day it was printed (the test's today).
    const header = (path: string) =>
      execFileSync('pdftotext', ['-l', '1', join(out, path), '-'], { encoding: 'utf8' });
    expect(header(handouts['meeting-2026-12-08'])).toContain('8 December 2026');
    expect(header(handouts.alpha)).toContain('29 November 2026');
    let times = Object.fromEntries(
      Object.entries(handouts).map(([name, path]) => [name, statSync(join(out, path)).mtimeMs]),
    );
    const rebuilt = () => {
      const now = Object.fromEntries(
        Object.entries(handouts).map(([name, path]) => [name, statSync(join(out, path)).mtimeMs]),
      );
      const changed = Object.keys(handouts).filter((name) => now[name] !== times[name]);
      times = now;
      return changed.sort();
    };
    await build();
    expect(rebuilt()).toEqual([]);
    // A meeting's deck rebuilt (its file was edited): that meeting's handout alone.
    await putDeck('meetings/2026-12-01', 'Alpha afternoon');
    await build();
    expect(rebuilt()).toEqual(['meeting-2026-12-01']);
    // A paper's text: the handouts print the decks, not the papers; the decks say when they change.
    edit(content, EDITS[3] as Edit);
    await build();
    expect(rebuilt()).toEqual([]);
    // The study's title is in every handout's header.
    edit(content, EDITS[4] as Edit);
    await build();
    expect(rebuilt()).toEqual(Object.keys(handouts).sort());
  }, 300_000);
});
