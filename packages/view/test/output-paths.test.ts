import { describe, expect, it } from 'vitest';
import { deckPdfPath, deckTargets, familyDiagramPath, handoutPath, OUTPUT_PATHS } from '../src/index.js';
import { familyFile, meetingFile, paperFile, study } from './study.js';

describe('output paths', () => {
  it('puts each output where the index links it', () => {
    expect(OUTPUT_PATHS).toMatchObject({
      lineageSvg: 'lineage/lineage.svg',
      lineagePdf: 'lineage/lineage.pdf',
      report: 'report/study-report.pdf',
      bibtex: 'references.bib',
      calendar: 'meetings.ics',
      index: 'index.html',
    });
  });

  it('gives every output its own file inside out/', () => {
    const paths = Object.values(OUTPUT_PATHS);
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths) expect(path).toMatch(/^[a-z][a-z0-9-]*(\/[a-z][a-z0-9-]*)*\.[a-z]+$/);
  });

  it("names a family's diagram after the family", () => {
    expect(familyDiagramPath('openai', 'svg')).toBe('lineage/lineage-openai.svg');
    expect(familyDiagramPath('openai', 'mmd')).toBe('lineage/lineage-openai.mmd');
  });

  it("prints a deck's PDF beside its folder and its handout under handout/", () => {
    const ast = study([
      familyFile('gpt', 'GPT', 1),
      paperFile({ id: 'gpt-2', family: 'gpt', year: 2019 }),
      meetingFile('2026-11-19', ['gpt-2']),
    ]);
    const [family, meeting] = deckTargets(ast);
    expect(family && deckPdfPath(family)).toBe('slides/gpt.pdf');
    expect(meeting && deckPdfPath(meeting)).toBe('meetings/2026-11-19.pdf');
    expect(family && handoutPath(family)).toBe('handout/gpt.pdf');
    // A meeting's handout cannot take a family's name: meeting ids are dates, family ids could be too.
    expect(meeting && handoutPath(meeting)).toBe('handout/meeting-2026-11-19.pdf');
  });
});
