/**
 * A deck's digest changes with what the deck shows, and only with that: its papers, its family's or
 * meeting's text, other papers where it names them (the lineage slide's ancestors, what its papers
 * build on), the study's title, the images it shows; never with a paper it does not show.
 */
import { fileURLToPath } from 'node:url';
import type { Meeting, Paper, StudyAst } from '@studykit/core';
import { parse } from '@studykit/core';
import { readContentFolder } from '@studykit/core/fs';
import { outputDigest } from '@studykit/core/renderer-stamp';
import { deckTargets } from '@studykit/view';
import { beforeAll, describe, expect, it } from 'vitest';
import { deckInputs } from '../src/inputs.js';

const MINI = fileURLToPath(new URL('../../../tests/fixtures/content-mini', import.meta.url));
const OPTIONS = { notes: true, pdf: true };
let base: StudyAst;

beforeAll(async () => {
  const { files } = await readContentFolder(MINI);
  const ast = parse(files, { currentYear: 2026 });
  const meeting = (id: string, papers: string[]): Meeting => ({
    id,
    date: id,
    title: `Meeting ${id}`,
    presenter: null,
    papers,
    questions: [],
    file: `meetings/${id}.md`,
    span: {
      file: `meetings/${id}.md`,
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 1, column: 1, offset: 0 },
    },
  });
  base = { ...ast, meetings: [meeting('2026-12-01', ['alpha-1']), meeting('2026-12-08', ['beta-1'])] };
});

/** Every deck's digest after `edit` (on a copy), and which of them differ from the unedited ones. */
function changedBy(edit: (ast: StudyAst) => void): string[] {
  const edited = structuredClone(base);
  edit(edited);
  return deckTargets(base)
    .filter(
      (target) =>
        outputDigest('stamp', deckInputs(base, target, OPTIONS)) !==
        outputDigest('stamp', deckInputs(edited, target, OPTIONS)),
    )
    .map((target) => target.folder);
}

const paper = (ast: StudyAst, id: string): Paper => {
  const found = ast.papers.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no paper ${id}`);
  return found;
};

describe('deckInputs', () => {
  it('the same content gives the same digests; where a node sits in its file does not count', () => {
    expect(changedBy(() => {})).toEqual([]);
    expect(
      changedBy((ast) => {
        const section = paper(ast, 'alpha-2').sections[0];
        if (section) section.span.start.line += 3;
        const node = section?.children[0];
        if (node?.position) node.position.start.line += 3;
      }),
    ).toEqual([]);
  });

  it('a renamed paper: its family deck, the decks whose lineage shows it as an ancestor, its meeting', () => {
    // beta-1 builds on alpha-2: beta's lineage slide and facts, and the meeting on beta-1, name it.
    expect(changedBy((ast) => (paper(ast, 'alpha-2').short = 'Alpha-Second'))).toEqual([
      'slides/alpha',
      'slides/beta',
      'meetings/2026-12-08',
    ]);
    // alpha-1 is only an ancestor in the meeting decks that show a paper building on it.
    expect(changedBy((ast) => (paper(ast, 'alpha-1').short = 'Alpha-First'))).toEqual([
      'slides/alpha',
      'slides/beta',
      'meetings/2026-12-01',
      'meetings/2026-12-08',
    ]);
  });

  it('a field only its own slides show: its family deck and the meetings showing it, nothing else', () => {
    // The venue is on alpha-2's facts slide; beta's lineage shows only "Alpha-2 · 2020 · 175B".
    expect(changedBy((ast) => (paper(ast, 'alpha-2').venue = 'ICML 2020'))).toEqual(['slides/alpha']);
    expect(
      changedBy((ast) => {
        const section = paper(ast, 'beta-1').sections[0];
        if (section) section.text = `${section.text} More.`;
        section?.children.push({ type: 'paragraph', children: [{ type: 'text', value: 'More.' }] });
      }),
    ).toEqual(['slides/beta', 'meetings/2026-12-08']);
  });

  it("a meeting's own file: that meeting's deck alone", () => {
    expect(
      changedBy((ast) => {
        const meeting = ast.meetings[0];
        if (meeting) meeting.title = 'Renamed';
      }),
    ).toEqual(['meetings/2026-12-01']);
  });

  it("the study's title is on every cover; its description on none", () => {
    expect(changedBy((ast) => (ast.study.title = 'Another study'))).toEqual(
      deckTargets(base).map((target) => target.folder),
    );
    expect(changedBy((ast) => (ast.study.description.text = 'Something else'))).toEqual([]);
  });

  it('an image a slide shows, by its digest', () => {
    const withImage = (digest: string) => (ast: StudyAst) => {
      paper(ast, 'alpha-1').sections[0]?.children.push({
        type: 'paragraph',
        children: [
          {
            type: 'image',
            url: 'figure.png',
            alt: 'A figure',
            data: {
              asset: { file: 'alpha/figure.png', format: 'png', width: 10, height: 10, bytes: 100, digest },
            },
          },
        ],
      });
    };
    const before = structuredClone(base);
    withImage('a'.repeat(64))(before);
    const after = structuredClone(base);
    withImage('b'.repeat(64))(after);
    const [target] = deckTargets(base);
    if (!target) throw new Error('no deck');
    expect(outputDigest('stamp', deckInputs(before, target, OPTIONS))).not.toBe(
      outputDigest('stamp', deckInputs(after, target, OPTIONS)),
    );
  });

  it('its options: a deck without notes is another deck', () => {
    const [target] = deckTargets(base);
    if (!target) throw new Error('no deck');
    expect(outputDigest('stamp', deckInputs(base, target, OPTIONS))).not.toBe(
      outputDigest('stamp', deckInputs(base, target, { ...OPTIONS, notes: false })),
    );
  });
});
