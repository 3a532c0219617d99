/** The printable study report, with the diagrams of this very content embedded in it. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutputFile, StudyAst } from '@studykit/core';
import { outputDigest } from '@studykit/core/renderer-stamp';
import { reportInputs, reportStamp } from '@studykit/report/inputs';
import { familiesWithPapers, OUTPUT_PATHS } from '@studykit/view';
import { type BuildSession, warmRenderer } from '../session.js';
import { lineageCurrent, lineageDigest } from './lineage-step.js';
import type { BuildContext, BuildStep } from './step.js';

export const reportStep: BuildStep = {
  name: 'report',
  wanted: ({ request }) => request.kinds.includes('report'),
  async run(context) {
    const { ast, line, session, staged, digests, selected, present } = context;
    const reportNow = outputDigest(
      reportStamp(),
      reportInputs(ast, {
        paperSize: line.paper,
        families: selected ? [...selected] : null,
        date: line.date ?? null,
        lineage: lineageDigest(ast),
      }),
    );
    if (!line.force && digests.get('report') === reportNow && (await present([OUTPUT_PATHS.report]))) {
      return 'unchanged (nothing it prints changed)';
    }
    const { renderReport } = await import('@studykit/report');
    // The report embeds the diagrams of this very content: never older ones left on disk.
    const drawn = context.made.get('lineage');
    const diagrams = drawn
      ? diagramsIn(drawn)
      : (await lineageCurrent(context))
        ? await diagramsOnDisk(context)
        : await drawDiagrams(ast, session);
    const familyIds = familiesWithPapers(ast).map((family) => family.id);
    const files = await renderReport(ast, {
      paperSize: line.paper,
      ...(selected ? { families: [...selected] } : {}),
      ...(line.date ? { date: line.date } : {}),
      ...(diagrams.main ? { lineagePdf: diagrams.main } : {}),
      ...(diagrams.families ? { familyDiagrams: { pdf: diagrams.families, families: familyIds } } : {}),
      onProgress: session.progress.listener,
      referenceCache: await context.referenceCache(),
      // Formulas, SVG images and mermaid blocks are printed by the lineage's Chromium, started only
      // when the notes have any; images are read from the content folder.
      renderer: () => warmRenderer(session),
      readFile: (file) => readFile(join(line.content, file)),
    });
    await staged.stageFiles(files);
    digests.set('report', reportNow);
    return `wrote ${files.map((file) => join(line.out, file.path)).join(', ')}`;
  },
};

/** What the report embeds: the main diagram and the family diagrams, as PDFs. */
interface ReportDiagrams {
  main?: Uint8Array;
  families?: Uint8Array;
}

function diagramsIn(files: readonly OutputFile[]): ReportDiagrams {
  const pdf = (path: string) => {
    const contents = files.find((file) => file.path === path)?.contents;
    return typeof contents === 'string' ? Buffer.from(contents) : contents;
  };
  return withDefined(pdf(OUTPUT_PATHS.lineagePdf), pdf(OUTPUT_PATHS.familyFigures));
}

async function diagramsOnDisk({ staged }: BuildContext): Promise<ReportDiagrams> {
  const [main, families] = await Promise.all([
    staged.read(OUTPUT_PATHS.lineagePdf),
    staged.read(OUTPUT_PATHS.familyFigures),
  ]);
  return withDefined(main, families);
}

/** The diagrams drawn for the report alone (not written: lineage was not asked for). */
async function drawDiagrams(ast: StudyAst, session: BuildSession): Promise<ReportDiagrams> {
  const { renderLineage } = await import('@studykit/lineage');
  const diagrams = diagramsIn(await renderLineage(ast, { renderer: await warmRenderer(session) }));
  if (!diagrams.main) throw new Error('the lineage renderer made no lineage.pdf');
  return diagrams;
}

function withDefined(main: Uint8Array | undefined, families: Uint8Array | undefined): ReportDiagrams {
  return { ...(main ? { main } : {}), ...(families ? { families } : {}) };
}
