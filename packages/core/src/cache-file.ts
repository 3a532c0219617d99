/**
 * The envelope every cache file is written in: one header line naming the format, its version, the
 * payload's length and its sha256, then the payload. A cache only saves time, so a file that is not
 * exactly what we wrote (a crash mid-write, a disk error, a hand edit) must be ignored and rebuilt,
 * never trusted and never fatal: reading checks the header, the checksum, then the payload's shape.
 * Only node's crypto and v8 here: `studykit check` reads its summary without loading the parser.
 */
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';

/** How a payload becomes bytes; `decode` throws on bytes it cannot read. */
export interface PayloadCodec {
  encode(value: unknown): Uint8Array;
  decode(bytes: Uint8Array): unknown;
}

/** JSON, indented: the small cache files stay readable by a person. */
export const jsonPayload: PayloadCodec = {
  encode: (value) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`),
  decode: (bytes) => JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)),
};

/** V8's structured serialisation: fast for large values, and keeps Maps. */
export const v8Payload: PayloadCodec = {
  encode: (value) => serialize(value),
  decode: (bytes) => deserialize(bytes),
};

export interface CacheFormat<T> {
  /** Written in the header: a file naming another format is damaged. */
  name: string;
  /** Bump when the payload's meaning changes: a file of another version is ignored quietly. */
  version: string;
  codec: PayloadCodec;
  /** A cheap check of what the reader relies on (top-level fields, not every nested node). */
  isValid(value: unknown): value is T;
  /**
   * Recognises a whole file written before cache files had this header (same codec, no envelope):
   * an older version, ignored quietly rather than reported as damage.
   */
  isUnversioned?(value: unknown): boolean;
}

export type CacheRead<T> =
  | { status: 'ok'; value: T }
  /** Another version of the format: not damage, just not usable. */
  | { status: 'outdated' }
  | { status: 'damaged'; reason: string };

const MAGIC = 'studykit-cache';
/** Headers are ~100 bytes; a file whose first line is longer has none. */
const MAX_HEADER_BYTES = 512;
const HEADER = /^studykit-cache (\S+) (\S+) (\d+) ([0-9a-f]{64})$/;
const WORD = /^[\w.+-]+$/;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function encodeCacheFile<T>(format: CacheFormat<T>, value: T): Uint8Array {
  if (!WORD.test(format.name) || !WORD.test(format.version)) {
    throw new Error(`cache format name and version must be single words: ${format.name} ${format.version}`);
  }
  const payload = format.codec.encode(value);
  const header = `${MAGIC} ${format.name} ${format.version} ${payload.length} ${sha256(payload)}\n`;
  return Buffer.concat([Buffer.from(header, 'ascii'), payload]);
}

/** What `bytes` hold: the value, an older version, or damage with a short reason for the user. */
export function decodeCacheFile<T>(format: CacheFormat<T>, bytes: Uint8Array): CacheRead<T> {
  if (bytes.length === 0) return { status: 'damaged', reason: 'empty file' };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const end = buffer.subarray(0, MAX_HEADER_BYTES).indexOf(0x0a);
  const header = end < 0 ? undefined : HEADER.exec(buffer.subarray(0, end).toString('latin1'));
  if (!header) return isUnversioned(format, buffer) ? { status: 'outdated' } : damaged('no header');
  const [, name, version, length, checksum] = header;
  if (name !== format.name) return damaged(`not a ${format.name} file`);
  if (version !== format.version) return { status: 'outdated' };
  const payload = buffer.subarray(end + 1);
  if (payload.length < Number(length)) return damaged('truncated');
  if (payload.length > Number(length)) return damaged('unexpected bytes after the end');
  if (sha256(payload) !== checksum) return damaged('checksum mismatch');
  let value: unknown;
  try {
    value = format.codec.decode(payload);
  } catch {
    return damaged('unreadable payload');
  }
  return format.isValid(value) ? { status: 'ok', value } : damaged('unexpected shape');
}

function damaged(reason: string): CacheRead<never> {
  return { status: 'damaged', reason };
}

function isUnversioned<T>(format: CacheFormat<T>, bytes: Buffer): boolean {
  if (!format.isUnversioned) return false;
  try {
    return format.isUnversioned(format.codec.decode(bytes));
  } catch {
    return false;
  }
}

/** A plain object (not null, not an array): what a shape check looks into. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
