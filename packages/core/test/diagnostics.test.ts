import { describe, expect, it } from 'vitest';
import { FAMILY, lines, PAPER, parseFiles, withPaper } from './helpers.js';

const paper2 = (frontmatterExtra: string) => `---
id: alpha-2
family: alpha
title: Alpha Two
short: Alpha-2
year: 2020
authors: [Grace Hopper]
venue: arXiv
url: https://example.org/alpha-2
${frontmatterExtra}
---

## Conclusions

- Fine.
`;

describe('one diagnostic per rule, at the exact place', () => {
  it('accepts the valid paper', () => {
    expect(lines(withPaper(PAPER))).toEqual([]);
  });

  it('yaml-syntax', () => {
    const ast = withPaper(PAPER.replace('year: 2018', 'year: 2018: 2019'));
    expect(ast.diagnostics).toEqual([
      expect.objectContaining({
        line: 6,
        column: 11,
        message: 'The value holds `: `, which YAML reads as the start of another field',
        hint: 'Quote the whole value: year: "2018: 2019"',
      }),
    ]);
    expect(ast.papers).toEqual([]);
  });

  it('yaml-syntax: an unclosed quote points at the quote', () => {
    expect(lines(withPaper(PAPER.replace('title: Alpha One', 'title: "Alpha One')))).toEqual([
      'alpha/alpha-1.md:4:8  error  The `"` opened here is never closed  yaml-syntax',
    ]);
  });

  it('yaml-syntax: an unclosed `[` points at the `[`, not at the next line', () => {
    const ast = withPaper(PAPER.replace('title: Alpha One', 'title: [Evaluating Large Language Models'));
    expect(lines(ast)).toEqual([
      'alpha/alpha-1.md:4:8  error  The `[` opened here is never closed  yaml-syntax',
    ]);
    expect(ast.diagnostics[0]).toMatchObject({ line: 4, column: 8, endLine: 4, endColumn: 9 });
  });

  it('yaml-syntax: an unclosed `{` points at the `{`', () => {
    expect(lines(withPaper(PAPER.replace('title: Alpha One', 'title: {text: Alpha One')))).toEqual([
      'alpha/alpha-1.md:4:8  error  The `{` opened here is never closed  yaml-syntax',
    ]);
  });

  it('yaml-syntax: nested unclosed brackets each point at their own `[`; a closed inner one is not blamed', () => {
    expect(lines(withPaper(PAPER.replace('authors: [Ada Lovelace]', 'authors: [Ada, [Lovelace')))).toEqual([
      'alpha/alpha-1.md:7:10  error  The `[` opened here is never closed  yaml-syntax',
      'alpha/alpha-1.md:7:16  error  The `[` opened here is never closed  yaml-syntax',
    ]);
    expect(lines(withPaper(PAPER.replace('authors: [Ada Lovelace]', 'authors: [Ada, [Lovelace]')))).toEqual([
      'alpha/alpha-1.md:7:10  error  The `[` opened here is never closed  yaml-syntax',
    ]);
  });

  it('yaml-syntax: an unclosed `[` at the top of the block and one inside a list', () => {
    expect(lines(withPaper('---\n[a, b\n---\n'))).toContain(
      'alpha/alpha-1.md:2:1  error  The `[` opened here is never closed  yaml-syntax',
    );
    expect(
      lines(withPaper(PAPER.replace('authors: [Ada Lovelace]', 'authors:\n  - [Ada, Lovelace\n  - Turing'))),
    ).toEqual(['alpha/alpha-1.md:8:5  error  The `[` opened here is never closed  yaml-syntax']);
  });

  it('yaml-syntax: an alias without its anchor (found by the property test)', () => {
    expect(lines(withPaper('---\n*!\n---\n'))[0]).toBe(
      'alpha/alpha-1.md:1:1  error  Invalid YAML: Unresolved alias (the anchor must be set before the alias): !  yaml-syntax',
    );
  });

  it('frontmatter-missing: none at all', () => {
    expect(lines(withPaper('# Just text\n'))).toContain(
      'alpha/alpha-1.md:1:1  error  File has no frontmatter (it must start with a line `---`)  frontmatter-missing',
    );
  });

  it('frontmatter-missing: never closed', () => {
    const ast = withPaper(PAPER.replace('---\n\n## Motivation', '\n## Motivation'));
    expect(lines(ast)).toContain(
      'alpha/alpha-1.md:1:1  error  Frontmatter is not closed: no line `---` ends it  frontmatter-missing',
    );
  });

  it('field-missing points at the frontmatter', () => {
    expect(lines(withPaper(PAPER.replace('title: Alpha One\n', '')))).toEqual([
      'alpha/alpha-1.md:1:1  error  Missing required field `title`  field-missing',
    ]);
  });

  it('field-type points at the value', () => {
    expect(lines(withPaper(PAPER.replace('year: 2018', 'year: twenty')))).toEqual([
      'alpha/alpha-1.md:6:7  error  Field `year` must be a whole number such as 2020, got "twenty"  field-type',
    ]);
  });

  it('field-type inside a list', () => {
    expect(lines(withPaper(PAPER.replace('authors: [Ada Lovelace]', 'authors: [Ada Lovelace, 42]')))).toEqual(
      ['alpha/alpha-1.md:7:25  error  Field `authors[1]` must be a name (text), got 42  field-type'],
    );
  });

  it('field-type for a colour', () => {
    const ast = parseFiles({
      'alpha/family.md': FAMILY.replace('"#10a37f"', 'green'),
      'alpha/alpha-1.md': PAPER,
    });
    expect(lines(ast)).toContain(
      'alpha/family.md:6:9  error  Field `colour` must be a hex colour such as "#10a37f" (quoted), got "green"  field-type',
    );
  });

  it('field-unknown is an error at the key, with a suggestion', () => {
    const ast = withPaper(PAPER.replace('year: 2018', 'year: 2018\nbuilds-on: []'));
    expect(lines(ast)).toEqual(['alpha/alpha-1.md:7:1  error  Unknown field `builds-on`  field-unknown']);
    expect(ast.diagnostics[0]?.hint).toBe('Did you mean `builds_on`?');
    expect(ast.papers).toHaveLength(1);
  });

  it('id-filename: id differs from the file name', () => {
    expect(lines(withPaper(PAPER.replace('id: alpha-1', 'id: alpha-one')))).toEqual([
      'alpha/alpha-1.md:2:5  error  Paper id `alpha-one` differs from its file name `alpha-1.md`  id-filename',
    ]);
  });

  it('id-filename: the file name is not an id', () => {
    const ast = parseFiles({ 'alpha/family.md': FAMILY, 'alpha/Alpha One.md': PAPER });
    expect(lines(ast)).toEqual([
      'alpha/Alpha One.md:1:1  error  File name `Alpha One.md` is not a valid id: it contains an upper-case letter (`A`)  id-filename',
    ]);
  });

  it('id-duplicate across families', () => {
    const other = FAMILY.replace('id: alpha', 'id: beta');
    const ast = parseFiles({
      'alpha/family.md': FAMILY,
      'alpha/alpha-1.md': PAPER,
      'beta/family.md': other,
      'beta/alpha-1.md': PAPER.replace('family: alpha', 'family: beta'),
    });
    expect(lines(ast)).toEqual([
      'beta/alpha-1.md:2:5  error  Paper id `alpha-1` is already used by alpha/alpha-1.md  id-duplicate',
    ]);
  });

  it('family-unknown with a suggestion', () => {
    const ast = withPaper(PAPER.replace('family: alpha', 'family: alpah'));
    expect(lines(ast)).toContain(
      'alpha/alpha-1.md:3:9  error  Paper `alpha-1` names unknown family `alpah`  family-unknown',
    );
    expect(ast.diagnostics.find((d) => d.rule === 'family-unknown')?.hint).toBe('Did you mean `alpha`?');
  });

  it('builds-on-unknown with a did-you-mean hint', () => {
    const ast = withPaper(PAPER, { 'alpha/alpha-2.md': paper2('builds_on: [alpha-l]') });
    expect(lines(ast)).toEqual([
      'alpha/alpha-2.md:10:13  error  Paper `alpha-2` builds on unknown paper `alpha-l`  builds-on-unknown',
    ]);
    expect(ast.diagnostics[0]?.hint).toBe('Did you mean `alpha-1`?');
  });

  it('builds-on-self', () => {
    const ast = withPaper(PAPER, { 'alpha/alpha-2.md': paper2('builds_on:\n  - id: alpha-2') });
    expect(lines(ast)).toEqual([
      'alpha/alpha-2.md:11:9  error  Paper `alpha-2` lists itself in builds_on  builds-on-self',
    ]);
  });

  it('builds-on-kind lists the valid kinds', () => {
    const ast = withPaper(PAPER, {
      'alpha/alpha-2.md': paper2('builds_on:\n  - id: alpha-1\n    kind: scale-up'),
    });
    expect(lines(ast)).toEqual([
      'alpha/alpha-2.md:12:11  error  Unknown relation kind `scale-up`  builds-on-kind',
    ]);
    expect(ast.diagnostics[0]?.hint).toBe(
      'Did you mean `scales-up`? Use one of: extends, scales-up, fine-tunes, borrows-method, uses-data, concurrent.',
    );
  });

  it('lineage-cycle names every paper in the loop', () => {
    const ast = withPaper(PAPER.replace('year: 2018', 'year: 2018\nbuilds_on: [alpha-3]'), {
      'alpha/alpha-2.md': paper2('builds_on: [alpha-1]'),
      'alpha/alpha-3.md': paper2('builds_on: [alpha-2]').replace('id: alpha-2', 'id: alpha-3'),
    });
    expect(lines(ast)).toEqual([
      'alpha/alpha-1.md:7:13  error  Lineage cycle: `alpha-1` builds on `alpha-3` builds on `alpha-2` builds on `alpha-1`  lineage-cycle',
    ]);
  });

  it('url-invalid', () => {
    expect(lines(withPaper(PAPER.replace('https://example.org/alpha-1', 'javascript:alert(1)')))).toEqual([
      'alpha/alpha-1.md:9:6  error  Url `javascript:alert(1)` is not an http(s) URL  url-invalid',
    ]);
  });

  it('year-range: future and too early', () => {
    expect(lines(withPaper(PAPER.replace('year: 2018', 'year: 2031')))).toEqual([
      'alpha/alpha-1.md:6:7  error  Year 2031 is outside 1950–2026  year-range',
    ]);
    expect(lines(withPaper(PAPER.replace('year: 2018', 'year: 1949')))).toEqual([
      'alpha/alpha-1.md:6:7  error  Year 1949 is outside 1950–2026  year-range',
    ]);
  });

  it('conclusions-missing: no section (points before Notes)', () => {
    const body = PAPER.replace(/## Conclusions[\s\S]*$/, '## Notes\n\nSay hi.\n');
    expect(lines(withPaper(body))).toEqual([
      'alpha/alpha-1.md:20:1  error  Paper has no `## Conclusions` section (expected before `## Notes`)  conclusions-missing',
    ]);
  });

  it('conclusions-missing: empty section', () => {
    expect(lines(withPaper(PAPER.replace(/### Main\n\n- It works.\n/, '')))).toEqual([
      'alpha/alpha-1.md:20:1  error  Section `Conclusions` has no items  conclusions-missing',
    ]);
  });

  it('section-order', () => {
    const swapped = PAPER.replace(
      '## Motivation\n\nWhy.\n\n## Approach\n\nHow.',
      '## Approach\n\nHow.\n\n## Motivation\n\nWhy.',
    );
    expect(lines(withPaper(swapped))).toEqual([
      'alpha/alpha-1.md:16:1  error  Section `Motivation` must come before `Approach`  section-order',
    ]);
  });

  it('section-unknown is a warning and keeps the section', () => {
    const ast = withPaper(PAPER.replace('## Approach', '## Aproach'));
    expect(lines(ast)).toEqual([
      'alpha/alpha-1.md:16:1  warning  Unknown section `Aproach` is kept as an extra section  section-unknown',
    ]);
    expect(ast.papers[0]?.sections.map((section) => section.kind)).toEqual(['motivation', 'extra']);
  });

  it('file-empty', () => {
    expect(lines(withPaper(PAPER, { 'alpha/alpha-2.md': '  \n' }))).toEqual([
      'alpha/alpha-2.md:1:1  error  File is empty  file-empty',
    ]);
  });

  it('family-empty is a warning', () => {
    const ast = parseFiles({ 'alpha/family.md': FAMILY });
    expect(lines(ast)).toEqual(['alpha/family.md:2:5  warning  Family `alpha` has no papers  family-empty']);
  });

  it('a file with only frontmatter reports its missing conclusions', () => {
    const only = PAPER.slice(0, PAPER.indexOf('## Motivation'));
    expect(lines(withPaper(only))).toEqual([
      'alpha/alpha-1.md:10:1  error  Paper has no `## Conclusions` section  conclusions-missing',
    ]);
  });
});

describe('harmless variations parse as if clean', () => {
  it('CRLF line endings', () => {
    const ast = withPaper(PAPER.replace(/\n/g, '\r\n'));
    expect(lines(ast)).toEqual([]);
    expect(ast.papers[0]?.title).toBe('Alpha One');
    expect(ast.papers[0]?.conclusions[0]?.text).toBe('It works.');
  });

  it('a UTF-8 byte-order mark', () => {
    const ast = withPaper(`\uFEFF${PAPER}`);
    expect(lines(ast)).toEqual([]);
    expect(lines(withPaper(`\uFEFF${PAPER.replace('year: 2018', 'year: x')}`))[0]).toMatch(
      /^alpha\/alpha-1\.md:6:7 /,
    );
  });

  it('never throws on odd input', () => {
    for (const contents of [
      '---',
      '---\n---',
      '---\n- a\n---\n',
      '---\nnull\n---\n',
      '\0\0',
      '---\n: :\n---',
    ]) {
      expect(() => withPaper(contents)).not.toThrow();
      expect(withPaper(contents).diagnostics.length).toBeGreaterThan(0);
    }
  });
});
