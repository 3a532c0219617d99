/**
 * The slice of CSL-JSON (Citation Style Language, the format citeproc and Zotero read) that studykit
 * writes. Plain JSON: `out/references.json` is an array of `CslItem`.
 */

/** A person split into parts, or an organisation (or a name we cannot split safely) as `literal`. */
export type CslName =
  | { family: string; given?: string; 'non-dropping-particle'?: string; suffix?: string }
  | { literal: string };

/** The CSL types a paper's venue maps to (see venue-kind.ts). */
export type CslType =
  | 'article'
  | 'article-journal'
  | 'paper-conference'
  | 'report'
  | 'post-weblog'
  | 'webpage';

export interface CslItem {
  id: string;
  'citation-key': string;
  type: CslType;
  title: string;
  author: CslName[];
  issued: { 'date-parts': [[number]] };
  URL: string;
  /** Journal or conference name, or the blog or site. */
  'container-title'?: string;
  /** Who issued a preprint or report: arXiv, or the paper's organisation. */
  publisher?: string;
  /** A preprint's number, e.g. `arXiv:2005.14165`. */
  number?: string;
  /** The kind of report, e.g. "Technical report". */
  genre?: string;
}
