/**
 * A build is a loop over steps (`steps/`, one module per output, in the order outputs depend on one
 * another): each renders into the build's staging folder, and the set lands in out/ at the end (see
 * staged-outputs.ts). A failing step is reported and the others still land; the failed step's
 * previous outputs stay in place. The caller holds out/'s lock.
 */
import type { StudyAst } from '@studykit/core';
import type { CommandLine } from './args.js';
import { OutputDigests } from './output-digests.js';
import { StoredReferences } from './reference-cache.js';
import type { BuildSession } from './session.js';
import { StagedOutputs } from './staged-outputs.js';
import { calendarStep } from './steps/calendar-step.js';
import { handoutStep } from './steps/handout-step.js';
import { indexStep } from './steps/index-step.js';
import { lineageStep } from './steps/lineage-step.js';
import { referencesStep } from './steps/references-step.js';
import { reportStep } from './steps/report-step.js';
import { slidesStep } from './steps/slides-step.js';
import type { BuildContext, BuildRequest, BuildStep, StepName } from './steps/step.js';

export type { BuildSession } from './session.js';
export type { BuildRequest } from './steps/step.js';

/**
 * In order: the report embeds the diagram, handouts print the decks, and the index, last, links
 * what out/ will hold.
 */
export const BUILD_STEPS: readonly BuildStep[] = [
  lineageStep,
  reportStep,
  slidesStep,
  handoutStep,
  referencesStep,
  calendarStep,
  indexStep,
];

export interface StepFailure {
  step: StepName;
  message: string;
}

export async function runBuild(
  ast: StudyAst,
  line: CommandLine,
  session: BuildSession,
  request: BuildRequest = { kinds: line.only },
): Promise<StepFailure[]> {
  const staged = await StagedOutputs.open(line.out);
  // Steps land their own files too (the lineage lands lineage.svg early in watch): told from there.
  staged.onLanded = session.landed;
  const digests = await OutputDigests.load(line.cache, session.notice);
  // Read only if the report or a deck formats references; written back after the build.
  let references: Promise<StoredReferences> | undefined;
  const context: BuildContext = {
    ast,
    line,
    session,
    request,
    staged,
    digests,
    selected: line.family.length > 0 ? line.family : undefined,
    referenceCache: () => {
      references ??= StoredReferences.load(line.cache, session.notice);
      return references;
    },
    present: async (paths) => (await Promise.all(paths.map((path) => staged.exists(path)))).every(Boolean),
    made: new Map(),
  };
  // What landed in out/ is recorded only once it is there: a digest never claims missing files.
  const commit = async () => {
    await staged.commit();
    await digests.save();
  };
  const failures: StepFailure[] = [];
  try {
    for (const step of BUILD_STEPS) {
      if (!step.wanted(context)) continue;
      try {
        const summary = await step.run(context);
        if (request.commitEachStep) await commit();
        session.progress.done(step.name, summary);
      } catch (error) {
        failures.push({ step: step.name, message: error instanceof Error ? error.message : String(error) });
      }
    }
    await commit();
    await (await references)?.save();
    return failures;
  } finally {
    await staged.close();
  }
}
