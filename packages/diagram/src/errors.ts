import { sizeText } from './capture-limits.js';

/** The generated mermaid text does not parse: a bug in the generator or a label that slipped through. */
export class DiagramSyntaxError extends Error {
  override readonly name = 'DiagramSyntaxError';
  constructor(
    message: string,
    /** 1-based line of the mermaid text mermaid complained about, when it said. */
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Turn mermaid's parse error into a message that names the offending line of the generated text. */
export function syntaxErrorFrom(text: string, mermaidMessage: string, diagram: string): DiagramSyntaxError {
  const match = /line (\d+)/i.exec(mermaidMessage);
  const line = match?.[1] ? Number(match[1]) : undefined;
  // mermaid drops `%%` comment lines before parsing, so its line numbers count the other lines only.
  const source = line ? text.split('\n').filter((l) => !/^\s*%%/.test(l))[line - 1] : undefined;
  const where = line ? ` at line ${line}${source !== undefined ? `: ${source.trim()}` : ''}` : '';
  return new DiagramSyntaxError(
    `The generated mermaid text for ${diagram} does not parse${where}\n${mermaidMessage.trim()}`,
    line,
  );
}

/**
 * Drawing, capturing or printing a diagram failed. The message is one line that names the output,
 * the cause and what to do, e.g. `lineage.png: the diagram is 40,000 × 9,000 px, too large to capture
 * even at 0.25× (…); open lineage.svg or lineage.pdf instead, which hold it in full`.
 */
export class DiagramRenderError extends Error {
  override readonly name = 'DiagramRenderError';
}

/** `render` stopped because `fits` said the drawn diagram is too large; nothing was written. */
export class DiagramDeclined extends Error {
  override readonly name = 'DiagramDeclined';
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    super(`the diagram is ${sizeText(width, height)}`);
  }
}

/**
 * An error as one short line: Playwright's `Call log:` section (the steps it took, many lines), its
 * `Browser logs:` and `=== logs ===` blocks (Chromium's output) and
 * terminal colour codes are dropped, whitespace is collapsed, and very long messages are cut.
 */
export function oneLine(error: unknown, max = 240): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message
    // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colour codes are what we remove
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split(/\n\s*(?:Call log:|Browser logs:|={3,} logs ={3,})/)[0]
    ?.replace(/\s+/g, ' ')
    .trim();
  if (!line) return 'no message';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
