/**
 * The page code in src/browser is sent to Chromium as source text (page.evaluate, page-script.ts), so
 * a function there may use only its arguments and the page's globals. These checks catch the two
 * ways it could silently depend on Node's side: a value import, and a reference the test runner
 * rewrote to one of its own helpers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import * as installApi from '../src/browser/install-api.js';
import * as pageApi from '../src/browser/page-api.js';
import * as printSheets from '../src/browser/print-sheets.js';
import * as stage from '../src/browser/stage.js';
import { PAGE_SCRIPT } from '../src/page-script.js';

const BROWSER = fileURLToPath(new URL('../src/browser/', import.meta.url));

describe('page code', () => {
  test('imports nothing but types', () => {
    for (const file of readdirSync(BROWSER).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(`${BROWSER}${file}`, 'utf8');
      const imports = source.match(/^import\b.*$/gm) ?? [];
      for (const line of imports) expect(line, file).toMatch(/^import type /);
    }
  });

  test('every function sent to the page is self-contained source', () => {
    const functions = [installApi, pageApi, printSheets, stage].flatMap((module) =>
      Object.values(module).filter((value) => typeof value === 'function'),
    );
    expect(functions.length).toBeGreaterThanOrEqual(8);
    for (const fn of functions) {
      const source = String(fn);
      expect(source, fn.name).not.toMatch(/__vi|__vite|import\(|require\(/);
      // Parses on its own, as Playwright evaluates it.
      expect(() => new Function(`return (${source});`), fn.name).not.toThrow();
    }
    expect(PAGE_SCRIPT).toContain(`(${String(installApi.installDiagramApi)})(mermaid, {`);
  });
});
