import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstMissing, missingTool, skipNote } from '../../../tests/skips.js';
import { launchChromium } from '../src/launch.js';
import { reproduciblePdf } from '../src/reproducible-pdf.js';

const noPdfTools = firstMissing(missingTool('pdfinfo'), missingTool('qpdf'));
const BUILD_DATE = new Date(Date.UTC(2026, 10, 29, 8, 30, 15));
const folder = mkdtempSync(join(tmpdir(), 'studykit-reproducible-pdf-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Two PDFs as Chromium prints them (Skia), of different pages. */
const printed: Record<'first' | 'second', Uint8Array> = { first: new Uint8Array(), second: new Uint8Array() };
beforeAll(async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    for (const key of ['first', 'second'] as const) {
      await page.setContent(`<h1>The ${key} page</h1><p>Attention is all you need.</p>`);
      printed[key] = new Uint8Array(await page.pdf());
    }
  } finally {
    await browser.close();
  }
}, 60_000);

const text = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1');
const idOf = (pdf: Uint8Array) => /\/ID \[<([0-9A-F]+)> <([0-9A-F]+)>\]/.exec(text(pdf))?.slice(1);
/** The Info dates as written, e.g. "D:20261129083015+00'00'". */
const datesOf = (pdf: Uint8Array) =>
  [...text(pdf).matchAll(/\/(?:CreationDate|ModDate) \(([^)]*)\)/g)].map((m) => m[1]);

/** Every object the cross-reference table lists that does not start where the table says. */
function misplacedObjects(pdf: Uint8Array): string[] {
  const all = text(pdf);
  const xrefAt = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(all)?.[1]);
  const table = all.slice(xrefAt, all.indexOf('trailer', xrefAt)).split(/\r?\n/);
  const misplaced: string[] = [];
  let number = 0;
  for (const line of table.slice(1)) {
    const subsection = /^(\d+) (\d+)$/.exec(line.trim());
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
    if (subsection) number = Number(subsection[1]);
    else if (entry) {
      const at = Number(entry[1]);
      if (entry[3] === 'n' && !all.startsWith(`${number} ${Number(entry[2])} obj`, at))
        misplaced.push(`${number}`);
      number += 1;
    }
  }
  return misplaced;
}

function written(name: string, pdf: Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, pdf);
  return path;
}

/** A small PDF written by hand, its offsets counted, with the given Info dates and trailer entries. */
function handMadePdf(dates: string, trailerEntries: string): Uint8Array {
  const objects = [
    `<< /Title (hand made) ${dates} >>`,
    '<< /Type /Catalog /Pages 3 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 3 0 R /MediaBox [0 0 200 100] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 2 0 R /Info 1 0 R ${trailerEntries}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('reproduciblePdf', () => {
  it('dates a Chromium PDF with the build date and gives it an /ID, moving no object', () => {
    const stamped = reproduciblePdf(printed.first, BUILD_DATE);
    expect(datesOf(printed.first)).not.toEqual(datesOf(stamped));
    expect(datesOf(stamped)).toEqual(["D:20261129083015+00'00'", "D:20261129083015+00'00'"]);
    const [first, second] = idOf(stamped) ?? [];
    expect(first).toMatch(/^[0-9A-F]{32}$/);
    expect(second).toBe(first);
    expect(misplacedObjects(printed.first)).toEqual([]);
    expect(misplacedObjects(stamped)).toEqual([]);
    // Up to the trailer, only the date strings changed, in place.
    const trailerAt = text(printed.first).lastIndexOf('trailer');
    expect(text(stamped).lastIndexOf('trailer')).toBe(trailerAt);
    const blankDates = (pdf: Uint8Array) =>
      text(pdf)
        .slice(0, trailerAt)
        .replace(/\(D:[^)]*\)/g, '()');
    expect(blankDates(stamped)).toBe(blankDates(printed.first));
  });

  it.skipIf(noPdfTools)(
    `makes a PDF that qpdf --check passes and pdfinfo dates${skipNote(noPdfTools)}`,
    () => {
      const path = written('stamped.pdf', reproduciblePdf(printed.first, BUILD_DATE));
      const check = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
      expect([check.status, check.stdout + check.stderr]).toEqual([
        0,
        expect.stringContaining('No syntax or stream encoding errors found'),
      ]);
      expect(check.stdout + check.stderr).not.toMatch(/WARNING/i);
      const info = execFileSync('pdfinfo', ['-isodates', path], { encoding: 'utf8' });
      expect(info).toMatch(/^CreationDate:\s+2026-11-29T08:30:15Z$/m);
      expect(info).toMatch(/^ModDate:\s+2026-11-29T08:30:15Z$/m);
      const trailer = execFileSync('qpdf', ['--show-object=trailer', path], { encoding: 'utf8' });
      expect(trailer).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/i);
    },
  );

  it('gives the same bytes for the same page printed at another time, and again for its own output', () => {
    const later = Buffer.from(text(printed.first).replace(/\(D:\d{14}/g, '(D:20991231235959'), 'latin1');
    expect(datesOf(later)).not.toEqual(datesOf(printed.first));
    const stamped = reproduciblePdf(printed.first, BUILD_DATE);
    expect(Buffer.from(reproduciblePdf(later, BUILD_DATE)).equals(Buffer.from(stamped))).toBe(true);
    expect(Buffer.from(reproduciblePdf(stamped, BUILD_DATE)).equals(Buffer.from(stamped))).toBe(true);
  });

  it('takes the /ID from the content: another date keeps it, another page changes it', () => {
    const id = idOf(reproduciblePdf(printed.first, BUILD_DATE));
    const otherDay = reproduciblePdf(printed.first, new Date(Date.UTC(2030, 0, 1)));
    expect(datesOf(otherDay)[0]).toBe("D:20300101000000+00'00'");
    expect(idOf(otherDay)).toEqual(id);
    expect(idOf(reproduciblePdf(printed.second, BUILD_DATE))).not.toEqual(id);
  });

  it('overwrites an /ID already there in place, and fits the date to a shorter string', () => {
    // The PDF 1.7 form without the last apostrophe: one byte short of ours, so the Z form and spaces.
    const pdf = handMadePdf(
      "/CreationDate (D:20240101120000+01'00) /ModDate (D:20240101120000+01'00')",
      '/ID [<00112233445566778899AABBCCDDEEFF> <FFEEDDCCBBAA99887766554433221100>] ',
    );
    const stamped = reproduciblePdf(pdf, BUILD_DATE);
    expect(stamped.length).toBe(pdf.length);
    expect(misplacedObjects(stamped)).toEqual([]);
    expect(text(stamped)).toContain(
      "/CreationDate (D:20261129083015Z)      /ModDate (D:20261129083015+00'00')",
    );
    const [first, second] = idOf(stamped) ?? [];
    expect(first).toMatch(/^[0-9A-F]{32}$/);
    expect([second, first]).not.toContain('00112233445566778899AABBCCDDEEFF');
    expect(second).toBe(first);
  });

  it.skipIf(noPdfTools)(`leaves the hand-made PDF valid for qpdf and pdfinfo${skipNote(noPdfTools)}`, () => {
    const pdf = handMadePdf('/CreationDate (D:20240101120000Z) /ModDate (D:20240101120000Z)', '');
    const path = written('hand-made.pdf', reproduciblePdf(pdf, BUILD_DATE));
    expect(spawnSync('qpdf', ['--check', path], { encoding: 'utf8' }).status).toBe(0);
    expect(execFileSync('pdfinfo', ['-isodates', path], { encoding: 'utf8' })).toMatch(
      /^CreationDate:\s+2026-11-29T08:30:15Z$/m,
    );
  });

  it('refuses a PDF it cannot rewrite without moving objects', () => {
    const xrefStream = Buffer.from(
      '%PDF-1.5\n1 0 obj\n<< /Type /XRef /Size 2 /W [1 2 1] >>\nstream\nendstream\nendobj\nstartxref\n9\n%%EOF\n',
      'latin1',
    );
    expect(() => reproduciblePdf(xrefStream, BUILD_DATE)).toThrow(/not a classic table/);
    expect(() => reproduciblePdf(Buffer.from('not a pdf'), BUILD_DATE)).toThrow(/no startxref/);
    const tooShort = handMadePdf('/CreationDate (D:2024) /ModDate (D:2024)', '');
    expect(() => reproduciblePdf(tooShort, BUILD_DATE)).toThrow(/date string is shorter/);
  });
});
