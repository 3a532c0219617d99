import { parse } from '@studykit/core';
import { renderReport } from '@studykit/report';
import { expect, it } from 'vitest';
import {
  noPoppler,
  pdfText,
  readStructure,
  wordBoxes,
  writeTemp,
} from '../../../packages/typeset/test/pdf-tools.js';
import { skipNote } from '../../../tests/skips.js';

const rows = Array.from(
  { length: 90 },
  (_, i) => `| model-${i} | ${'wrapped cell text '.repeat(i % 3 === 0 ? 8 : 1)} | api-${i} |`,
);
const giant = `| giant-row | ${Array.from({ length: 900 }, (_, i) => `w${i}`).join(' ')} | end |`;
const files = [
  {
    path: 'long/family.md',
    contents: `---\nid: long\nname: Long tables\norganisation: Lab\norder: 1\ncolour: "#336699"\n---\n\nOverview.\n\n## Capability table\n\n| Model | Training method | API name |\n| --- | --- | --- |\n${rows.join('\n')}\n${giant}\n`,
  },
  {
    path: 'long/p1.md',
    contents:
      '---\nid: p1\nfamily: long\ntitle: A paper\nshort: P1\nyear: 2020\nauthors: [A]\nvenue: arXiv\nurl: https://example.com/p1\n---\n\n## Motivation\n\nText.\n\n## Conclusions\n\n### Main\n- One.\n',
  },
];

it.skipIf(noPoppler)(
  `repeats the header row of a table that runs over several pages, and wraps long cells${skipNote(noPoppler)}`,
  async () => {
    const ast = parse(files, { currentYear: 2026 });
    expect(ast.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [file] = await renderReport(ast, { date: '2026-01-01' });
    const path = writeTemp(file?.contents as Uint8Array);
    const { pageCount } = await readStructure(file?.contents as Uint8Array);
    const pagesWithRows: number[] = [];
    for (let page = 1; page <= pageCount; page++) {
      const text = pdfText(path, page);
      if (/model-\d+/.test(text)) {
        pagesWithRows.push(page);
        expect(text, `page ${page}`).toContain('Training method');
      }
    }
    expect(pagesWithRows.length).toBeGreaterThan(1);
    const all = pdfText(path);
    for (let i = 0; i < 90; i++) expect(all).toContain(`model-${i}`);
    // A row taller than a page is cut between lines: every word stays inside the page's text area.
    for (let i = 0; i < 900; i += 37) expect(all).toContain(`w${i}`);
    for (let page = 1; page <= pageCount; page++) {
      for (const word of wordBoxes(path, page))
        expect(word.yMax, `${word.text} on page ${page}`).toBeLessThan(815);
    }
  },
  // pdftotext once per page: seconds on a busy machine.
  30_000,
);
