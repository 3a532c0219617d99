/**
 * A build is a list of steps, one module per output (pandoc registers its writers the same way):
 * each says whether a request wants it and renders into the build's staging folder, returning one
 * line for the progress log. `run-build.ts` runs them in order.
 */
import type { OutputFile, StudyAst } from '@studykit/core';
import type { CommandLine, OutputKind } from '../args.js';
import type { OutputDigests } from '../output-digests.js';
import type { StoredReferences } from '../reference-cache.js';
import type { BuildSession } from '../session.js';
import type { StagedOutputs } from '../staged-outputs.js';

export type StepName = OutputKind | 'references' | 'calendar';

export interface BuildRequest {
  kinds: readonly OutputKind[];
  /**
   * Watch: each step's outputs land as soon as it is done (the diagram does not wait for the decks).
   * A build lands its outputs as one set, at the end.
   */
  commitEachStep?: boolean;
}

/** What every step of one build shares. */
export interface BuildContext {
  ast: StudyAst;
  line: CommandLine;
  session: BuildSession;
  request: BuildRequest;
  staged: StagedOutputs;
  digests: OutputDigests;
  /** The families `--family` selected; undefined for every one. */
  selected: readonly string[] | undefined;
  /** Formatted references kept across builds, read on first use. */
  referenceCache(): Promise<StoredReferences>;
  /** Whether every path exists as out/ will be after this build. */
  present(paths: readonly string[]): Promise<boolean>;
  /** Files earlier steps made in this build (the report embeds the diagram's PDFs). */
  made: Map<StepName, readonly OutputFile[]>;
}

export interface BuildStep {
  name: StepName;
  wanted(context: BuildContext): boolean;
  /** Renders and stages the output; returns what it did, in one line. */
  run(context: BuildContext): Promise<string>;
}
