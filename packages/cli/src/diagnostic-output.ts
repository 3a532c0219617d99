/**
 * What `check` (and `build`, before it renders) prints about the content, in the format asked for:
 * text for people (`path:line:col`, then a hint), JSON for editors and scripts, or GitHub Actions
 * workflow commands, which GitHub shows as annotations on the lines of a pull request.
 */
import { join } from 'node:path';
import { type Diagnostic, formatDiagnostics, type StudyAst, summarizeDiagnostics } from '@studykit/core';
import type { DiagnosticFormat } from './args.js';

export interface DiagnosticOutput {
  stdout: string;
  stderr: string;
}

export function diagnosticOutput(ast: StudyAst, content: string, format: DiagnosticFormat): DiagnosticOutput {
  const { diagnostics } = ast;
  const summary =
    diagnostics.length > 0 ? summarizeDiagnostics(diagnostics) : `${contentSummary(ast)}: no problems`;
  switch (format) {
    case 'text':
      return { stdout: diagnostics.length > 0 ? formatDiagnostics(diagnostics) : '', stderr: summary };
    case 'json':
      return { stdout: JSON.stringify(asJson(ast, content), null, 2), stderr: '' };
    case 'github':
      return { stdout: diagnostics.map((d) => githubAnnotation(d, content)).join('\n'), stderr: summary };
  }
}

/** "12 papers, 4 families, 3 meetings". */
export function contentSummary(ast: StudyAst): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : word.endsWith('y') ? '' : 's'}`;
  const families = `${ast.families.length} ${ast.families.length === 1 ? 'family' : 'families'}`;
  return `${count(ast.papers.length, 'paper')}, ${families}, ${count(ast.meetings.length, 'meeting')}`;
}

function asJson(ast: StudyAst, content: string) {
  const errors = ast.diagnostics.filter((d) => d.severity === 'error').length;
  return {
    errors,
    warnings: ast.diagnostics.length - errors,
    papers: ast.papers.length,
    families: ast.families.length,
    meetings: ast.meetings.length,
    // `file` is relative to the content folder; `path` is where to open it from here.
    diagnostics: ast.diagnostics.map((d) => ({ ...d, path: join(content, d.file) })),
  };
}

/** `::error file=…,line=…::message`, escaped as GitHub's toolkit escapes workflow commands. */
function githubAnnotation(d: Diagnostic, content: string): string {
  const property = (value: string) => escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const fields = [
    `file=${property(join(content, d.file))}`,
    `line=${d.line}`,
    `col=${d.column}`,
    `endLine=${d.endLine}`,
    `endColumn=${d.endColumn}`,
    `title=${property(`studykit ${d.rule}`)}`,
  ].join(',');
  const message = d.hint ? `${d.message}\nhint: ${d.hint}` : d.message;
  return `::${d.severity} ${fields}::${escapeData(message)}`;
}

const escapeData = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
