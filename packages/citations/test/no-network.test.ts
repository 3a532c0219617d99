/**
 * Nothing here may reach the network. citation-js fetches through sync-fetch-undici, which runs a
 * child Node with `execFileSync` taken when it is first required, so every way out is replaced
 * before citation-js loads, and the test checks that it had not been loaded before.
 */
import childProcess from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { fixtureAst } from './fixtures.js';

const require = createRequire(import.meta.url);
const syncFetchLoaded = () => Object.keys(require.cache).some((path) => path.includes('sync-fetch-undici'));
const loadedBefore = syncFetchLoaded();

const attempts: string[] = [];
const refuse =
  (name: string) =>
  (..._args: unknown[]): never => {
    attempts.push(name);
    throw new Error(`${name} called: citations must not touch the network`);
  };
childProcess.execFileSync = refuse('child_process.execFileSync') as typeof childProcess.execFileSync;
globalThis.fetch = refuse('fetch') as typeof fetch;
http.request = refuse('http.request') as typeof http.request;
https.request = refuse('https.request') as typeof https.request;
net.connect = refuse('net.connect') as typeof net.connect;
net.createConnection = refuse('net.createConnection') as typeof net.createConnection;

const { formatReferences, referenceFiles } = await import('@studykit/citations');

describe('offline', () => {
  it('formats every fixture and writes both files without any network call', () => {
    expect(loadedBefore).toBe(false);
    for (const name of ['content-mini', 'content-zh', 'content-hostile'] as const) {
      const ast = fixtureAst(name);
      expect(formatReferences(ast, { style: 'apa' })).toHaveLength(ast.papers.length);
      expect(formatReferences(ast, { style: 'apa', lang: 'fr-FR' })).toHaveLength(ast.papers.length);
      expect(referenceFiles(ast).map((file) => file.path)).toEqual(['references.bib', 'references.json']);
    }
    // The guard was in place: citation-js (and its fetcher) loaded after the replacements.
    expect(syncFetchLoaded()).toBe(true);
    expect(attempts).toEqual([]);
    // Six citeproc runs: ~4 s on a shared 2-core machine, past vitest's default 5 s under load.
  }, 30_000);
});
