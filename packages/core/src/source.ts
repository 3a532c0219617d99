import type { Root } from 'mdast';
import type { Footnote, Span } from './ast.js';
import { spanOfNodes, toBlock } from './blocks.js';
import type { DiagnosticSink } from './diagnostics.js';
import { sha256 } from './digest.js';
import { type ImageReference, readFigures } from './figures.js';
import { type Frontmatter, readFrontmatter } from './frontmatter.js';
import { checkTables } from './layout-limits.js';
import { createLocator, type Locator } from './location.js';
import { parseMarkdown } from './markdown.js';
import { firstDeepLinePrefix, firstTooDeep, NESTING_MESSAGE } from './nesting.js';
import { resolveReferences } from './references.js';

/** One content file as given to `parse`. */
export interface ContentFile {
  /** Relative to the content folder, `/`-separated. */
  path: string;
  contents: string;
}

/** A content file after the steps every kind of file shares: BOM, markdown, frontmatter. */
export interface ParsedSource {
  path: string;
  text: string;
  digest: string;
  tree: Root;
  /** Footnote definitions, taken out of the tree and numbered (see references.ts). */
  footnotes: Footnote[];
  locator: Locator;
  frontmatter: Frontmatter | undefined;
  /** The whole file, for diagnostics about it as a whole. */
  span: Span;
  /** The last line with text, where "something is missing at the end" points. */
  end: Span;
  /** Local images the file shows (meeting questions add theirs), resolved against its folder. */
  images: ImageReference[];
  /** Nested deeper than MAX_NESTING (reported): nothing may walk the tree, only the frontmatter is read. */
  tooDeep: boolean;
}

export function readSource(file: ContentFile, sink: DiagnosticSink): ParsedSource | undefined {
  // A UTF-8 BOM is invisible in editors: drop it so that line 1 column 1 is where the author sees it.
  const text = file.contents.startsWith('\uFEFF') ? file.contents.slice(1) : file.contents;
  const locator = createLocator(file.path, text);
  if (text.trim().length === 0) {
    sink.report('file-empty', locator.span(0, 0), 'File is empty');
    return undefined;
  }
  const tree = parseOrReport(text, locator, sink);
  if (!tree) return undefined;
  const deep = firstTooDeep(tree);
  if (deep) sink.report('nesting-too-deep', spanOfNodes([deep.node], locator), deep.message);
  const { footnotes } = deep ? { footnotes: [] } : resolveReferences(tree);
  if (!deep) checkTables(tree, locator, sink);
  // Mermaid blocks become diagrams before any reader groups the tree into sections.
  const images = deep
    ? []
    : readFigures(
        [tree.children, ...footnotes.map((footnote) => footnote.children)],
        { path: file.path, text, locator },
        sink,
      );
  const frontmatter = readFrontmatter(tree, text, locator, sink);
  const contentEnd = text.trimEnd().length;
  const lastLineStart = text.lastIndexOf('\n', contentEnd - 1) + 1;
  return {
    path: file.path,
    text,
    digest: sha256(text),
    tree,
    footnotes: footnotes.map((footnote) => ({ label: footnote.label, ...toBlock(footnote.children) })),
    locator,
    frontmatter,
    span: locator.span(0, text.length),
    end: locator.span(lastLineStart, contentEnd),
    images,
    tooDeep: deep !== undefined,
  };
}

/** The markdown tree, or undefined when remark itself ran out of stack (reported, never thrown). */
function parseOrReport(text: string, locator: Locator, sink: DiagnosticSink): Root | undefined {
  try {
    return parseMarkdown(text);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const at = firstDeepLinePrefix(text) ?? 0;
    sink.report('nesting-too-deep', locator.span(at, at), NESTING_MESSAGE);
    return undefined;
  }
}

export function fileStem(path: string): string {
  const base = path.split('/').pop() ?? path;
  return base.replace(/\.md$/i, '');
}
