import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { badBase } from './bad-cases.js';
import { studykit } from './run-cli.js';
import { temporaryFolder } from './temporary.js';

/**
 * Orders never follow the machine's locale: Lithuanian collation puts `yi` before `ilama` (y sorts
 * as i), Danish puts `aa-` after `z` (aa is å). Node's ICU takes the locale from LANG / LC_ALL.
 */
const LOCALES = ['C.UTF-8', 'lt_LT.UTF-8', 'da_DK.UTF-8'];

/**
 * The bad-base folder plus a family `aa-first` (the same `order` as beta) with a paper `aa-one`, and
 * two beta papers of the same year, `ilama` and `yi`; each new paper has an unknown field (a warning).
 */
function contentFolder(): string {
  const dir = temporaryFolder('studykit-locale-');
  cpSync(badBase, dir, { recursive: true });
  const beta1 = readFileSync(join(dir, 'beta/beta-1.md'), 'utf8');
  const paper = (id: string, family: string) =>
    beta1
      .replace('id: beta-1', `id: ${id}`)
      .replace('## Details', '## Aside')
      .replace('family: beta', `family: ${family}`)
      .replace('year: 2023', 'year: 2024')
      .replace('https://example.org/beta-1', `https://example.org/${id}`);
  mkdirSync(join(dir, 'aa-first'));
  writeFileSync(
    join(dir, 'aa-first/family.md'),
    '---\nid: aa-first\nname: First family\norganisation: Aa Lab\norder: 2\ncolour: "#123456"\n---\n\nFirst.\n',
  );
  writeFileSync(join(dir, 'aa-first/aa-one.md'), paper('aa-one', 'aa-first'));
  writeFileSync(join(dir, 'beta/yi.md'), paper('yi', 'beta'));
  writeFileSync(join(dir, 'beta/ilama.md'), paper('ilama', 'beta'));
  return dir;
}

/** Runs the CLI under `locale`, with a cache of its own (a shared one would replay an earlier check). */
const run = (args: string[], locale: string) =>
  studykit([...args, '--cache', temporaryFolder('studykit-locale-cache-')], {
    LANG: locale,
    LC_ALL: locale,
  });

describe('the order of families, papers and diagnostics does not depend on the locale', {
  timeout: 30_000,
}, () => {
  let content: string;
  beforeAll(() => {
    content = contentFolder();
  });

  it.each(LOCALES)('studykit ast under %s: code-point order', async (locale) => {
    const result = await run(['ast', '--content', content], locale);
    expect(result.code, result.stderr).toBe(0);
    const ast = JSON.parse(result.stdout) as {
      families: { id: string }[];
      papers: { id: string }[];
      files: { path: string }[];
    };
    expect(ast.families.map((family) => family.id)).toEqual(['alpha', 'aa-first', 'beta']);
    expect(ast.papers.map((paper) => paper.id)).toEqual([
      'alpha-1',
      'alpha-2',
      'aa-one',
      'beta-1',
      'ilama',
      'yi',
    ]);
    expect(ast.files.map((file) => file.path)).toEqual([
      'aa-first/aa-one.md',
      'aa-first/family.md',
      'alpha/alpha-1.md',
      'alpha/alpha-2.md',
      'alpha/family.md',
      'beta/beta-1.md',
      'beta/family.md',
      'beta/ilama.md',
      'beta/yi.md',
    ]);
  });

  it.each(LOCALES)('studykit check under %s: diagnostics by file in code-point order', async (locale) => {
    const result = await run(['check', '--content', content], locale);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((line) => line !== '' && !line.startsWith(' '))).toEqual([
      'aa-first/aa-one.md:26:1  warning  Unknown section `Aside` is kept as an extra section  section-unknown',
      'beta/ilama.md:26:1  warning  Unknown section `Aside` is kept as an extra section  section-unknown',
      'beta/yi.md:26:1  warning  Unknown section `Aside` is kept as an extra section  section-unknown',
    ]);
  });
});
