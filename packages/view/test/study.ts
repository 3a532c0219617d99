/**
 * Small studies written as the markdown a user writes, parsed by core: the view's tests check what
 * renderers would show for them.
 */
import { parse, type StudyAst } from '@studykit/core';

export interface PaperSpec {
  id: string;
  family: string;
  year: number;
  /** Ids of the papers it builds on, or `{ id, kind }` entries. */
  buildsOn?: (string | { id: string; kind: string })[];
  /** Section headings of its body before its conclusions ("Motivation", "动机"). */
  sections?: string[];
}

export function familyFile(id: string, name: string, order: number, colour = '#336699') {
  return {
    path: `${id}/family.md`,
    contents: `---\nid: ${id}\nname: ${name}\norganisation: Lab\norder: ${order}\ncolour: "${colour}"\n---\n\nAbout ${name}.\n`,
  };
}

export function paperFile(spec: PaperSpec) {
  const buildsOn = (spec.buildsOn ?? [])
    .map((entry) =>
      typeof entry === 'string' ? `  - ${entry}` : `  - id: ${entry.id}\n    kind: ${entry.kind}`,
    )
    .join('\n');
  const sections = (spec.sections ?? ['Motivation']).map((title) => `## ${title}\n\nText.\n`).join('\n');
  return {
    path: `${spec.family}/${spec.id}.md`,
    contents: `---
id: ${spec.id}
family: ${spec.family}
title: Paper ${spec.id}
short: ${spec.id.toUpperCase()}
year: ${spec.year}
authors: [A. Author]
venue: arXiv
url: https://example.org/${spec.id}
${buildsOn ? `builds_on:\n${buildsOn}\n` : ''}---

${sections}
## Conclusions

- A finding.
`,
  };
}

export function studyFile(title: string, language?: 'en' | 'zh') {
  return {
    path: 'study.md',
    contents: `---\ntitle: ${title}\n${language ? `language: ${language}\n` : ''}---\n\nA study.\n`,
  };
}

export function meetingFile(date: string, papers: string[]) {
  return {
    path: `meetings/${date}.md`,
    contents: `---\ndate: ${date}\ntitle: Meeting of ${date}\npapers: [${papers.join(', ')}]\n---\n`,
  };
}

/** The files parsed as the CLI parses a content folder; a file with an error fails the test. */
export function study(files: { path: string; contents: string }[]): StudyAst {
  const ast = parse(files, { currentYear: 2026 });
  // An empty study is an error for `check`, yet a shape renderers must still handle.
  const errors = ast.diagnostics.filter((d) => d.severity === 'error' && d.rule !== 'content-empty');
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join('\n'));
  return ast;
}
