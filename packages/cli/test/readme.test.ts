/**
 * The README is the user's manual (#21): every command and option `studykit --help` lists is named
 * in it, every output the build writes has a row in its outputs table, and "Start your own study"
 * walks init → check → build → present → publish.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OUTPUT_PATHS } from '@studykit/view';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../src/args.js';

const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');

/** The text of the README section under `heading`, up to the next heading of its level or above. */
function section(heading: string): string {
  const start = readme.indexOf(`${heading}\n`);
  if (start < 0) return '';
  const level = /^#+/.exec(heading)?.[0].length ?? 2;
  const rest = readme.slice(start + heading.length);
  const end = rest.search(new RegExp(`\\n#{1,${level}} `));
  return end < 0 ? rest : rest.slice(0, end);
}

describe('README.md', () => {
  it('names every command and every option of studykit --help', () => {
    const [commands = '', options = ''] = USAGE.split('\nOptions:\n');
    const commandNames = [...commands.matchAll(/^ {2}([a-z]+)\b/gm)].map((match) => match[1]);
    const optionNames = [...options.matchAll(/^ {2}(?:-[a-z], )?(--[a-z][a-z-]*)/gm)].map(
      (match) => match[1],
    );
    // The lists the check reads are whole: a change of the help's layout cannot empty them.
    expect(commandNames).toEqual(['check', 'ast', 'build', 'watch', 'present', 'new', 'init']);
    expect(optionNames.length).toBeGreaterThanOrEqual(19);
    const missing = [
      ...commandNames.filter((name) => !readme.includes(`studykit ${name}`)),
      ...optionNames.filter((name) => !new RegExp(`(^|[\\s\`(])${name}(?![a-z-])`, 'm').test(readme)),
    ];
    expect(missing, 'named by studykit --help, not in README.md').toEqual([]);
  });

  it('has a row in the outputs table for every output', () => {
    const table = readme.slice(0, readme.indexOf('\n## '));
    const rows = table.split('\n').filter((line) => line.startsWith('| '));
    const named = (path: string) => {
      const [folder, file = folder] = path.split('/');
      const stem = file.replace(/\.[a-z]+$/, '');
      // `out/lineage/lineage.{mmd,svg,png,pdf}` names four files in one.
      return rows.some(
        (row) => row.includes(`out/${path}`) || (row.includes(`out/${folder}`) && row.includes(stem)),
      );
    };
    expect(Object.values(OUTPUT_PATHS).filter((path) => !named(path))).toEqual([]);
    for (const pattern of [
      'out/slides/<family>/',
      'out/meetings/<id>/',
      'out/handout/<family>.pdf',
      'out/handout/meeting-<id>.pdf',
    ])
      expect(table, pattern).toContain(pattern);
  });

  it('walks a new group from init to a published site', () => {
    const start = section('### Start your own study');
    const steps = ['studykit init', 'studykit check', 'studykit build', 'studykit present', 'pages.yml'];
    const at = steps.map((step) => start.indexOf(step));
    expect(
      at.every((index) => index >= 0),
      `${steps.join(' → ')} in "Start your own study"`,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});
