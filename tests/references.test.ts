import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { loadContent } from '@studykit/core/fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, root, studykit, useCliRunner } from './run-cli.js';
import { temporaryFolder } from './temporary.js';

// Its builds, one after the other, in one CLI process with a warm Chromium.
useCliRunner();

const mini = join(root, 'tests/fixtures/content-mini');

describe('studykit build writes the references', () => {
  const out = temporaryFolder('studykit-references-');
  let result: CliResult;

  // `--only index` is the lightest build; references.bib and references.json come with every build.
  beforeAll(async () => {
    result = await studykit(['build', '--content', mini, '--out', out, '--only', 'index']);
  }, 60_000);

  it('a references.bib that a BibTeX parser reads back with every paper of content-mini', async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^references: wrote .*references\.bib, .*references\.json$/m);
    const ast = await loadContent(mini);
    const library = parseBibtex(readFileSync(join(out, 'references.bib'), 'utf8'), { sentenceCase: false });
    expect(library.errors).toEqual([]);
    expect(library.entries.map((entry) => entry.key)).toEqual(ast.papers.map((paper) => paper.id));
    for (const paper of ast.papers) {
      const entry = library.entries.find((candidate) => candidate.key === paper.id);
      expect(entry?.fields.title).toBe(paper.title);
      expect(entry?.fields.year).toBe(String(paper.year));
      expect(entry?.fields.author).toHaveLength(paper.authors.length);
    }
  });

  it('a references.json of CSL-JSON items, one per paper', async () => {
    const ast = await loadContent(mini);
    const items = JSON.parse(readFileSync(join(out, 'references.json'), 'utf8')) as {
      id: string;
      title: string;
    }[];
    expect(items.map((item) => [item.id, item.title])).toEqual(
      ast.papers.map((paper) => [paper.id, paper.title]),
    );
  });

  it('links both from the index page', () => {
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a href="references.bib">references.bib</a>');
    expect(index).toContain('<a href="references.json">references.json</a>');
  });
});

describe('control characters in a title or an author', () => {
  const dir = temporaryFolder('studykit-references-controls-');
  const content = join(dir, 'content');
  const out = join(dir, 'out');
  let result: CliResult;

  // YAML's double-quoted escapes: NUL, BEL, ESC, a C1 control and the bidi overrides.
  beforeAll(async () => {
    cpSync(mini, content, { recursive: true });
    const paper = join(content, 'alpha/alpha-1.md');
    writeFileSync(
      paper,
      readFileSync(paper, 'utf8')
        .replace(/^title: .*$/m, 'title: "Alpha\\0 One \\u202Egnp.exe\\u202C \\a\\e[31m\\u009B"')
        .replace(/^authors: .*$/m, 'authors: ["Ada \\u202ELovelace", "Alan\\x07 Turing"]'),
    );
    result = await studykit([
      'build',
      '--content',
      content,
      '--out',
      out,
      '--cache',
      join(dir, 'cache'),
      '--only',
      'index',
    ]);
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('never reach references.bib or references.json: the text is read without them', () => {
    expect(result.code, result.stderr).toBe(0);
    const bib = readFileSync(join(out, 'references.bib'), 'utf8');
    const json = readFileSync(join(out, 'references.json'), 'utf8');
    for (const file of [bib, json]) expect(file.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\p{Bidi_Control}]/u);
    const entry = parseBibtex(bib, { sentenceCase: false }).entries.find((e) => e.key === 'alpha-1');
    expect(entry?.fields.title).toBe('Alpha One gnp.exe [31m');
    expect(entry?.fields.author?.map((a) => `${a.firstName} ${a.lastName}`)).toEqual([
      'Ada Lovelace',
      'Alan Turing',
    ]);
    const items = JSON.parse(json) as { id: string; title: string; author: unknown[] }[];
    const item = items.find((candidate) => candidate.id === 'alpha-1');
    expect(item?.title).toBe('Alpha One gnp.exe [31m');
    expect(item?.author).toEqual([
      { given: 'Ada', family: 'Lovelace' },
      { given: 'Alan', family: 'Turing' },
    ]);
  });
});
