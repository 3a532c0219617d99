import { assetsFrom, type ContentFile, formatDiagnostics, parse, type StudyAst } from '../src/index.js';

export const FAMILY = `---
id: alpha
name: Alpha family
organisation: Alpha Lab
order: 1
colour: "#10a37f"
---

Overview.
`;

/** A valid paper; tests replace one line to break it. */
export const PAPER = `---
id: alpha-1
family: alpha
title: Alpha One
short: Alpha-1
year: 2018
authors: [Ada Lovelace]
venue: arXiv
url: https://example.org/alpha-1
---

## Motivation

Why.

## Approach

How.

## Conclusions

### Main

- It works.
`;

/** Markdown files by path; `images` are the other files of the content folder, by path. */
export function parseFiles(files: Record<string, string>, images: Record<string, Uint8Array> = {}): StudyAst {
  const list: ContentFile[] = Object.entries(files).map(([path, contents]) => ({ path, contents }));
  return parse(list, { currentYear: 2026, readAsset: assetsFrom(images) });
}

/** Diagnostics as the CLI prints them, without hints: `file:line:col  severity  message  rule`. */
export function lines(ast: StudyAst): string[] {
  return formatDiagnostics(ast.diagnostics, { hints: false }).split('\n').filter(Boolean);
}

export function withPaper(
  paper: string,
  extra: Record<string, string> = {},
  images: Record<string, Uint8Array> = {},
): StudyAst {
  return parseFiles({ 'alpha/family.md': FAMILY, 'alpha/alpha-1.md': paper, ...extra }, images);
}
