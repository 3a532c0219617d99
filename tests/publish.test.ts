/**
 * Publishing (#21): the GitHub Pages workflow builds what the README says, without speaker notes, and
 * publishes exactly the folder it built.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { root } from './run-cli.js';

const workflow = readFileSync(join(root, '.github/workflows/pages.yml'), 'utf8');

it('builds the site without notes, from the README’s set-up, and publishes that folder', () => {
  const runs = [...workflow.matchAll(/^\s+(?:- )?run: (.+)$/gm)].map((match) => match[1]);
  expect(runs).toContain('npm run setup');
  expect(runs).toContain('pnpm studykit check --format github');
  const build = /pnpm studykit build (.+)$/m.exec(workflow)?.[1]?.split(' ') ?? [];
  expect(build).toContain('--no-notes');
  const out = build[build.indexOf('--out') + 1];
  expect(out).toBeTruthy();
  expect(/upload-pages-artifact@v\d+\n\s+with:\n\s+path: (\S+)/.exec(workflow)?.[1]).toBe(out);
  // The set-up's Debian, as on a laptop: chromium from apt, never a downloaded browser.
  expect(workflow).toMatch(/container: node:20-bookworm/);
});
