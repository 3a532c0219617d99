import type { Diagnostic } from './ast.js';
import { printable } from './printable.js';

/**
 * One line per diagnostic, `path:line:col  severity  message  rule`, then its hint indented:
 * editors and terminals turn `path:line:col` into a link. A control character in a file name (a line
 * break) or in a quoted value is printed escaped.
 */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  options: { hints?: boolean } = {},
): string {
  const lines: string[] = [];
  for (const diagnostic of diagnostics) {
    lines.push(
      `${printable(diagnostic.file)}:${diagnostic.line}:${diagnostic.column}  ${diagnostic.severity}  ${printable(diagnostic.message)}  ${diagnostic.rule}`,
    );
    if (options.hints !== false && diagnostic.hint) lines.push(`  hint: ${diagnostic.hint}`);
  }
  return lines.join('\n');
}

export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
