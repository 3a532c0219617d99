import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import {
  type CacheFormat,
  decodeCacheFile,
  encodeCacheFile,
  isRecord,
  jsonPayload,
  v8Payload,
} from '../src/cache-file.js';

type Counts = Record<string, number>;
const isCounts = (value: unknown): value is Counts =>
  isRecord(value) && Object.values(value).every((count) => typeof count === 'number');

const counts: CacheFormat<Counts> = {
  name: 'test-counts',
  version: '3',
  codec: jsonPayload,
  isValid: isCounts,
  isUnversioned: isCounts,
};
const names: CacheFormat<Map<string, string>> = {
  name: 'test-names',
  version: '1',
  codec: v8Payload,
  isValid: (value): value is Map<string, string> =>
    value instanceof Map && [...value.values()].every((name) => typeof name === 'string'),
};

const sample = encodeCacheFile(counts, { apples: 3, pears: 5 });
const headerEnd = Buffer.from(sample).indexOf('\n') + 1;

describe('cache file envelope', () => {
  it('reads back what it wrote, in JSON and in V8 bytes', () => {
    expect(decodeCacheFile(counts, sample)).toEqual({ status: 'ok', value: { apples: 3, pears: 5 } });
    const map = new Map([['gpt-1', 'GPT-1']]);
    expect(decodeCacheFile(names, encodeCacheFile(names, map))).toEqual({ status: 'ok', value: map });
  });

  it('starts with a readable header naming format, version, length and sha256', () => {
    expect(Buffer.from(sample).subarray(0, headerEnd).toString()).toMatch(
      /^studykit-cache test-counts 3 \d+ [0-9a-f]{64}\n$/,
    );
  });

  it('calls empty, headerless and checksum-failing files damaged, with a reason', () => {
    const reason = (bytes: Uint8Array) => {
      const read = decodeCacheFile(counts, bytes);
      return read.status === 'damaged' ? read.reason : read.status;
    };
    expect(reason(new Uint8Array())).toBe('empty file');
    expect(reason(Buffer.from('{'))).toBe('no header');
    expect(reason(Buffer.from('\x00\xff garbage \n more'))).toBe('no header');
    expect(reason(sample.subarray(0, sample.length - 1))).toBe('truncated');
    expect(reason(Buffer.concat([sample, Buffer.from(' ')]))).toBe('unexpected bytes after the end');
    const flipped = Buffer.from(sample);
    flipped[headerEnd + 2] = (flipped[headerEnd + 2] ?? 0) ^ 1;
    expect(reason(flipped)).toBe('checksum mismatch');
    expect(reason(encodeCacheFile(names, new Map()))).toBe('not a test-counts file');
  });

  it('checks the shape after the checksum: a re-checksummed wrong payload is damaged', () => {
    const wrong = encodeCacheFile(counts, { apples: 'three' } as unknown as Counts);
    expect(decodeCacheFile(counts, wrong)).toEqual({ status: 'damaged', reason: 'unexpected shape' });
    const notJson = Buffer.from(encodeCacheFile({ ...counts, codec: v8Payload }, { apples: 3 }));
    expect(decodeCacheFile(counts, notJson)).toEqual({ status: 'damaged', reason: 'unreadable payload' });
    const wrongMap = encodeCacheFile(names, new Map([['gpt-1', 1]]) as unknown as Map<string, string>);
    expect(decodeCacheFile(names, wrongMap)).toEqual({ status: 'damaged', reason: 'unexpected shape' });
  });

  it('calls another version, or a whole file from before the envelope, outdated (not damage)', () => {
    expect(decodeCacheFile(counts, encodeCacheFile({ ...counts, version: '2' }, { apples: 1 }))).toEqual({
      status: 'outdated',
    });
    expect(decodeCacheFile(counts, Buffer.from('{"apples": 1}'))).toEqual({ status: 'outdated' });
    // Only a whole one of the right shape: half of it, or another shape, is damage.
    expect(decodeCacheFile(counts, Buffer.from('{"apples": '))).toMatchObject({ status: 'damaged' });
    expect(decodeCacheFile(counts, Buffer.from('["apples"]'))).toMatchObject({ status: 'damaged' });
    // A format that recognises no older file calls a headerless one damaged.
    expect(decodeCacheFile(names, serialize(new Map()))).toMatchObject({ status: 'damaged' });
  });

  it('never accepts a file cut short or with any one byte changed', () => {
    for (const bytes of [sample, encodeCacheFile(names, new Map([['a', 'b']]))]) {
      const format = bytes === sample ? counts : names;
      for (let length = 0; length < bytes.length; length++) {
        expect(decodeCacheFile(format, bytes.subarray(0, length)).status).not.toBe('ok');
      }
      for (let at = 0; at < bytes.length; at++) {
        const changed = Buffer.from(bytes);
        changed[at] = (changed[at] ?? 0) ^ 0x20;
        expect(decodeCacheFile(format, changed).status, `byte ${at}`).not.toBe('ok');
      }
    }
  });

  it('refuses format names and versions that would break the header', () => {
    expect(() => encodeCacheFile({ ...counts, name: 'two words' }, {})).toThrow(/single words/);
    expect(() => encodeCacheFile({ ...counts, version: '' }, {})).toThrow(/single words/);
  });
});
