import { describe, expect, it } from 'vitest';
import { RELATION_KINDS } from '../src/index.js';
import { FAMILY, lines, PAPER, parseFiles } from './helpers.js';

/** A second paper, a year after PAPER, listing it in builds_on with `kind`. */
const later = (kind: string) =>
  PAPER.replace('id: alpha-1', 'id: alpha-2')
    .replace('year: 2018', 'year: 2019')
    .replace(
      'url: https://example.org/alpha-1',
      `url: https://example.org/alpha-2\nbuilds_on:\n  - id: alpha-1\n    kind: ${kind}`,
    );

describe('relation kinds', () => {
  it('concurrent: work done at the same time, kept as an edge of its own kind', () => {
    expect(RELATION_KINDS).toContain('concurrent');
    const ast = parseFiles({
      'alpha/family.md': FAMILY,
      'alpha/alpha-1.md': PAPER,
      'alpha/alpha-2.md': later('concurrent'),
    });
    expect(lines(ast)).toEqual([]);
    expect(ast.edges.map((edge) => `${edge.from} -${edge.kind}-> ${edge.to}`)).toEqual([
      'alpha-1 -concurrent-> alpha-2',
    ]);
  });

  it('an unknown kind names every known one, concurrent included', () => {
    const ast = parseFiles({
      'alpha/family.md': FAMILY,
      'alpha/alpha-1.md': PAPER,
      'alpha/alpha-2.md': later('concurent'),
    });
    expect(ast.diagnostics.map((d) => [d.rule, d.hint])).toEqual([
      [
        'builds-on-kind',
        'Did you mean `concurrent`? Use one of: extends, scales-up, fine-tunes, borrows-method, uses-data, concurrent.',
      ],
    ]);
  });
});
