import type { StudyAst } from '@studykit/core';
import {
  escapeHtml,
  familyDiagramPath,
  handoutPath,
  labelsOf,
  OUTPUT_PATHS,
  outputLanguage,
  periodText,
} from '@studykit/view';

/** The MIME type of each image format a logo may have, for its data URL. */
const IMAGE_TYPES = { png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml' } as const;

/**
 * `out/index.html`: one page linking every output that exists (`exists` answers for out/ as the build
 * leaves it), with relative links so that it
 * works from a static server and from the file system alike. The group's logo (`logo`: the bytes of
 * study.md's `logo` file) is carried in the page itself, so the page stays one file.
 */
export async function renderSiteIndex(
  ast: StudyAst,
  exists: (path: string) => Promise<boolean>,
  now: Date,
  logo?: Uint8Array,
): Promise<string> {
  const labels = labelsOf(ast);
  const words = labels.indexPage;
  const link = async (path: string, label: string) =>
    (await exists(path))
      ? `<a href="${escapeHtml(path)}">${escapeHtml(label)}</a>`
      : `<span class="missing">${escapeHtml(label)}${escapeHtml(labels.aside(labels.notBuilt))}</span>`;

  const decks: string[] = [];
  for (const family of ast.families) {
    const period = family.period ? ` · ${periodText(family, labels)}` : '';
    decks.push(
      `<li><strong>${escapeHtml(family.name)}</strong> <span class="meta">${escapeHtml(family.organisation)}${period} · ${escapeHtml(labels.papers(family.papers.length))}</span><br>` +
        `${await link(`slides/${family.id}/index.html`, labels.slidesWeb)} · ${await link(`slides/${family.id}.pdf`, labels.slidesPdf)} · ` +
        `${await link(handoutPath({ kind: 'family', id: family.id }), labels.handoutPdf)} · ` +
        `${await link(familyDiagramPath(family.id, 'svg'), labels.familyDiagram)}</li>`,
    );
  }
  const diagram = await Promise.all([
    link(OUTPUT_PATHS.lineageSvg, 'SVG'),
    link(OUTPUT_PATHS.lineagePng, 'PNG'),
    link(OUTPUT_PATHS.lineagePdf, 'PDF'),
    link(OUTPUT_PATHS.lineageMermaid, words.mermaidSource),
  ]);
  // The schedule: upcoming meetings first (soonest first), then past ones (latest first).
  const today = now.toISOString().slice(0, 10);
  const shortOf = new Map(ast.papers.map((paper) => [paper.id, paper.short]));
  const meetingItem = async (meeting: StudyAst['meetings'][number]) => {
    const heading = [meeting.date, meeting.time, meeting.title].filter(Boolean).join(' · ');
    const facts = [
      meeting.papers.map((id) => shortOf.get(id) ?? id).join(labels.listSeparator),
      meeting.presenter ? labels.presentedBy(meeting.presenter) : '',
      meeting.duration ? labels.minutes(meeting.duration) : '',
      meeting.place ?? '',
    ].filter(Boolean);
    return (
      `<li><strong>${escapeHtml(heading)}</strong> <span class="meta">${escapeHtml(facts.join(' · '))}</span><br>` +
      `${await link(`meetings/${meeting.id}/index.html`, labels.slidesWeb)} · ${await link(`meetings/${meeting.id}.pdf`, labels.slidesPdf)} · ` +
      `${await link(handoutPath({ kind: 'meeting', id: meeting.id }), labels.handoutPdf)}</li>`
    );
  };
  const upcoming = ast.meetings.filter((meeting) => meeting.date >= today);
  const past = ast.meetings.filter((meeting) => meeting.date < today).reverse();
  const schedule =
    ast.meetings.length === 0
      ? ''
      : `<h2 id="schedule">${escapeHtml(labels.schedule)}</h2>
<p>${await link(OUTPUT_PATHS.calendar, 'meetings.ics')}${escapeHtml(words.dash + words.calendar)}</p>
${upcoming.length > 0 ? `<h3>${escapeHtml(labels.upcoming)}</h3>\n<ul>\n${(await Promise.all(upcoming.map(meetingItem))).join('\n')}\n</ul>\n` : ''}${past.length > 0 ? `<h3>${escapeHtml(labels.past)}</h3>\n<ul>\n${(await Promise.all(past.map(meetingItem))).join('\n')}\n</ul>\n` : ''}`;
  const asset = ast.study.logo?.data?.asset;
  const logoImg =
    asset && logo
      ? `<img class="logo" src="data:${IMAGE_TYPES[asset.format]};base64,${Buffer.from(logo).toString('base64')}" alt="${escapeHtml(ast.study.logo?.alt ?? '')}" width="${asset.width}" height="${asset.height}">\n`
      : '';
  const accent = ast.study.accent
    ? `  :root { --accent: ${escapeHtml(ast.study.accent)}; } h1 { border-bottom: 4px solid var(--accent); } h2 { color: var(--accent); }\n  @media (prefers-color-scheme: light) { a { color: var(--accent); } }\n`
    : '';
  return `<!doctype html>
<html lang="${outputLanguage(ast) === 'zh' ? 'zh-Hans' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(ast.study.title)}</title>
<link rel="icon" href="data:,">
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1f2933; }
  h1 { margin-bottom: 0.2rem; } .meta, footer { color: #616e7c; font-size: 0.9rem; }
  li { margin: 0.6rem 0; } .missing { color: #9aa5b1; } a { color: #0b69a3; }
  :root { color-scheme: light dark; }
  @media (prefers-color-scheme: dark) {
    body { background: #111827; color: #e5e7eb; } .meta, footer { color: #9ca3af; }
    a { color: #7cc4fa; } .missing { color: #6b7280; }
  }
${logoImg ? '  .logo { float: right; max-height: 4rem; max-width: 12rem; width: auto; height: auto; margin-left: 1rem; }\n' : ''}${accent}</style>
</head>
<body>
${logoImg}<h1>${escapeHtml(ast.study.title)}</h1>
${ast.study.subtitle ? `<p>${escapeHtml(ast.study.subtitle)}</p>\n` : ''}${ast.study.description.text ? `<p>${escapeHtml(ast.study.description.text)}</p>\n` : ''}<p class="meta">${escapeHtml([ast.study.group, labels.papersInFamilies(ast.papers.length, ast.families.length), labels.builtAt(`${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`)].filter(Boolean).join(' · '))}</p>
${schedule}<h2>${escapeHtml(labels.report)}</h2>
<p>${await link(OUTPUT_PATHS.report, 'study-report.pdf')}${escapeHtml(words.dash + words.reportNote)}</p>
<h2>${escapeHtml(labels.references)}</h2>
<p>${await link(OUTPUT_PATHS.bibtex, 'references.bib')}${escapeHtml(labels.aside(words.bibtex))} · ${await link(OUTPUT_PATHS.cslJson, 'references.json')}${escapeHtml(labels.aside(words.cslJson))}${escapeHtml(words.dash + words.referencesNote)}</p>
<h2>${escapeHtml(words.lineageDiagram)}</h2>
<p>${diagram.join(' · ')}</p>
<h2>${escapeHtml(words.decksHeading)}</h2>
<p class="meta">${escapeHtml(words.decksNote[0])}<code>studykit present</code>${escapeHtml(words.decksNote[1])}<code>studykit present --family ID</code>${escapeHtml(words.decksNote[2])}</p>
<ul>
${decks.join('\n')}
</ul>
<footer>${escapeHtml(words.generatedBy)}</footer>
</body>
</html>
`;
}
