/**
 * Chromium stamps every PDF it prints with the clock (`/CreationDate`, `/ModDate`), so two builds of
 * the same content differ. This sets both dates to the build's date and gives the trailer an `/ID`
 * made from the document itself (sha256 of everything before the trailer, the dates blanked), so the
 * same content printed at any time gives the same bytes.
 *
 * The dates are rewritten in place at the same length (a shorter form is padded with spaces, which a
 * dictionary allows), and the `/ID` goes into the trailer, which comes after every object and the
 * cross-reference table: no offset moves, so the table stays valid without being rebuilt.
 */
import { createHash } from 'node:crypto';

/** A PDF not laid out as Skia writes it (one classic cross-reference table, then the trailer). */
class UnsupportedPdf extends Error {
  override readonly name = 'UnsupportedPdf';
  constructor(reason: string) {
    super(`cannot date this PDF reproducibly: ${reason}`);
  }
}

/** A date entry of the Info dictionary: where its `(…)` string is, and the whitespace after it. */
interface DateEntry {
  /** Offset of `(`. */
  start: number;
  /** Length of `(…)`. */
  length: number;
  /** Length of `(…)` and the whitespace that follows it. */
  span: number;
}

/** Where the last cross-reference table and trailer are. */
interface Tail {
  xrefAt: number;
  trailerAt: number;
  /** The trailer's text, from `trailer` to `startxref`. */
  trailer: string;
}

/** The PDF with `/CreationDate` and `/ModDate` set to `date` and an `/ID` from its content. */
export function reproduciblePdf(pdf: Uint8Array, date: Date): Uint8Array {
  const bytes = Buffer.from(pdf);
  const tail = lastTail(bytes);
  const dates = dateEntries(bytes, tail);

  // The identity of the content: what comes before the trailer, with the dates blanked.
  const blanked = Buffer.from(bytes.subarray(0, tail.trailerAt));
  for (const entry of dates) blanked.fill('0', entry.start, entry.start + entry.span);
  const id = createHash('sha256').update(blanked).digest('hex').toUpperCase();

  for (const entry of dates) bytes.write(pdfDate(date, entry.length), entry.start, 'latin1');
  const result = withId(bytes, tail, id);
  // A plain Uint8Array, as page.pdf's callers had before.
  return new Uint8Array(result.buffer, result.byteOffset, result.byteLength);
}

/** The last cross-reference table and trailer; only a classic table, not updated since. */
function lastTail(bytes: Buffer): Tail {
  const startxrefAt = bytes.lastIndexOf('startxref');
  const xrefAt = Number(/^startxref\s+(\d+)/.exec(bytes.toString('latin1', startxrefAt))?.[1]);
  if (startxrefAt < 0 || !Number.isInteger(xrefAt)) throw new UnsupportedPdf('no startxref');
  if (bytes.toString('latin1', xrefAt, xrefAt + 4) !== 'xref') {
    throw new UnsupportedPdf('its cross-references are not a classic table (an xref stream?)');
  }
  const trailerAt = bytes.lastIndexOf('trailer', startxrefAt);
  if (trailerAt < xrefAt) throw new UnsupportedPdf('no trailer after the cross-reference table');
  const trailer = bytes.toString('latin1', trailerAt, startxrefAt);
  if (/\/Prev\b/.test(trailer)) throw new UnsupportedPdf('it was updated incrementally (/Prev)');
  return { xrefAt, trailerAt, trailer };
}

/** `/CreationDate` and `/ModDate` of the Info dictionary (none when there is no Info). */
function dateEntries(bytes: Buffer, tail: Tail): DateEntry[] {
  const info = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(tail.trailer);
  if (!info) return [];
  const at = objectOffset(bytes.toString('latin1', tail.xrefAt, tail.trailerAt), Number(info[1]));
  const end = bytes.indexOf('endobj', at);
  const object = bytes.toString('latin1', at, end);
  if (end < 0 || !new RegExp(`^${info[1]}\\s+${info[2]}\\s+obj\\b`).test(object)) {
    throw new UnsupportedPdf(`the cross-reference table does not lead to the Info object ${info[1]}`);
  }
  return [...object.matchAll(/\/(?:CreationDate|ModDate)\s*(\([^()\\]*\))(\s*)/dg)].map((match) => {
    const [start = 0, end = 0] = match.indices?.[1] ?? [];
    return { start: at + start, length: end - start, span: end - start + (match[2]?.length ?? 0) };
  });
}

/** Where object `number` starts, from a cross-reference table's text. */
function objectOffset(table: string, number: number): number {
  // Subsections: a line "first count", then one line "oooooooooo ggggg n|f" per object.
  let next = -1;
  for (const line of table.split(/\r\n|\r|\n/).slice(1)) {
    const subsection = /^\s*(\d+)\s+(\d+)\s*$/.exec(line);
    const entry = /^(\d{10}) \d{5} ([nf])/.exec(line);
    if (subsection) next = Number(subsection[1]);
    else if (entry) {
      if (next === number && entry[2] === 'n') return Number(entry[1]);
      next += 1;
    }
  }
  throw new UnsupportedPdf(`object ${number} is not in the cross-reference table`);
}

/** `(D:YYYYMMDDHHmmSS+00'00')` in UTC, in `length` bytes (the short `Z` form and spaces if need be). */
function pdfDate(date: Date, length: number): string {
  const stamp = date.toISOString().replace(/\D/g, '').slice(0, 14);
  const forms = [`(D:${stamp}+00'00')`, `(D:${stamp}Z)`];
  const fitting = forms.find((text) => text.length <= length);
  if (!fitting) throw new UnsupportedPdf(`a date string is shorter than ${forms[1]?.length} bytes`);
  return fitting.padEnd(length, ' ');
}

/** The trailer's `/ID` overwritten in place (same length), or a new one first in its dictionary. */
function withId(bytes: Buffer, tail: Tail, id: string): Buffer {
  const existing = /\/ID\s*\[\s*<([0-9A-Fa-f]*)>\s*<([0-9A-Fa-f]*)>\s*\]/d.exec(tail.trailer);
  if (existing) {
    for (const hex of existing.indices?.slice(1) ?? []) {
      const [start, end] = hex ?? [0, 0];
      bytes.write(id.padEnd(end - start, id).slice(0, end - start), tail.trailerAt + start, 'latin1');
    }
    return bytes;
  }
  const open = tail.trailer.indexOf('<<');
  if (open < 0) throw new UnsupportedPdf('its trailer has no dictionary');
  const at = tail.trailerAt + open + 2;
  const entry = Buffer.from(`/ID [<${id.slice(0, 32)}> <${id.slice(0, 32)}>]\n`, 'latin1');
  return Buffer.concat([bytes.subarray(0, at), entry, bytes.subarray(at)]);
}
