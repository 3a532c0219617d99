import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { FAMILY, PAPER } from './helpers.js';

/** Markdown-ish text built from the pieces that trip parsers: fences, headings, YAML, lists, tables. */
const markdownPiece = fc.oneof(
  fc.constantFrom(
    '---',
    '---\n',
    '## Conclusions',
    '### Main',
    '## Notes',
    '- item',
    '| a | b |',
    '|---|---|',
    '```',
    '\r\n',
    '\n',
    '\t',
    '\uFEFF',
  ),
  fc.constantFrom(
    'id: x',
    'year: 2020',
    'builds_on: [a, b]',
    'authors: [',
    'title: "unclosed',
    ': :',
    '- id:',
    '  kind: ?',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);
const markdown = fc.array(markdownPiece, { maxLength: 40 }).map((pieces) => pieces.join(''));

/** A valid paper with a random line replaced or inserted. */
const mutatedPaper = fc.tuple(fc.nat({ max: 30 }), markdown, fc.boolean()).map(([line, text, replace]) => {
  const lines = PAPER.split('\n');
  lines.splice(Math.min(line, lines.length), replace ? 1 : 0, text);
  return lines.join('\n');
});

function positionsInside(contents: Record<string, string>) {
  const ast = parse(
    Object.entries(contents).map(([path, text]) => ({ path, contents: text })),
    { currentYear: 2026 },
  );
  for (const diagnostic of ast.diagnostics) {
    const text = (contents[diagnostic.file] ?? '').replace(/^\uFEFF/, '');
    const lines = text.split('\n');
    expect(diagnostic.line, JSON.stringify(diagnostic)).toBeGreaterThanOrEqual(1);
    expect(diagnostic.line, JSON.stringify(diagnostic)).toBeLessThanOrEqual(lines.length);
    expect(diagnostic.column).toBeGreaterThanOrEqual(1);
    expect(diagnostic.column).toBeLessThanOrEqual((lines[diagnostic.line - 1]?.length ?? 0) + 1);
    expect(diagnostic.endLine).toBeGreaterThanOrEqual(diagnostic.line);
    expect(diagnostic.message.length).toBeGreaterThan(0);
  }
}

describe('parse never throws, and every diagnostic lies inside its file', () => {
  it('on arbitrary markdown and frontmatter', () => {
    fc.assert(
      fc.property(markdown, markdown, (paper, family) => {
        positionsInside({
          'a/family.md': family,
          'a/p.md': paper,
          'a/x.md': `---\n${paper}\n---\n${family}`,
        });
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  }, 60_000);

  it('on a valid paper with one line broken', () => {
    fc.assert(
      fc.property(mutatedPaper, (paper) => {
        positionsInside({ 'alpha/family.md': FAMILY, 'alpha/alpha-1.md': paper });
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  }, 60_000);
});
