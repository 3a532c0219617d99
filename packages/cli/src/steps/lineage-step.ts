/**
 * The lineage diagram: lineage.{mmd,svg,png,pdf}, a diagram per family and lineage-families.pdf.
 * Family diagrams whose mermaid text is unchanged since drawn are taken from disk.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutputFile, StudyAst } from '@studykit/core';
import { outputDigest } from '@studykit/core/renderer-stamp';
import { lineageInputs, lineageStamp } from '@studykit/lineage/inputs';
import { familiesWithPapers, familyDiagramPath, OUTPUT_PATHS } from '@studykit/view';
import type { OutputDigests } from '../output-digests.js';
import { dropRenderer, warmRenderer } from '../session.js';
import type { BuildContext, BuildStep } from './step.js';

export const lineageStep: BuildStep = {
  name: 'lineage',
  wanted: ({ request }) => request.kinds.includes('lineage'),
  async run(context) {
    const { ast, line, session, staged, digests, request } = context;
    if (!line.force && (await lineageCurrent(context))) return 'unchanged (nothing it draws changed)';
    const lineage = await import('@studykit/lineage');
    const early = new Map<string, OutputFile['contents']>();
    // Family diagrams whose text is unchanged since drawn are taken from disk, not drawn again.
    const kept = new Set<string>();
    // The renderer hands files over from diagrams drawn at the same time: they land one set after the
    // other (two commits at once renamed the same staged file twice; watch failed half the time).
    let landing = Promise.resolve();
    const land = async (first: OutputFile[]) => {
      await staged.stageFiles(first);
      if (request.commitEachStep) await staged.commit();
      for (const file of first) early.set(file.path, file.contents);
    };
    let files: OutputFile[];
    try {
      files = await lineage.renderLineage(ast, {
        renderer: await warmRenderer(session),
        onProgress: session.progress.listener,
        // lineage.svg is staged first (and lands at once in watch), while the rest is still drawn.
        onFiles: (first) => {
          landing = landing.then(() => land(first));
          return landing;
        },
        reuse: async (name, text) => {
          const drawn = line.force ? undefined : await drawnBefore(line.out, name, text, digests);
          if (drawn) kept.add(`lineage/${name}.svg`).add(`lineage/${name}.mmd`);
          return drawn;
        },
      });
    } catch (error) {
      await dropRenderer(session);
      // What was staged early does not land without the rest of the diagram.
      staged.drop([...early.keys()]);
      throw error;
    }
    context.made.set('lineage', files);
    // Files already staged (early, or kept from before) are not staged again: same bytes.
    await staged.stageFiles(
      files.filter((file) => !kept.has(file.path) && early.get(file.path) !== file.contents),
    );
    digests.setAll([
      ['lineage', lineageDigest(ast)],
      ...files
        .filter((file) => /^lineage\/lineage-[^/]+\.mmd$/.test(file.path))
        .map((file) => [familyDiagramKey(file.path), familyDiagramDigest(String(file.contents))] as const),
    ]);
    const keptCount = kept.size / 2;
    const keptNote =
      keptCount > 0 ? ` (${keptCount} family diagram${keptCount === 1 ? '' : 's'} unchanged)` : '';
    return `wrote ${files.length - kept.size} files to ${join(line.out, 'lineage')}${keptNote}`;
  },
};

/** What the diagram draws (the lineage's own answer), by the renderer and the Chromium that draw it. */
export function lineageDigest(ast: StudyAst): string {
  let digest = lineageDigests.get(ast);
  if (digest === undefined) {
    digest = outputDigest(lineageStamp(), lineageInputs(ast));
    lineageDigests.set(ast, digest);
  }
  return digest;
}
/** Per parsed content: the lineage step and the report (which embeds the diagram) both ask. */
const lineageDigests = new WeakMap<StudyAst, string>();

/** A family diagram is its mermaid text drawn by the lineage renderer. */
function familyDiagramDigest(text: string): string {
  return outputDigest(lineageStamp(), text);
}

/** Whether the diagram on disk was drawn from this content by this renderer, and is all there. */
export async function lineageCurrent({ ast, digests, present }: BuildContext): Promise<boolean> {
  return (
    digests.get('lineage') === lineageDigest(ast) &&
    (await present([
      OUTPUT_PATHS.lineageSvg,
      OUTPUT_PATHS.lineagePng,
      OUTPUT_PATHS.lineagePdf,
      ...(hasFamilyFigures(ast) ? [OUTPUT_PATHS.familyFigures] : []),
    ]))
  );
}

/** lineage-families.pdf exists when a family has papers (a page each). */
function hasFamilyFigures(ast: StudyAst): boolean {
  return familiesWithPapers(ast).length > 0;
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
  const family = name.replace(/^lineage-/, '');
  const read = (extension: 'svg' | 'mmd') =>
    readFile(join(out, ...familyDiagramPath(family, extension).split('/')), 'utf8').catch(() => undefined);
  const [svg, onDisk] = await Promise.all([read('svg'), read('mmd')]);
  // The drawing's own size, as mermaid gave it: the viewBox (width and height attributes are rounded;
  // ELK's drawings start off the origin, e.g. "4 4 556.98 217").
  const size = svg ? /<svg\b[^>]*?\sviewBox="-?[\d.]+ -?[\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg) : null;
  if (!svg || onDisk !== text || !size) return undefined;
  return { svg, width: Number(size[1]), height: Number(size[2]) };
}
