/** The generated mermaid text does not parse: a bug in the generator or a label that slipped through. */
export class LineageSyntaxError extends Error {
  override readonly name = 'LineageSyntaxError';
  constructor(
    message: string,
    /** 1-based line of the mermaid text mermaid complained about, when it said. */
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Turn mermaid's parse error into a message that names the offending line of the generated text. */
export function syntaxErrorFrom(text: string, mermaidMessage: string, diagram: string): LineageSyntaxError {
  const match = /line (\d+)/i.exec(mermaidMessage);
  const line = match?.[1] ? Number(match[1]) : undefined;
  // mermaid drops `%%` comment lines before parsing, so its line numbers count the other lines only.
  const source = line ? text.split('\n').filter((l) => !/^\s*%%/.test(l))[line - 1] : undefined;
  const where = line ? ` at line ${line}${source !== undefined ? `: ${source.trim()}` : ''}` : '';
  return new LineageSyntaxError(
    `The generated mermaid text for ${diagram} does not parse${where}\n${mermaidMessage.trim()}`,
    line,
  );
}
