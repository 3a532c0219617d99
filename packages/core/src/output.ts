/**
 * The contract between renderers and the CLI: a renderer returns files, only the CLI writes them
 * (atomically) under the output folder.
 */
export interface OutputFile {
  /** Path relative to the output folder, `/`-separated, e.g. `lineage/lineage.svg`. */
  path: string;
  contents: string | Uint8Array;
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
