/**
 * The contract between renderers and the CLI: a renderer returns files, only the CLI writes them
 * (atomically) under the output folder.
 */
export interface OutputFile {
  /** Path relative to the output folder, `/`-separated, e.g. `lineage/lineage.svg`. */
  path: string;
  contents: string | Uint8Array;
}

/**
 * A folder a renderer built in the CLI's staging area (a Slidev site): the CLI swaps it into place
 * whole, so a reader never sees half an old deck and half a new one.
 */
export interface OutputFolder {
  /** Path relative to the output folder, e.g. `slides/openai`. */
  path: string;
  /** Absolute path of the finished folder in the staging area (same file system as the output). */
  from: string;
}

export interface ProgressEvent {
  /** A short step name, e.g. "lineage", "slides". */
  step: string;
  /** What is happening, e.g. "rendering lineage.svg" or "deck openai". */
  detail: string;
  done: number;
  total: number;
}

export type ProgressListener = (event: ProgressEvent) => void;
