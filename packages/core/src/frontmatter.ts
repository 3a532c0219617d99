import type { Root } from 'mdast';
import { type Document, isCollection, isMap, isNode, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Span } from './ast.js';
import type { DiagnosticSink } from './diagnostics.js';
import type { Locator } from './location.js';
import { yamlProblems } from './yaml-errors.js';

export type FieldPath = readonly (string | number)[];

/** Parsed frontmatter plus the way back from a field path to its place in the file. */
export interface Frontmatter {
  data: unknown;
  /** The whole `---` … `---` block. */
  span: Span;
  /** The key of a field (`title:`), or undefined when absent. */
  keySpan(path: FieldPath): Span | undefined;
  /** The value of a field, or undefined when absent. */
  valueSpan(path: FieldPath): Span | undefined;
  /** The value if present, else the key, else the innermost present parent, else the block itself. */
  bestSpan(path: FieldPath): Span;
  /**
   * For a key with no value followed by a comment on its line (`colour: #e11d48`, where YAML reads
   * the unquoted `#` as a comment): the comment's span; else undefined.
   */
  commentedValue(path: FieldPath): Span | undefined;
  /** The text of that comment (`#e11d48`). */
  commentText(path: FieldPath): string | undefined;
}

/**
 * Reads the YAML frontmatter of a parsed file. Reports a missing, unclosed or malformed block and
 * returns undefined then.
 */
export function readFrontmatter(
  tree: Root,
  text: string,
  locator: Locator,
  sink: DiagnosticSink,
): Frontmatter | undefined {
  const first = tree.children[0];
  if (first?.type !== 'yaml' || !first.position) {
    const opensButNeverCloses = /^---[ \t]*\r?\n/.test(text);
    sink.report(
      'frontmatter-missing',
      locator.span(0, Math.min(text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'), 3)),
      opensButNeverCloses
        ? 'Frontmatter is not closed: no line `---` ends it'
        : 'File has no frontmatter (it must start with a line `---`)',
    );
    return undefined;
  }
  const blockStart = first.position.start.offset ?? 0;
  const blockEnd = first.position.end.offset ?? blockStart;
  const firstBreak = text.indexOf('\n', blockStart);
  const yamlStart = firstBreak === -1 ? blockEnd : firstBreak + 1;
  const yamlText = first.value;
  const block = locator.span(blockStart, blockEnd);

  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  const at = (range: readonly number[] | null | undefined): Span | undefined =>
    range && range.length >= 2
      ? locator.span(yamlStart + (range[0] as number), yamlStart + (range[1] as number))
      : undefined;

  if (doc.errors.length > 0) {
    const unclosed = unclosedFlowCollections(doc, yamlText);
    for (const problem of yamlProblems(doc.errors, yamlText)) {
      const error = doc.errors.find((candidate) => candidate.pos[0] === problem.offset);
      // An unclosed quote, `[` or `{` is only noticed where the next line starts (or the block ends):
      // point at the character that opened it.
      const opening = problem.message.includes('Missing closing')
        ? unbalancedQuote(yamlText)
        : /Invalid YAML: Flow (sequence|map)\b/.test(problem.message) && error
          ? takeUnclosed(unclosed, error.pos[0])
          : undefined;
      if (opening !== undefined) {
        const char = yamlText[opening] ?? '';
        const closer = char === '[' ? ']' : char === '{' ? '}' : char;
        sink.report(
          'yaml-syntax',
          locator.span(yamlStart + opening, yamlStart + opening + 1),
          `The \`${char}\` opened here is never closed`,
          `Close it with \`${closer}\` on the same line${char === '"' || char === "'" ? '' : ' (or quote the whole value)'}.`,
        );
        continue;
      }
      const span = locator.span(yamlStart + problem.offset, yamlStart + problem.offset + problem.length);
      sink.report('yaml-syntax', span, problem.message, problem.hint);
    }
    return undefined;
  }

  let data: unknown;
  try {
    data = doc.toJS() ?? {};
  } catch (error) {
    // Only at conversion does yaml notice e.g. an alias to an anchor that does not exist (`*x`).
    sink.report('yaml-syntax', block, `Invalid YAML: ${firstSentence((error as Error).message)}`);
    return undefined;
  }
  /** Offsets in yamlText of the comment right after the key at `path` (`key:  #…` to the line end). */
  const commentAfterKey = (path: FieldPath): [number, number] | undefined => {
    const pair = findPair(doc, path);
    if (!pair?.key || (pair.value && yamlText.slice(pair.value[0], pair.value[1]).trim() !== ''))
      return undefined;
    const match = /^:[ \t]+(#[^\r\n]*)/.exec(yamlText.slice(pair.key[1] as number));
    if (!match?.[1]) return undefined;
    const start = (pair.key[1] as number) + match[0].length - match[1].length;
    return [start, start + match[1].trimEnd().length];
  };
  const frontmatter: Frontmatter = {
    data,
    commentedValue: (path) => at(commentAfterKey(path)),
    commentText: (path) => {
      const range = commentAfterKey(path);
      return range ? yamlText.slice(range[0], range[1]) : undefined;
    },
    span: block,
    keySpan: (path) => at(findPair(doc, path)?.key),
    valueSpan: (path) => at(findPair(doc, path)?.value ?? nodeRange(doc.getIn(path, true))),
    bestSpan: (path) => {
      for (let length = path.length; length > 0; length--) {
        const partial = path.slice(0, length);
        const span = frontmatter.valueSpan(partial) ?? frontmatter.keySpan(partial);
        if (span) return span;
      }
      return block;
    },
  };
  return frontmatter;
}

function nodeRange(node: unknown): readonly number[] | undefined {
  return isNode(node) && node.range ? node.range : undefined;
}

/** The key and value ranges of the map entry at `path` (for a sequence item, only the value). */
function findPair(
  doc: Document,
  path: FieldPath,
): { key?: readonly number[]; value?: readonly number[] } | undefined {
  if (path.length === 0) return undefined;
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
    if (!pair) return undefined;
    return { key: nodeRange(pair.key), value: nodeRange(pair.value) };
  }
  if (isSeq(parent) && typeof last === 'number') {
    const range = nodeRange(parent.items[last]);
    return range ? { value: range } : undefined;
  }
  return undefined;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}

/** Offset of the quote that opens a never-closed quoted scalar (first line with an odd quote count). */
function unbalancedQuote(yamlText: string): number | undefined {
  let offset = 0;
  for (const line of yamlText.split('\n')) {
    const doubles = line.match(/(?<!\\)"/g)?.length ?? 0;
    const singles = line.match(/'/g)?.length ?? 0;
    if (doubles % 2 === 1) return offset + line.indexOf('"');
    if (singles % 2 === 1) return offset + line.indexOf("'");
    offset += line.length + 1;
  }
  return undefined;
}

/** A flow collection (`[…]` or `{…}`) that its closing bracket never ends. */
interface UnclosedFlow {
  open: number;
  end: number;
}

/** The flow collections left open, innermost first (the order yaml reports them in). */
function unclosedFlowCollections(doc: Document, yamlText: string): UnclosedFlow[] {
  const found: UnclosedFlow[] = [];
  visit(doc, (_key, node) => {
    if (!isCollection(node) || !node.flow || !node.range) return;
    const [open, end] = node.range;
    const opener = yamlText[open];
    const closer = opener === '[' ? ']' : opener === '{' ? '}' : undefined;
    if (closer && yamlText[end - 1] !== closer) found.push({ open, end });
  });
  return found.sort((a, b) => b.open - a.open);
}

/**
 * Offset of the bracket that opens the unclosed flow collection yaml complains about at `errorAt`
 * (where the collection stopped); each collection is claimed once.
 */
function takeUnclosed(unclosed: UnclosedFlow[], errorAt: number): number | undefined {
  const index = unclosed.findIndex((flow) => flow.end === errorAt);
  if (index === -1) return undefined;
  return unclosed.splice(index, 1)[0]?.open;
}
