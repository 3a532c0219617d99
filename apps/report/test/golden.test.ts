import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '@studykit/core/fs';
import { renderReport } from '@studykit/report';
import { describe, expect, it } from 'vitest';
import { noPoppler, pdfText, toolVersion, writeTemp } from '../../../packages/typeset/test/pdf-tools.js';
import { skipNote } from '../../../tests/skips.js';

/**
 * The report of a fixture, as `pdftotext -layout` reads it, compared byte for byte with a stored
 * golden file. The PDF itself is deterministic (fixed date, no clock, time zone or locale read, fonts
 * from locked packages), so any difference is a change in the report: check it, then regenerate with
 *   UPDATE_GOLDEN=1 pnpm exec vitest run --project report test/golden.test.ts
 * Nothing is normalised. Another poppler version may lay the text out differently; the message names
 * the version the dump came from.
 */
const fixture = fileURLToPath(new URL('./fixtures/content', import.meta.url));
const golden = fileURLToPath(new URL('./golden/study-report.layout.txt', import.meta.url));

describe('golden report text', () => {
  it.skipIf(noPoppler)(
    `pdftotext -layout of the fixture's report matches golden/study-report.layout.txt${skipNote(noPoppler)}`,
    async () => {
      const ast = await loadContent(fixture);
      const [file] = await renderReport(ast, { date: '2026-11-29' });
      const dump = pdfText(writeTemp(file?.contents as Uint8Array), undefined, true);
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(dirname(golden), { recursive: true });
        writeFileSync(golden, dump);
      }
      expect(existsSync(golden), `missing ${golden}: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(
        dump,
        `report text differs from the golden file (dumped with ${toolVersion('pdftotext')}); if the change is intended, regenerate with UPDATE_GOLDEN=1`,
      ).toBe(readFileSync(golden, 'utf8'));
    },
    60_000,
  );
});
