import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { encodeCacheFile, v8Payload } from '../src/cache-file.js';
import { readContentFolder } from '../src/fs.js';
import { createParseCache, type ParseCache, parse } from '../src/index.js';
import { decodeParseCache, encodeParseCache, PARSER_VERSION } from '../src/parse-cache-file.js';
import { isFileResult } from '../src/parse-cache-shape.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A parse cache of every kind of entry: papers, families, study, meetings, errors, broken ids. */
async function parseEveryKind(): Promise<ParseCache> {
  const cache = createParseCache();
  const { files } = await readContentFolder(`${root}content`);
  const broken = [
    { path: 'openai/bad-year.md', contents: '---\nid: bad-year\nfamily: openai\nyear: 1850\n---\n' },
    { path: 'openai/no-frontmatter.md', contents: 'Just text.\n' },
    { path: 'meetings/2026-13-45.md', contents: '---\ndate: 2026-13-45\npapers: [gpt-1]\n---\n' },
  ];
  parse([...files, ...broken], { cache, currentYear: 2026 });
  return cache;
}
/** Parsed once for all tests; each gets its own copy to change. */
const parsed = parseEveryKind();
const realCache = async () => structuredClone(await parsed);

type Fields = Record<string, unknown>;

/** The first entry holding `part` (paper, family…), in a copy of `cache`, to change. */
function copyWithEntry(cache: ParseCache, part: string): { copy: ParseCache; entry: Fields; part: Fields } {
  const copy = structuredClone(cache);
  const entry = [...copy.values()].find((result) => (result as unknown as Fields)[part] !== undefined);
  if (!entry) throw new Error(`no entry with a ${part}`);
  const fields = entry as unknown as Fields;
  return { copy, entry: fields, part: fields[part] as Fields };
}

/** Any payload in the parse cache's envelope, at any version: what another writer could leave. */
function anyPayload(version: string, value: unknown): Uint8Array {
  return encodeCacheFile(
    { name: 'studykit-parse-cache', version, codec: v8Payload, isValid: isAnything },
    value,
  );
}
const isAnything = (_value: unknown): _value is unknown => true;

describe('parse-cache.bin', { timeout: 60_000 }, () => {
  it('reads back a cache holding every kind of entry', async () => {
    const cache = await realCache();
    const kinds = [...cache.values()].flatMap((entry) =>
      (['paper', 'family', 'study', 'meeting', 'brokenId'] as const).filter((kind) => entry[kind]),
    );
    expect(new Set(kinds)).toEqual(new Set(['paper', 'family', 'study', 'meeting', 'brokenId']));
    expect([...cache.values()].some((entry) => entry.diagnostics.length > 0)).toBe(true);
    expect(decodeParseCache(encodeParseCache(cache))).toEqual({ status: 'ok', value: cache });
  });

  it('calls any entry the parse could not use damaged, even with a valid checksum', async () => {
    const cache = await realCache();
    const changes: [string, string, (entry: Fields, part: Fields) => void][] = [
      ['no diagnostics', 'paper', (entry) => delete entry.diagnostics],
      [
        'a diagnostic line as text',
        'brokenId',
        (entry) => Object.assign((entry.diagnostics as Fields[])[0] ?? {}, { line: '3' }),
      ],
      [
        'an unknown severity',
        'brokenId',
        (entry) => Object.assign((entry.diagnostics as Fields[])[0] ?? {}, { severity: 'fatal' }),
      ],
      ['a numeric text digest', 'paper', (entry) => (entry.textDigest = 42)],
      ['no current year', 'paper', (entry) => delete entry.currentYear],
      ['a paper without an id', 'paper', (_, paper) => delete paper.id],
      ['a paper as a string', 'paper', (entry) => (entry.paper = 'gpt-1')],
      ['sections not a list', 'paper', (_, paper) => (paper.sections = {})],
      ['builds_on entries without ids', 'paper', (_, paper) => (paper.buildsOn = [1])],
      ['a family order as text', 'family', (_, family) => (family.order = '1')],
      ['a study language as a number', 'study', (_, study) => (study.language = 5)],
      ['meeting papers as text', 'meeting', (_, meeting) => (meeting.papers = 'gpt-1')],
      ['an unknown broken kind', 'brokenId', (_, brokenId) => (brokenId.kind = 'deck')],
    ];
    for (const [what, part, change] of changes) {
      const { copy, entry, part: fields } = copyWithEntry(cache, part);
      change(entry, fields);
      expect(decodeParseCache(encodeParseCache(copy)), what).toEqual({
        status: 'damaged',
        reason: 'unexpected shape',
      });
    }
    const entries = [...cache];
    expect(decodeParseCache(anyPayload(PARSER_VERSION, entries))).toMatchObject({ status: 'damaged' });
    expect(
      decodeParseCache(anyPayload(PARSER_VERSION, new Map([...entries, [7, entries[0]?.[1]]]))),
    ).toMatchObject({
      status: 'damaged',
    });
    expect(decodeParseCache(anyPayload(PARSER_VERSION, new Map([['a.md', null]])))).toMatchObject({
      status: 'damaged',
    });
  });

  it('calls a cache of another parser version, or from before the envelope, outdated', async () => {
    const cache = await realCache();
    expect(decodeParseCache(anyPayload('ast1-parse1', cache))).toEqual({ status: 'outdated' });
    const unversioned = serialize({
      format: 'studykit-parse-cache',
      version: PARSER_VERSION,
      entries: [...cache],
    });
    expect(decodeParseCache(unversioned)).toEqual({ status: 'outdated' });
  });

  it('checks the entries of 1,000 papers in one cheap pass', async () => {
    // Real paper entries, 1,000 of them: the shape check adds next to nothing to V8's deserialisation.
    const papers = [...(await realCache()).values()].filter((entry) => entry.paper);
    const entries = Array.from({ length: 1000 }, (_, index) => papers[index % papers.length]);
    const started = performance.now();
    expect(entries.every(isFileResult)).toBe(true);
    const elapsed = performance.now() - started;
    // Generous for a shared machine; the point is that no markdown tree is walked.
    expect(elapsed, `${elapsed.toFixed(1)} ms`).toBeLessThan(100);
  });
});
