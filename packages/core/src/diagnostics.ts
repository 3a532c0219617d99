import { VFileMessage } from 'vfile-message';
import type { Diagnostic, Span } from './ast.js';
import { compareCodePoints } from './compare.js';
import { RULES, type RuleId } from './rules.js';

/** Collects diagnostics while parsing; parse never throws on content, it reports here. */
export class DiagnosticSink {
  readonly list: Diagnostic[] = [];

  report(rule: RuleId, span: Span, message: string, hint: string = RULES[rule].hint): void {
    this.list.push({
      file: span.file,
      line: span.start.line,
      column: span.start.column,
      endLine: span.end.line,
      endColumn: span.end.column,
      severity: RULES[rule].severity,
      message,
      rule,
      hint,
    });
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/** Stable order: by file, then position, then rule (code points: the same under every locale). */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      compareCodePoints(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareCodePoints(a.rule, b.rule),
  );
}

/** The same diagnostic as a unified `VFileMessage`, for tools of the unified collective (vfile-reporter …). */
export function toVFileMessage(diagnostic: Diagnostic): VFileMessage {
  const message = new VFileMessage(diagnostic.message, {
    place: {
      start: { line: diagnostic.line, column: diagnostic.column },
      end: { line: diagnostic.endLine, column: diagnostic.endColumn },
    },
    ruleId: diagnostic.rule,
    source: 'studykit',
  });
  message.file = diagnostic.file;
  message.fatal = diagnostic.severity === 'error';
  if (diagnostic.hint) message.note = diagnostic.hint;
  return message;
}
