import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { loadContent } from '@studykit/core/fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, root, studykit } from './run-cli.js';

const mini = join(root, 'tests/fixtures/content-mini');

describe('studykit build writes the references', () => {
  const out = mkdtempSync(join(tmpdir(), 'studykit-references-'));
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
