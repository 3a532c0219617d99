/**
 * out/index.html for the small fixtures, compared with reviewed golden files: the words, the links
 * and the "not built" marks a reader sees. After an intended change run
 * `UPDATE_GOLDEN=1 pnpm exec vitest run packages/cli/test/site-index-golden.test.ts` and review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ContentFile, parse, type StudyAst } from '@studykit/core';
import { loadContent } from '@studykit/core/fs';
import { describe, expect, it } from 'vitest';
import { renderSiteIndex } from '../src/site-index.js';

const fixtures = fileURLToPath(new URL('../../../tests/fixtures/', import.meta.url));
const golden = (name: string) => fileURLToPath(new URL(`./golden/index-${name}.html`, import.meta.url));
/** The build's clock: meetings on this day count as upcoming. */
const NOW = new Date('2026-11-29T09:30:00Z');

/** Answers for out/ from a fixed list, as the build's staged view of out/ would. */
const builtOnly = (paths: readonly string[]) => async (path: string) => paths.includes(path);

/** Everything a full build writes for the fixture, less the paths in `missing`. */
function everything(ast: StudyAst, missing: readonly string[]): string[] {
  const all = [
    'lineage/lineage.svg',
    'lineage/lineage.png',
    'lineage/lineage.pdf',
    'lineage/lineage.mmd',
    'report/study-report.pdf',
    'references.bib',
    'references.json',
    'meetings.ics',
    ...ast.families.flatMap((f) => [
      `slides/${f.id}/index.html`,
      `slides/${f.id}.pdf`,
      `handout/${f.id}.pdf`,
      `lineage/lineage-${f.id}.svg`,
    ]),
    ...ast.meetings.flatMap((m) => [
      `meetings/${m.id}/index.html`,
      `meetings/${m.id}.pdf`,
      `handout/meeting-${m.id}.pdf`,
    ]),
  ];
  return all.filter((path) => !missing.includes(path));
}

function readFolder(dir: string, prefix = ''): ContentFile[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory()
      ? readFolder(dir, path)
      : [{ path, contents: readFileSync(join(dir, path), 'utf8') }];
  });
}

/** content-mini with a study.md and three meetings: one today, one ahead, one past. */
function miniWithMeetings(): StudyAst {
  const meeting = (date: string, papers: string, more = '') => ({
    path: `meetings/${date}.md`,
    contents: `---\ndate: ${date}\npapers: [${papers}]\n${more}---\n`,
  });
  return parse(
    [
      ...readFolder(`${fixtures}content-mini`),
      {
        path: 'study.md',
        contents:
          '---\ntitle: Mini <study> & co\nsubtitle: Two families\ngroup: Tuesday group\n---\n\nA small study.\n',
      },
      meeting('2026-11-19', 'alpha-1, alpha-2', 'title: Where it started\npresenter: Ada\n'),
      meeting('2026-11-29', 'beta-1', 'title: Today\n'),
      meeting('2026-12-10', 'alpha-2, beta-1', 'presenter: Alan\n'),
    ],
    { currentYear: 2026 },
  );
}

async function cases(): Promise<{ name: string; html: string }[]> {
  const mini = await loadContent(`${fixtures}content-mini`, { currentYear: 2026 });
  const zh = await loadContent(`${fixtures}content-zh`, { currentYear: 2026 });
  const meetings = miniWithMeetings();
  return [
    {
      name: 'content-mini',
      // A partial build: beta's deck and one handout missing, no PNG.
      html: await renderSiteIndex(
        mini,
        builtOnly(
          everything(mini, [
            'slides/beta/index.html',
            'slides/beta.pdf',
            'handout/alpha.pdf',
            'lineage/lineage.png',
          ]),
        ),
        NOW,
      ),
    },
    {
      name: 'content-zh',
      html: await renderSiteIndex(zh, builtOnly(everything(zh, ['report/study-report.pdf'])), NOW),
    },
    {
      name: 'meetings',
      html: await renderSiteIndex(
        meetings,
        builtOnly(everything(meetings, ['meetings/2026-12-10/index.html', 'handout/meeting-2026-11-19.pdf'])),
        NOW,
      ),
    },
  ];
}

describe('out/index.html', async () => {
  const rendered = await cases();

  it.each(rendered)('matches the golden page for $name', ({ name, html }) => {
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden(name), html);
    expect(existsSync(golden(name)), `missing ${golden(name)}: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(html).toBe(readFileSync(golden(name), 'utf8'));
  });
});
