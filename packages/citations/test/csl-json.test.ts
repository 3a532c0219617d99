import { toCslJson, toCslName } from '@studykit/citations';
import { describe, expect, it } from 'vitest';
import { fixtureAst, withPapers } from './fixtures.js';

describe('toCslJson', () => {
  it.each(['content-mini', 'content-zh', 'content-hostile'] as const)(
    'has every paper of %s as plain JSON',
    (name) => {
      const ast = fixtureAst(name);
      const items = toCslJson(ast);
      expect(items.map((item) => item.id)).toEqual(ast.papers.map((paper) => paper.id));
      expect(JSON.parse(JSON.stringify(items))).toEqual(items);
      for (const [index, paper] of ast.papers.entries()) {
        expect(items[index]).toMatchObject({
          'citation-key': paper.id,
          title: paper.title,
          issued: { 'date-parts': [[paper.year]] },
          URL: paper.url,
        });
        expect(items[index]?.author).toHaveLength(paper.authors.length);
      }
    },
  );

  it('drops control characters from text: NUL, BEL, ESC, C1 and bidi overrides', () => {
    const [item] = toCslJson(
      withPapers({
        title: 'Safe\u0000 ti\u0007tle \u202Egnp.exe\u202C\u009B\u001B[31m red',
        authors: ['Ada\u0000 Love\u202Elace', 'Org\u0007 Lab'],
        venue: 'Journal of\u2067 Things',
        url: 'https://example.org/a\u202Eb',
      }),
    );
    expect(JSON.stringify(item)).not.toMatch(/[\p{Cc}\p{Bidi_Control}]|\\u00|\\u20/u);
    expect(item).toMatchObject({
      title: 'Safe title gnp.exe[31m red',
      author: [{ given: 'Ada', family: 'Lovelace' }, { literal: 'Org Lab' }],
      'container-title': 'Journal of Things',
      URL: 'https://example.org/a%E2%80%AEb',
    });
  });

  it('describes a content-mini paper completely', () => {
    const [alpha1] = toCslJson(fixtureAst('content-mini'));
    expect(alpha1).toEqual({
      id: 'alpha-1',
      'citation-key': 'alpha-1',
      type: 'article',
      title: 'Alpha One: a first model',
      author: [
        { family: 'Lovelace', given: 'Ada' },
        { family: 'Turing', given: 'Alan' },
      ],
      issued: { 'date-parts': [[2018]] },
      URL: 'https://example.org/alpha-1',
      publisher: 'arXiv',
    });
  });

  it('maps the venue to a CSL type and where it appeared', () => {
    const items = toCslJson(
      withPapers(
        { venue: 'arXiv', url: 'https://arxiv.org/abs/2005.14165' },
        { venue: 'OpenAI technical report', organisation: 'OpenAI' },
        { venue: 'OpenAI blog' },
        { venue: 'GitHub' },
        { venue: 'Transactions on Machine Learning Research' },
        { venue: 'ACL 2023' },
      ),
    );
    expect(
      items.map(({ type, publisher, number, genre, 'container-title': container }) => ({
        type,
        publisher,
        number,
        genre,
        container,
      })),
    ).toEqual([
      {
        type: 'article',
        publisher: 'arXiv',
        number: 'arXiv:2005.14165',
        genre: undefined,
        container: undefined,
      },
      {
        type: 'report',
        publisher: 'OpenAI',
        number: undefined,
        genre: 'Technical report',
        container: undefined,
      },
      {
        type: 'post-weblog',
        publisher: undefined,
        number: undefined,
        genre: undefined,
        container: 'OpenAI blog',
      },
      { type: 'webpage', publisher: undefined, number: undefined, genre: undefined, container: 'GitHub' },
      {
        type: 'article-journal',
        publisher: undefined,
        number: undefined,
        genre: undefined,
        container: 'Transactions on Machine Learning Research',
      },
      {
        type: 'paper-conference',
        publisher: undefined,
        number: undefined,
        genre: undefined,
        container: 'ACL 2023',
      },
    ]);
  });
});

describe('toCslName', () => {
  it.each([
    ['Alec Radford', { given: 'Alec', family: 'Radford' }],
    ['Tom B. Brown', { given: 'Tom B.', family: 'Brown' }],
    ['Marie-Anne Lachaux', { given: 'Marie-Anne', family: 'Lachaux' }],
    ['Timothée Lacroix', { given: 'Timothée', family: 'Lacroix' }],
    ['Ludwig van Beethoven', { given: 'Ludwig', 'non-dropping-particle': 'van', family: 'Beethoven' }],
    ['Martin Luther King Jr.', { given: 'Martin Luther', family: 'King', suffix: 'Jr.' }],
    ["Conan O'Brien", { given: 'Conan', family: "O'Brien" }],
  ])('splits the personal name %s', (name, parts) => {
    expect(toCslName(name)).toEqual(parts);
  });

  it.each([
    'OpenAI',
    'THUDM',
    'Meta AI',
    'Stanford CRFM Team',
    'Tsinghua University and Zhipu AI',
    '曾奥涵',
    '清华大学 KEG 实验室',
    'Ada "The" Lovelace',
    '<img src=x onerror=window.__pwned=6>',
    'R2 D2',
  ])('keeps %s whole, as a literal', (name) => {
    expect(toCslName(name)).toEqual({ literal: name });
  });
});
