/**
 * The one catalogue of diagnostics (after Astro's error catalogue): every rule has an id, a severity
 * and a hint that tells the author what to do. Messages are built where the problem is found.
 */
import type { Severity } from './ast.js';

export interface Rule {
  severity: Severity;
  hint: string;
}

export const RULES = {
  'yaml-syntax': {
    severity: 'error',
    hint: 'Check indentation and quoting; values with ": " or a leading "#" need quotes.',
  },
  'frontmatter-missing': {
    severity: 'error',
    hint: 'Start the file with a line `---`, the fields, and another line `---` (see content/README.md).',
  },
  'field-missing': {
    severity: 'error',
    hint: 'Add the field to the frontmatter; content/README.md lists the required fields.',
  },
  'field-type': {
    severity: 'error',
    hint: 'See the field table in content/README.md for the expected form.',
  },
  'content-empty': {
    severity: 'error',
    hint: 'Write a family and a paper (studykit new family ID, then studykit new paper --family ID --id ID), or start from studykit init DIR.',
  },
  'meeting-date-filename': {
    severity: 'warning',
    hint: 'Make the date and the file name agree (rename the file YYYY-MM-DD.md, or fix the date).',
  },
  'meetings-folder': {
    severity: 'error',
    hint: 'Rename the folder `meetings/`: only files there are read as meetings.',
  },
  'field-unknown': {
    severity: 'error',
    hint: 'Remove it or fix its spelling; content/README.md lists the known fields.',
  },
  'id-filename': {
    severity: 'error',
    hint: 'Name the file `<id>.md`: lowercase letters (a-z), digits and single hyphens inside, at most 64 characters.',
  },
  'id-invalid': {
    severity: 'error',
    hint: 'Ids are lowercase letters (a-z), digits and single hyphens inside, at most 64 characters (e.g. `gpt-3`).',
  },
  'id-duplicate': {
    severity: 'error',
    hint: 'Paper ids must be unique across all families (and family ids among families); rename one of them.',
  },
  'family-unknown': {
    severity: 'error',
    hint: 'Use the id of a family declared in a family.md, or add that family.',
  },
  'builds-on-unknown': {
    severity: 'error',
    hint: 'Use the id of an existing paper (its file name without .md).',
  },
  'builds-on-self': {
    severity: 'error',
    hint: 'Remove this entry from builds_on.',
  },
  'builds-on-kind': {
    severity: 'error',
    hint: 'Use one of: extends, scales-up, fine-tunes, borrows-method, uses-data, concurrent.',
  },
  'lineage-cycle': {
    severity: 'error',
    hint: 'A paper can only build on earlier work: remove one builds_on entry of the loop.',
  },
  'url-invalid': {
    severity: 'error',
    hint: 'Use a full http:// or https:// address.',
  },
  'year-range': {
    severity: 'error',
    hint: 'Use the year the paper was published (1950 to this year).',
  },
  'conclusions-missing': {
    severity: 'error',
    hint: 'Add a `## Conclusions` section with `### Main` and `### Secondary` lists (at least one item).',
  },
  'section-order': {
    severity: 'error',
    hint: 'Order sections as Motivation, Approach, Details, Results, Conclusions, Notes, each once.',
  },
  'section-unknown': {
    severity: 'warning',
    hint: 'Known sections: Motivation, Approach, Details, Results, Conclusions, Notes. Other `##` sections are kept as extras.',
  },
  'file-empty': {
    severity: 'error',
    hint: 'Write the paper (see content/README.md) or delete the file.',
  },
  'file-unreadable': {
    severity: 'error',
    hint: 'Make sure it is a readable UTF-8 text file under 1 MB, not a broken link.',
  },
  'nesting-too-deep': {
    severity: 'error',
    hint: 'Flatten it: at most 12 quotes or lists, and 64 levels of emphasis and links, inside each other (the outputs cannot lay out more).',
  },
  'title-too-long': {
    severity: 'error',
    hint: 'Shorten it: a slide title has room for a few lines; the full wording can go in the text.',
  },
  'headline-too-long': {
    severity: 'error',
    hint: 'Say the finding in a few words (at most 80 characters); the full statement stays under Conclusions.',
  },
  'prose-too-long': {
    severity: 'warning',
    hint: 'Keep the claim on the slide and move the explanation to the speaker notes (`## Notes`, then `### <Section>`), or split it into bullets.',
  },
  'table-too-wide': {
    severity: 'error',
    hint: 'Drop or merge columns, shorten the long words in its cells, or split it into two tables.',
  },
  'family-empty': {
    severity: 'warning',
    hint: 'Add papers with `family: <this id>`, or remove the family.',
  },
  'meeting-date': {
    severity: 'error',
    hint: 'Write the meeting date as YYYY-MM-DD, a real calendar day (e.g. 2026-12-03).',
  },
  'meeting-paper-unknown': {
    severity: 'error',
    hint: 'List papers by id (their file name without .md).',
  },
  'meeting-paper-duplicate': {
    severity: 'error',
    hint: 'List each paper once; the order of the list is the order of the meeting.',
  },
  'image-missing': {
    severity: 'error',
    hint: 'Fix the path: it is relative to the markdown file that shows the image, and names are case-sensitive.',
  },
  'image-outside': {
    severity: 'error',
    hint: 'Copy the file into the content folder (e.g. next to this file) and write its path relative to this file.',
  },
  'image-unsupported': {
    severity: 'error',
    hint: 'Save it as PNG or JPEG (photos, screenshots) or SVG (drawings), e.g. with an image editor’s “Export”.',
  },
  'image-too-large': {
    severity: 'error',
    hint: 'Scale it down (a slide is 980 px wide; 2000 px is plenty for print) or compress it, e.g. save a photo as JPEG.',
  },
  'image-remote': {
    severity: 'error',
    hint: 'Download the file into the content folder (e.g. next to this file) and write its relative path: `![what it shows](figure.png)`.',
  },
  'image-alt-missing': {
    severity: 'warning',
    hint: 'Say what the image shows between the brackets, `![what it shows](figure.png)`: it is read aloud to who cannot see it, and shown when it cannot be.',
  },
  'math-invalid': {
    severity: 'error',
    hint: 'Fix the TeX (KaTeX supports most of LaTeX math: https://katex.org/docs/supported); a `$` that is not math is written `\\$`.',
  },
  'math-dollar': {
    severity: 'warning',
    hint: 'Write a dollar sign that is not math as `\\$` (e.g. `under \\$500`); text between two `$` is a formula.',
  },
  'diagram-invalid': {
    severity: 'error',
    hint: 'Start the block with a diagram type, e.g. `flowchart LR` or `sequenceDiagram` (https://mermaid.js.org/intro/syntax-reference.html).',
  },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;
