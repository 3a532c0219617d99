/**
 * The mistakes a new group makes (#21), each named once, plainly, where it was made: misspelt keys,
 * a misspelt required field, an unquoted `#` colour and what it must not cascade into, an indentation
 * slip, a `meeting/` folder, an empty folder.
 */
import { describe, expect, it } from 'vitest';
import { FAMILY, lines, PAPER, parseFiles, withPaper } from './helpers.js';

const MEETING = `---
date: 2026-12-03
papers: [alpha-1]
questions:
  - Why?
---
`;

const hints = (ast: ReturnType<typeof parseFiles>) => ast.diagnostics.map((d) => d.hint);

describe('misspelt keys', () => {
  it.each([
    ['buildson: [alpha-0]', 'buildson', 'builds_on'],
    ['organization: Stanford', 'organization', 'organisation'],
    ['tag: [x]', 'tag', 'tags'],
  ])('%s is an error at the key, with a did-you-mean', (line, key, known) => {
    const ast = withPaper(PAPER.replace('year: 2018', `year: 2018\n${line}`));
    expect(lines(ast)).toEqual([`alpha/alpha-1.md:7:1  error  Unknown field \`${key}\`  field-unknown`]);
    expect(hints(ast)).toEqual([`Did you mean \`${known}\`?`]);
  });

  it('a key near nothing lists the known ones', () => {
    const ast = withPaper(PAPER.replace('year: 2018', 'year: 2018\nmood: happy'));
    expect(hints(ast)).toEqual([
      'Remove it or fix its spelling; the known fields here are `id`, `family`, `title`, `short`, `headline`, `year`, `authors`, `venue`, `url`, `organisation`, `parameters`, `tokens`, `builds_on`, `tags`.',
    ]);
  });

  it('a misspelt required field is reported once, at the misspelling', () => {
    const ast = withPaper(PAPER.replace('venue: arXiv', 'venu: arXiv'));
    expect(lines(ast)).toEqual([
      'alpha/alpha-1.md:8:1  error  Missing required field `venue`: `venu` looks like a misspelling of it  field-missing',
    ]);
    expect(hints(ast)).toEqual(['Rename `venu` to `venue`.']);
    const author = withPaper(PAPER.replace('authors: [Ada Lovelace]', 'author: [Ada Lovelace]'));
    expect(lines(author)).toEqual([
      'alpha/alpha-1.md:7:1  error  Missing required field `authors`: `author` looks like a misspelling of it  field-missing',
    ]);
  });

  it('in meetings too: `question:` and `paper:`', () => {
    const question = withPaper(PAPER, {
      'meetings/2026-12-03.md': MEETING.replace('questions:', 'question:'),
    });
    expect(lines(question)).toEqual([
      'meetings/2026-12-03.md:4:1  error  Unknown field `question`  field-unknown',
    ]);
    expect(hints(question)).toEqual(['Did you mean `questions`?']);
    const paper = withPaper(PAPER, { 'meetings/2026-12-03.md': MEETING.replace('papers:', 'paper:') });
    expect(lines(paper)).toEqual([
      'meetings/2026-12-03.md:3:1  error  Missing required field `papers`: `paper` looks like a misspelling of it  field-missing',
    ]);
  });
});

describe('an unquoted # colour', () => {
  const broken = FAMILY.replace('colour: "#10a37f"', 'colour: #e11d48');

  it('says that YAML read it as a comment, at the #, and how to quote it', () => {
    const ast = parseFiles({ 'alpha/family.md': broken, 'alpha/alpha-1.md': PAPER });
    expect(lines(ast)).toEqual([
      'alpha/family.md:6:9  error  Field `colour` is empty: YAML reads the unquoted `#` as the start of a comment  field-type',
    ]);
    expect(hints(ast)).toEqual(['Quote the value: colour: "#e11d48".']);
  });

  it('does not make the family’s papers unknown to meetings or to the papers that build on them', () => {
    const later = PAPER.replace('id: alpha-1', 'id: alpha-2')
      .replace('title: Alpha One', 'title: Alpha Two')
      .replace('year: 2018', 'year: 2019\nbuilds_on: [alpha-1]');
    const ast = parseFiles({
      'alpha/family.md': broken,
      'alpha/alpha-1.md': PAPER,
      'alpha/alpha-2.md': later,
      'meetings/2026-12-03.md': MEETING,
    });
    expect(ast.diagnostics.map((d) => d.rule)).toEqual(['field-type']);
  });
});

describe('YAML slips', () => {
  it('one indentation slip is one error, in words, at the line that slipped', () => {
    const ast = withPaper(PAPER.replace('venue: arXiv', '  venue: arXiv'));
    expect(ast.diagnostics).toHaveLength(1);
    expect(lines(ast)).toEqual([
      'alpha/alpha-1.md:8:3  error  This field is indented differently from the fields above it  yaml-syntax',
    ]);
    // Indented under a field with a value: YAML's "Nested mappings are not allowed in compact mappings".
    const nested = parseFiles({
      'alpha/family.md': FAMILY.replace('organisation:', ' organisation:'),
      'alpha/alpha-1.md': PAPER,
    });
    expect(lines(nested)).toEqual([
      'alpha/family.md:4:2  error  This line is indented more than the field above it, so YAML reads it as part of that value  yaml-syntax',
    ]);
  });

  it('a colon in a value: quote it', () => {
    const ast = withPaper(PAPER.replace('title: Alpha One', 'title: BERT: Pre-training'));
    expect(lines(ast)).toEqual([
      'alpha/alpha-1.md:4:12  error  The value holds `: `, which YAML reads as the start of another field  yaml-syntax',
    ]);
    expect(hints(ast)).toEqual(['Quote the whole value: title: "BERT: Pre-training"']);
  });

  it('a tab, a value starting with a backtick', () => {
    expect(lines(withPaper(PAPER.replace('venue: arXiv', '\tvenue: arXiv')))[0]).toBe(
      'alpha/alpha-1.md:8:1  error  A tab indents this line; YAML allows only spaces  yaml-syntax',
    );
    expect(lines(withPaper(PAPER.replace('venue: arXiv', 'venue: `arXiv`')))).toEqual([
      'alpha/alpha-1.md:8:8  error  A value cannot start with "`" unless it is quoted  yaml-syntax',
    ]);
  });
});

describe('folders', () => {
  it('a meeting/ folder is named once, its files not read as papers', () => {
    const ast = withPaper(PAPER, {
      'meeting/2026-12-03.md': MEETING,
      'meeting/2026-12-10.md': MEETING.replace('2026-12-03', '2026-12-10'),
    });
    expect(lines(ast)).toEqual([
      'meeting/2026-12-03.md:1:1  error  Folder `meeting/` is not read as meetings: did you mean `meetings/`?  meetings-folder',
    ]);
    expect(ast.papers.map((paper) => paper.id)).toEqual(['alpha-1']);
  });

  it('an empty content folder is an error', () => {
    expect(lines(parseFiles({}))).toEqual([
      '.:1:1  error  The content folder holds no notes: no family.md, no paper, no meeting  content-empty',
    ]);
    expect(lines(parseFiles({ 'README.md': '# notes\n' }))).toHaveLength(1);
    expect(lines(parseFiles({ 'study.md': '---\ntitle: A study\n---\n' }))).toEqual([
      '.:1:1  error  The content folder holds no notes: no family.md, no paper, no meeting  content-empty',
    ]);
  });
});
