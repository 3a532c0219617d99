/**
 * The generated reading lists are the same on every run and every machine: a benchmark's numbers and
 * a scale test's expectations hold only for the files they were measured on. A change to a generator
 * that changes its output shows here; update the digest deliberately (and re-measure bench/RESULTS.md).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  corpusFiles,
  reportCorpusFiles,
  scaleFamilyFiles,
  syntheticContent,
  syntheticLineage,
  writeCorpus,
} from './index.mjs';

/** A digest of a list of files, whatever order they come in. */
function digestOf(files: { path: string; contents: string }[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1)))
    hash.update(`${file.path}\0${file.contents}\0`);
  return hash.digest('hex').slice(0, 16);
}

const digestOfJson = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

function readTree(dir: string, root = dir): { path: string; contents: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? readTree(join(dir, entry.name), root)
      : [
          {
            path: relative(root, join(dir, entry.name)),
            contents: readFileSync(join(dir, entry.name), 'utf8'),
          },
        ],
  );
}

describe('generated reading lists', () => {
  it('give the same files for the same size and seed', () => {
    expect({
      semester240: digestOf(corpusFiles(240)),
      semester1000: digestOf(corpusFiles(1000)),
      semester50seed7: digestOf(corpusFiles(50, 7)),
      lineageContent200: digestOf(syntheticContent(200)),
      lineageContent12in3: digestOf(syntheticContent(12, { familyCount: 3 })),
      lineageContent60by10: digestOf(syntheticContent(60, { familySize: 10 })),
      scaleFamily: digestOf(scaleFamilyFiles()),
      report200: digestOf(reportCorpusFiles(200)),
    }).toEqual({
      semester240: 'effdce4e8cfa08f8',
      semester1000: 'c3b74aeb990de4c8',
      semester50seed7: 'd6bed2474d90aa12',
      lineageContent200: 'de4b8116517ff9c3',
      lineageContent12in3: '9548db8a5eba5655',
      lineageContent60by10: '2cb10fd62af90d16',
      scaleFamily: '531defe8b2eac337',
      report200: 'ec08fcfba775479f',
    });
  });

  it('give the same lineage AST for the same size', () => {
    expect({
      lineage200: digestOfJson(syntheticLineage(200)),
      lineage1000in1: digestOfJson(syntheticLineage(1000, { familyCount: 1 })),
    }).toEqual({ lineage200: 'e9eade4c0004d885', lineage1000in1: 'baacea640470d952' });
  });

  it('differ with the seed', () => {
    expect(digestOf(corpusFiles(50, 7))).not.toBe(digestOf(corpusFiles(50)));
  });

  it('write a content folder holding exactly the generated files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'studykit-corpus-'));
    try {
      expect(digestOf(readTree(writeCorpus(join(dir, 'content'), 60)))).toBe(digestOf(corpusFiles(60)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the generators', () => {
  it("type-check, and build an AST of core's StudyAst shape", () => {
    const typescript = dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
    const project = dirname(fileURLToPath(import.meta.url));
    const run = spawnSync(process.execPath, [join(typescript, 'bin/tsc'), '-p', project], {
      encoding: 'utf8',
    });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
