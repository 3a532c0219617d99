import { type CSL, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { type Creator, type Entry, parse as parseBibtex } from '@retorquere/bibtex-parser';
import { bibtexEntry, toBibtex } from '@studykit/citations';
import type { StudyAst } from '@studykit/core';
import { describe, expect, it } from 'vitest';
import { fixtureAst, HOSTILE, withPapers } from './fixtures.js';

/** Parsed by @retorquere/bibtex-parser, which fails on unknown commands; styles' sentence-casing off. */
function readBack(bib: string, options: { sentenceCase?: false } = { sentenceCase: false }): Entry[] {
  const library = parseBibtex(bib, options);
  expect(library.errors).toEqual([]);
  return library.entries;
}

/** Parsed again by citation-js's BibTeX reader, a second independent implementation. */
function readBackWithCitationJs(bib: string): CSL[] {
  return plugins.input.chain(bib, { forceType: '@biblatex/text', generateGraph: false });
}

/** An author as written in the frontmatter, rebuilt from the parser's parts. */
function writtenName(creator: Creator): string {
  if (creator.name) return creator.name;
  return [creator.firstName, creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(' ');
}

/** retorquere's table turns \textasciigrave into U+02CB (the modifier letter); LaTeX prints a backtick. */
const backticks = (text: string) => text.replace(/\u02CB/g, '`');

function expectEveryPaper(ast: StudyAst, bib: string): void {
  const entries = readBack(bib);
  expect(entries.map((entry) => entry.key)).toEqual(ast.papers.map((paper) => paper.id));
  for (const paper of ast.papers) {
    const entry = entries.find((candidate) => candidate.key === paper.id);
    expect(backticks(entry?.fields.title ?? ''), paper.id).toBe(paper.title);
    expect(entry?.fields.year).toBe(String(paper.year));
    expect(entry?.fields.author?.map(writtenName)).toEqual(paper.authors);
    expect(entry?.fields.url).toBe(paper.url);
  }
  const items = readBackWithCitationJs(bib);
  expect(items.map((item) => item['citation-key'])).toEqual(ast.papers.map((paper) => paper.id));
  for (const paper of ast.papers) {
    const item = items.find((candidate) => candidate['citation-key'] === paper.id);
    expect(item?.title).toBe(paper.title);
    expect(item?.issued?.['date-parts']?.[0]?.[0]).toBe(paper.year);
    expect(item?.author).toHaveLength(paper.authors.length);
  }
}

describe('toBibtex', () => {
  it('writes every paper of content-mini, keyed by its id, and two parsers read back title, year and authors', () => {
    const ast = fixtureAst('content-mini');
    expectEveryPaper(ast, toBibtex(ast));
  });

  it('splits authors into family and given names', () => {
    const [alpha1] = readBack(toBibtex(fixtureAst('content-mini')));
    expect(alpha1?.fields.author).toEqual([
      { lastName: 'Lovelace', firstName: 'Ada' },
      { lastName: 'Turing', firstName: 'Alan' },
    ]);
  });

  it('keeps Chinese titles and authors (content-zh)', () => {
    const ast = fixtureAst('content-zh');
    const bib = toBibtex(ast);
    expectEveryPaper(ast, bib);
    expect(bib).toContain('author = {{曾奥涵} and {刘潇} and {杜政晓}}');
  });

  it('keeps the hostile fixture literal: markup, template braces, quotes, %, &, $, #, _', () => {
    const ast = fixtureAst('content-hostile');
    const bib = toBibtex(ast);
    expectEveryPaper(ast, bib);
    const titles = readBack(bib).map((entry) => backticks(entry.fields.title ?? ''));
    expect(titles).toEqual(HOSTILE.titles);
    expect(readBackWithCitationJs(bib).map((item) => item.title)).toEqual(HOSTILE.titles);
    expect(readBack(bib)[0]?.fields.howpublished).toBe('</span></div> Venue $x^2$');
  });

  it('survives every character TeX or BibTeX treat specially', () => {
    const title = `Braces {a} }{ and 100% & $5 #1 a_b ^ ~ \\ | <i>x</i> "double" 'single' ''two'' -- --- \`tick\` 中文 🚀`;
    const venue = 'Weird & Co_ {v} $5';
    const authors = [
      'Ada "The" Lovelace',
      '清华大学 KEG 实验室',
      'Jean-Pierre van der Berg Jr.',
      'Tom B. Brown',
    ];
    const ast = withPapers({ title, venue, authors, url: 'https://example.org/a_b?x={1}&y=%20#frag' });
    const bib = toBibtex(ast);
    const [entry] = readBack(bib);
    expect(backticks(entry?.fields.title ?? '')).toBe(title);
    expect(entry?.fields.howpublished).toBe(venue);
    expect(entry?.fields.author?.map(writtenName)).toEqual(authors);
    // Braces in a URL would unbalance the field: they are percent-encoded, which means the same URL.
    expect(entry?.fields.url).toBe('https://example.org/a_b?x=%7B1%7D&y=%20#frag');
    const [item] = readBackWithCitationJs(bib);
    expect(item?.title).toBe(title);
    expect(item?.author).toContainEqual({ given: 'Tom B.', family: 'Brown' });
  });

  it('drops control characters: NUL, BEL, ESC, C1 and bidi overrides never reach the file', () => {
    const title =
      'Safe\u0000 ti\u0007tle \u202Egnp.exe\u202C and \u2067isolate\u2069\u009B\u001B[31m red\u200F';
    const authors = ['Ada\u0000 Love\u202Elace', '\u202E张三'];
    const url = 'https://example.org/a\u202Eb\u0007c';
    const bib = toBibtex(withPapers({ title, authors, venue: 'Ven\u0085ue', url }));
    // Only the line breaks of the layout are left.
    expect(bib.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\p{Bidi_Control}]/u);
    const [entry] = readBack(bib);
    expect(entry?.fields.title).toBe('Safe title gnp.exe and isolate[31m red');
    expect(entry?.fields.author?.map(writtenName)).toEqual(['Ada Lovelace', '张三']);
    expect(entry?.fields.howpublished).toBe('Ven ue');
    // In the URL they are percent-encoded, as a browser sends them.
    expect(entry?.fields.url).toBe('https://example.org/a%E2%80%AEb%07c');
  });

  it('braces acronyms and model names so that a sentence-casing style keeps them', () => {
    const ast = withPapers({
      title: 'GPT-3 and LLaMA: Language Models are Few-Shot Learners',
      venue: 'ICLR 2023',
    });
    const bib = toBibtex(ast);
    expect(bib).toContain('title = {{GPT}-3 and {LLaMA}: Language Models are Few-Shot Learners}');
    const [sentenceCased] = readBack(bib, {});
    expect(sentenceCased?.fields.title).toBe('GPT-3 and LLaMA: Language models are few-shot learners');
    expect(sentenceCased?.fields.booktitle).toBe('ICLR 2023');
  });

  it('picks the entry type from the venue', () => {
    const ast = withPapers(
      { venue: 'arXiv', url: 'https://arxiv.org/abs/2005.14165v2' },
      { venue: 'OpenAI technical report', organisation: 'OpenAI' },
      { venue: 'Stanford CRFM blog' },
      { venue: 'GitHub' },
      { venue: 'Journal of Machine Learning Research' },
      { venue: 'NeurIPS 2020' },
    );
    const entries = readBack(toBibtex(ast));
    expect(entries.map((entry) => [entry.type, entry.fields])).toEqual([
      [
        'misc',
        expect.objectContaining({ howpublished: 'arXiv', eprint: '2005.14165', archiveprefix: 'arXiv' }),
      ],
      // biblatex reads institution as a list, so the parser returns one.
      ['techreport', expect.objectContaining({ institution: ['OpenAI'] })],
      ['misc', expect.objectContaining({ howpublished: 'Stanford CRFM blog' })],
      ['misc', expect.objectContaining({ howpublished: 'GitHub' })],
      ['article', expect.objectContaining({ journal: 'Journal of Machine Learning Research' })],
      ['inproceedings', expect.objectContaining({ booktitle: 'NeurIPS 2020' })],
    ]);
  });

  it('writes one entry in a fixed layout', () => {
    const paper = fixtureAst('content-mini').papers.find((candidate) => candidate.id === 'alpha-2');
    if (!paper) throw new Error('alpha-2 missing');
    expect(bibtexEntry(paper)).toBe(
      [
        '@inproceedings{alpha-2,',
        '  author = {Hopper, Grace},',
        '  title = {Alpha Two},',
        '  booktitle = {{NeurIPS} 2020},',
        '  year = {2020},',
        '  url = {https://example.org/alpha-2}',
        '}',
      ].join('\n'),
    );
  });

  it('refuses an id that is no BibTeX key rather than writing a broken file', () => {
    const [paper] = withPapers({}).papers;
    if (!paper) throw new Error('no paper');
    expect(() => bibtexEntry({ ...paper, id: 'two words' })).toThrow(/not a valid BibTeX key/);
  });
});
