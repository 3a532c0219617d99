import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutputFile, StudyAst } from '@studykit/core';
import type { MermaidRenderer } from '@studykit/lineage';
import { deckTargets, familiesWithPapers } from '@studykit/view';
import type { CommandLine, OutputKind } from './args.js';
import { meetingsCalendar } from './calendar.js';
import { writeHandouts } from './handouts.js';
import type { Notice } from './io.js';
import {
  deckDigest,
  familyDiagramDigest,
  lineageDigest,
  OutputDigests,
  referencesDigest,
  reportDigest,
} from './output-digests.js';
import type { createProgress } from './progress.js';
import { StoredReferences } from './reference-cache.js';
import { renderSiteIndex } from './site-index.js';
import { today } from './today.js';
import { createStaging, moveFolders, writeOutputs } from './write.js';

/** State kept between builds: the watch mode keeps the browser warm across edits. */
export interface BuildSession {
  renderer?: MermaidRenderer;
  /** A launch in progress, shared by everyone who needs the renderer meanwhile. */
  launching?: Promise<MermaidRenderer>;
  progress: ReturnType<typeof createProgress>;
  /** Where a damaged cache file is reported (the command's stderr). */
  notice: Notice;
}

export interface StepFailure {
  step: OutputKind | 'references' | 'calendar' | 'index';
  message: string;
}

export interface BuildRequest {
  kinds: readonly OutputKind[];
  /** Decks to rebuild; undefined means every selected family. */
  families?: readonly string[];
}

/**
 * Renders each requested output in turn. A failing step is reported and the others still run;
 * its previous outputs stay in place because every write is atomic.
 */
export async function runBuild(
  ast: StudyAst,
  line: CommandLine,
  session: BuildSession,
  request: BuildRequest = { kinds: line.only },
): Promise<StepFailure[]> {
  const failures: StepFailure[] = [];
  const selected = line.family.length > 0 ? line.family : undefined;
  const step = async (name: StepFailure['step'], work: () => Promise<string>) => {
    try {
      session.progress.done(name, await work());
    } catch (error) {
      failures.push({ step: name, message: describe(error) });
    }
  };
  let lineageFiles: OutputFile[] | undefined;
  const digests = await OutputDigests.load(line.cache, session.notice);
  // Read only if the report or a deck formats references; written back after the build.
  let storedReferences: Promise<StoredReferences> | undefined;
  const referenceCache = () => {
    storedReferences ??= StoredReferences.load(line.cache, session.notice);
    return storedReferences;
  };
  const lineageNow = lineageDigest(ast);
  const present = (paths: string[]) =>
    Promise.all(
      paths.map((path) =>
        access(join(line.out, path)).then(
          () => true,
          () => false,
        ),
      ),
    ).then((all) => all.every(Boolean));
  // The pages of lineage-families.pdf, in order.
  const familyIds = familiesWithPapers(ast).map((family) => family.id);
  const lineageCurrent = async () =>
    digests.get('lineage') === lineageNow &&
    (await present([
      'lineage/lineage.svg',
      'lineage/lineage.png',
      'lineage/lineage.pdf',
      ...(familyIds.length > 0 ? [FAMILY_FIGURES_PATH] : []),
    ]));

  if (request.kinds.includes('lineage')) {
    await step('lineage', async () => {
      if (!line.force && (await lineageCurrent())) return 'unchanged (nothing it draws changed)';
      const lineage = await import('@studykit/lineage');
      const early = new Map<string, OutputFile['contents']>();
      // Family diagrams whose text is unchanged since drawn are taken from disk, not drawn again.
      const kept = new Set<string>();
      try {
        lineageFiles = await lineage.renderLineage(ast, {
          renderer: await warmRenderer(session),
          onProgress: session.progress.listener,
          // lineage.svg lands first, while the PNG, the PDF and the family diagrams are still drawn.
          onFiles: async (files) => {
            await writeOutputs(line.out, files);
            for (const file of files) early.set(file.path, file.contents);
          },
          reuse: async (name, text) => {
            const drawn = line.force ? undefined : await drawnBefore(line.out, name, text, digests);
            if (drawn) kept.add(`lineage/${name}.svg`).add(`lineage/${name}.mmd`);
            return drawn;
          },
        });
      } catch (error) {
        // A dead browser must not poison the next build (watch mode): start a fresh one next time.
        await session.renderer?.close().catch(() => undefined);
        delete session.renderer;
        throw error;
      }
      // Files already written (early, or kept from before) are not written again: same bytes.
      await writeOutputs(
        line.out,
        lineageFiles.filter((file) => !kept.has(file.path) && early.get(file.path) !== file.contents),
      );
      await digests.setAll([
        ['lineage', lineageNow],
        ...lineageFiles
          .filter((file) => /^lineage\/lineage-[^/]+\.mmd$/.test(file.path))
          .map((file) => [familyDiagramKey(file.path), familyDiagramDigest(String(file.contents))] as const),
      ]);
      const keptCount = kept.size / 2;
      const keptNote =
        keptCount > 0 ? ` (${keptCount} family diagram${keptCount === 1 ? '' : 's'} unchanged)` : '';
      return `wrote ${lineageFiles.length - kept.size} files to ${join(line.out, 'lineage')}${keptNote}`;
    });
  }

  if (request.kinds.includes('report')) {
    await step('report', async () => {
      const options = {
        paperSize: line.paper,
        families: selected ? [...selected] : null,
        date: line.date ?? null,
      };
      const reportNow = reportDigest(ast, options, lineageNow);
      if (
        !line.force &&
        digests.get('report') === reportNow &&
        (await present(['report/study-report.pdf']))
      ) {
        return 'unchanged (nothing it prints changed)';
      }
      const { renderReport } = await import('@studykit/report');
      // The report embeds the diagrams of this very content: never older ones left on disk.
      const diagrams = lineageFiles
        ? reportDiagrams(lineageFiles)
        : (await lineageCurrent())
          ? await readReportDiagrams(line.out)
          : await renderReportDiagrams(ast, session);
      const files = await renderReport(ast, {
        paperSize: line.paper,
        ...(selected ? { families: [...selected] } : {}),
        ...(line.date ? { date: line.date } : {}),
        ...(diagrams.main ? { lineagePdf: diagrams.main } : {}),
        ...(diagrams.families ? { familyDiagrams: { pdf: diagrams.families, families: familyIds } } : {}),
        onProgress: session.progress.listener,
        referenceCache: await referenceCache(),
      });
      await writeOutputs(line.out, files);
      await digests.set('report', reportNow);
      return `wrote ${files.map((file) => join(line.out, file.path)).join(', ')}`;
    });
  }

  if (request.kinds.includes('slides')) {
    await step('slides', async () => {
      const families = request.families ?? selected;
      // Every deck current (inputs digest, deck.json and PDF on disk): not even the slides app loads.
      const targets = deckTargets(ast, families ? { families: [...families] } : {});
      const deckOptions = { notes: line.notes, pdf: line.pdf };
      const current = await Promise.all(
        targets.map(
          async (target) =>
            digests.get(`deck:${target.folder}`) === deckDigest(ast, target, deckOptions) &&
            (await present([`${target.folder}/deck.json`, ...(line.pdf ? [`${target.folder}.pdf`] : [])])),
        ),
      );
      if (!line.force && current.every(Boolean)) {
        return `nothing to rebuild; unchanged: ${targets.map((t) => (t.kind === 'family' ? t.id : `meeting ${t.id}`)).join(', ')}`;
      }
      const { renderDecks } = await import('@studykit/slides');
      const staging = await createStaging(line.out);
      try {
        const result = await renderDecks(ast, {
          outDir: line.out,
          stagingDir: staging.dir,
          // Chromium and mermaid start only if a deck's lineage slide is drawn.
          diagrams: {
            renderSvg: async (text, options) => (await warmRenderer(session)).renderSvg(text, options),
          },
          ...(families ? { families: [...families] } : {}),
          withNotes: line.notes,
          pdf: line.pdf,
          force: line.force,
          onProgress: session.progress.listener,
          referenceCache: await referenceCache(),
        });
        // The PDFs first: a deck folder never stands beside the PDF of an older deck for long.
        await writeOutputs(line.out, result.files);
        await moveFolders(line.out, result.folders);
        for (const target of targets)
          await digests.set(`deck:${target.folder}`, deckDigest(ast, target, deckOptions));
        const built = result.built.length > 0 ? `built ${result.built.join(', ')}` : 'nothing to rebuild';
        return `${built}${result.skipped.length > 0 ? `; unchanged: ${result.skipped.join(', ')}` : ''}`;
      } finally {
        await staging.remove();
      }
    });
  }

  // After the slides, from what they left on disk: so also for decks that were unchanged.
  if (request.kinds.includes('handout') || request.kinds.includes('slides')) {
    await step('handout', () => writeHandouts(ast, line, request.families ?? selected, digests));
  }

  // Every build, like the index: cheap, and the index links to them.
  await step('references', async () => {
    const referencesNow = referencesDigest(ast);
    if (
      !line.force &&
      digests.get('references') === referencesNow &&
      (await present(['references.bib', 'references.json']))
    ) {
      return 'unchanged';
    }
    const { referenceFiles } = await import('@studykit/citations');
    const files = referenceFiles(ast);
    await writeOutputs(line.out, files);
    await digests.set('references', referencesNow);
    return `wrote ${files.map((file) => join(line.out, file.path)).join(', ')}`;
  });

  // The meetings as a calendar, when there are any (every build, like the index that links it).
  if (ast.meetings.length > 0) {
    await step('calendar', async () => {
      const calendar = meetingsCalendar(ast, today());
      if (calendar) await writeOutputs(line.out, [{ path: 'meetings.ics', contents: calendar }]);
      return `wrote ${join(line.out, 'meetings.ics')}`;
    });
  }

  await step('index', async () => {
    await writeOutputs(line.out, [
      { path: 'index.html', contents: await renderSiteIndex(ast, line.out, today()) },
    ]);
    return `wrote ${join(line.out, 'index.html')}`;
  });
  await (await storedReferences)?.save();
  return failures;
}

/** outputs.json's key for a family diagram, from its .mmd path or its name (`lineage-<family>`). */
function familyDiagramKey(pathOrName: string): string {
  return `family-diagram:${pathOrName.replace(/^lineage\//, '').replace(/\.mmd$/, '')}`;
}

/** A family diagram on disk drawn from this very text by this renderer, with its size; else undefined. */
async function drawnBefore(
  out: string,
  name: string,
  text: string,
  digests: OutputDigests,
): Promise<{ svg: string; width: number; height: number } | undefined> {
  if (digests.get(familyDiagramKey(name)) !== familyDiagramDigest(text)) return undefined;
  const svg = await readFile(join(out, 'lineage', `${name}.svg`), 'utf8').catch(() => undefined);
  const onDisk = await readFile(join(out, 'lineage', `${name}.mmd`), 'utf8').catch(() => undefined);
  // The drawing's own size, as mermaid gave it: the viewBox (width and height attributes are rounded).
  const size = svg ? /<svg\b[^>]*?\sviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg) : null;
  if (!svg || onDisk !== text || !size) return undefined;
  return { svg, width: Number(size[1]), height: Number(size[2]) };
}

/** Where lineage-families.pdf lands (kept here: the lineage app loads only to draw). */
const FAMILY_FIGURES_PATH = 'lineage/lineage-families.pdf';

/** What the report embeds: the main diagram and the family diagrams, as PDFs. */
interface ReportDiagrams {
  main?: Uint8Array;
  families?: Uint8Array;
}

function reportDiagrams(files: readonly OutputFile[]): ReportDiagrams {
  const pdf = (path: string) => {
    const contents = files.find((file) => file.path === path)?.contents;
    return typeof contents === 'string' ? Buffer.from(contents) : contents;
  };
  const [main, families] = [pdf('lineage/lineage.pdf'), pdf(FAMILY_FIGURES_PATH)];
  return { ...(main ? { main } : {}), ...(families ? { families } : {}) };
}

async function readReportDiagrams(out: string): Promise<ReportDiagrams> {
  const read = (path: string) => readFile(join(out, path)).catch(() => undefined);
  const [main, families] = await Promise.all([read('lineage/lineage.pdf'), read(FAMILY_FIGURES_PATH)]);
  return { ...(main ? { main } : {}), ...(families ? { families } : {}) };
}

/** The diagrams drawn for the report alone (not written: lineage was not asked for). */
async function renderReportDiagrams(ast: StudyAst, session: BuildSession): Promise<ReportDiagrams> {
  const { renderLineage } = await import('@studykit/lineage');
  const diagrams = reportDiagrams(await renderLineage(ast, { renderer: await warmRenderer(session) }));
  if (!diagrams.main) throw new Error('the lineage renderer made no lineage.pdf');
  return diagrams;
}

/** The session's mermaid renderer, launched on first use and again if its Chromium went away. */
async function warmRenderer(session: BuildSession): Promise<MermaidRenderer> {
  if (session.renderer && !session.renderer.usable) delete session.renderer;
  if (session.renderer) return session.renderer;
  // Decks ask at the same time: one launch, shared (a second browser would outlive the build).
  session.launching ??= import('@studykit/lineage')
    .then(({ MermaidRenderer }) => MermaidRenderer.launch())
    .then((renderer) => {
      session.renderer = renderer;
      return renderer;
    })
    .finally(() => {
      delete session.launching;
    });
  return session.launching;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
