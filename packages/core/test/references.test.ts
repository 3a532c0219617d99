import type { Link, Paragraph } from 'mdast';
import { describe, expect, it } from 'vitest';
import { lines, PAPER, withPaper } from './helpers.js';

const paper = PAPER.replace(
  '## Approach\n\nHow.',
  `## Approach

How, as [the paper][alpha] shows[^second] and ![a figure][fig] too[^first].

[alpha]: https://example.org/alpha "Alpha"
[fig]: figures/fig.svg

[^first]: The first definition, referenced second.
[^second]: Referenced first, so numbered 1.
[^unused]: Never referenced: numbered last.`,
);

describe('reference-style links and footnotes', () => {
  const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"/>');
  const ast = withPaper(paper, {}, { 'alpha/figures/fig.svg': svg });
  const approach = ast.papers[0]?.sections.find((section) => section.kind === 'approach');
  const paragraph = approach?.children[0] as Paragraph;

  it('parses cleanly', () => {
    expect(lines(ast)).toEqual([]);
  });

  it('resolves [text][ref] to a link with the definition URL, and drops the definitions', () => {
    const link = paragraph.children.find((child) => child.type === 'link') as Link;
    expect(link).toMatchObject({ url: 'https://example.org/alpha', title: 'Alpha' });
    expect(paragraph.children.find((child) => child.type === 'image')).toMatchObject({
      url: 'figures/fig.svg',
      alt: 'a figure',
      data: { asset: { file: 'alpha/figures/fig.svg', format: 'svg', width: 4, height: 3 } },
    });
    expect(approach?.children.map((child) => child.type)).toEqual(['paragraph']);
  });

  it('numbers footnotes by first reference and keeps them on the paper', () => {
    const references = paragraph.children.filter((child) => child.type === 'footnoteReference');
    expect(references.map((reference) => [reference.identifier, reference.label])).toEqual([
      ['second', '1'],
      ['first', '2'],
    ]);
    expect(ast.papers[0]?.footnotes.map((footnote) => [footnote.label, footnote.text])).toEqual([
      ['1', 'Referenced first, so numbered 1.'],
      ['2', 'The first definition, referenced second.'],
      ['3', 'Never referenced: numbered last.'],
    ]);
  });
});
