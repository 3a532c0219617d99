/**
 * The bad-content corpus: each case is the small valid folder tests/fixtures/bad-base/ plus a few
 * edits, materialised into a temporary folder when a test needs it. The exact `studykit check` output
 * of each case is kept in tests/fixtures/bad/<case>/expected.txt; cases named `ok-*` must check clean.
 *
 * To add a case: add an entry here and write its expected.txt (run `studykit check` on the folder that
 * `materialise('<case>')` returns, and read the output before you trust it).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { root } from './run-cli.js';

export const badBase = join(root, 'tests/fixtures/bad-base');
export const badExpected = join(root, 'tests/fixtures/bad');

/** One change to the base folder; paths are relative to the content folder, lines are 1-based. */
export type Edit =
  /** Line `line` of `file`, which must read `was`, becomes `now` (several lines, or none to delete it). */
  | { op: 'line'; file: string; line: number; was: string; now: string | readonly string[] }
  /** Keeps only the first `lines` lines of `file` (each with its line break). */
  | { op: 'truncate'; file: string; lines: number }
  /** Copies a file of the folder (as edited so far) to a new name. */
  | { op: 'copy'; file: string; from: string }
  /** Writes a new file with exactly these contents (text as UTF-8, or bytes as they are). */
  | { op: 'write'; file: string; contents: string | Uint8Array }
  /** Inserts raw bytes (e.g. invalid UTF-8) right after the first occurrence of `after`. */
  | { op: 'bytes'; file: string; after: string; bytes: readonly number[] }
  /** Starts `file` with a UTF-8 byte-order mark. */
  | { op: 'bom'; file: string }
  /** Ends every line of `file` with CR LF. */
  | { op: 'crlf'; file: string }
  /** Creates a symbolic link `file` pointing at `target` (which may not exist, or may loop). */
  | { op: 'symlink'; file: string; target: string }
  /** Deletes a file of the base. */
  | { op: 'delete'; file: string };

const line = (file: string, at: number, was: string, now: string | readonly string[]): Edit => ({
  op: 'line',
  file,
  line: at,
  was,
  now,
});

const A1 = 'alpha/alpha-1.md';
const A2 = 'alpha/alpha-2.md';
const B1 = 'beta/beta-1.md';

/** A meeting on alpha-1, for cases about meeting files. */
const MEETING = '---\ndate: 2026-12-03\npapers: [alpha-1]\n---\n';
/** A table row of `cells` cells. */
const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const columns = (count: number, text: string) => Array.from({ length: count }, () => text);
/** The start of a PNG file (signature and header chunk) claiming `width` × `height` pixels. */
const pngHeader = (width: number, height: number) => {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(header);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  header.set([8, 6, 0, 0, 0], 24);
  return header;
};

export const BAD_CASES: Record<string, readonly Edit[]> = {
  'ancient-year': [line(A1, 6, 'year: 2018', 'year: 1850')],
  'bad-file-name': [
    { op: 'copy', file: 'beta/Beta One.md', from: B1 },
    line('beta/Beta One.md', 2, 'id: beta-1', 'id: beta-one'),
  ],
  'builds-on-unknown': [line(B1, 12, '  - alpha-2', '  - alpha-3')],
  'conclusions-skipped': [line(A1, 28, '## Conclusions', '## Summary')],
  'duplicate-id': [
    { op: 'copy', file: 'beta/alpha-2.md', from: A2 },
    line('beta/alpha-2.md', 3, 'family: alpha', 'family: beta'),
  ],
  'empty-file': [{ op: 'write', file: 'beta/beta-2.md', contents: '' }],
  'family-id-too-long': [
    line('beta/family.md', 2, 'id: beta', `id: ${'b'.repeat(250)}`),
    line(B1, 3, 'family: beta', `family: ${'b'.repeat(250)}`),
  ],
  'frontmatter-not-closed': [line(A1, 13, '---', '')],
  'future-year': [line(A1, 6, 'year: 2018', 'year: 2999')],
  'image-missing': [
    line(A1, 26, 'See [the paper](https://example.org/alpha-1).', [
      'See [the paper](https://example.org/alpha-1).',
      '',
      '![Loss curve](figures/loss.png) and ![](Figure%201.png)',
    ]),
    { op: 'write', file: 'alpha/figure 1.png', contents: pngHeader(2, 1) },
  ],
  'image-outside': [
    line(A1, 26, 'See [the paper](https://example.org/alpha-1).', [
      '![A figure](../../x.png)',
      '',
      '![A linked figure](out.png) and ![An absolute one](/tmp/x.png)',
    ]),
    { op: 'symlink', file: 'alpha/out.png', target: '/etc/passwd' },
  ],
  'image-remote': [
    line(
      A1,
      26,
      'See [the paper](https://example.org/alpha-1).',
      '![CIFAR-10 samples](https://example.org/samples.png)',
    ),
  ],
  'image-too-large': [
    line(A1, 26, 'See [the paper](https://example.org/alpha-1).', '![A scan](scan.png)'),
    { op: 'write', file: 'alpha/scan.png', contents: pngHeader(5000, 4000) },
  ],
  'image-unsupported': [
    line(A1, 26, 'See [the paper](https://example.org/alpha-1).', [
      '![Not a PNG](fake.png)',
      '',
      '![An animation](anim.gif)',
      '',
      '![A diagram](data:image/png;base64,iVBORw0KGgo=)',
    ]),
    { op: 'write', file: 'alpha/fake.png', contents: 'This is text, saved as .png.\n' },
    { op: 'write', file: 'alpha/anim.gif', contents: 'GIF89a\x02\x00\x01\x00\x00\x00\x00;' },
  ],
  'diagram-invalid': [
    line(A1, 22, '- Fine-tune on each task.', [
      '- Fine-tune on each task.',
      '',
      '```mermaid caption="The two stages"',
      'flowchar LR',
      '  a --> b',
      '```',
      '',
      '```mermaid',
      '%% nothing here',
      '```',
    ]),
  ],
  'math-invalid': [
    // Later lines first: the first edit adds lines.
    line(A1, 40, 'Open with the data problem.', 'Open with $\\frac{a}{b$.'),
    line(A1, 17, 'Labelled data is _scarce_; unlabelled text is **plentiful**.', [
      'Labelled data is _scarce_: $p(x) = \\fracc{1}{Z}$.',
      '',
      '> $$',
      '> \\mathcal{L} = -\\sum_t \\log p(x_t \\mid x_{<t})',
      '>   + \\lambda \\lVert \\theta \\rVert^2 \\right)',
      '> $$',
      '',
      'It costs under $500 to label and under $100 to run.',
    ]),
    {
      op: 'write',
      file: 'meetings/2026-12-03.md',
      contents: `---\ndate: 2026-12-03\npapers: [alpha-1]\nquestions:\n  - Is $\\sqrt{p(x)$ the loss?\n---\n`,
    },
  ],
  'invalid-utf8': [{ op: 'bytes', file: A1, after: 'Labelled ', bytes: [0xff, 0xfe, 0x20] }],
  'lineage-cycle': [line(A1, 12, 'tags: [pre-training]', ['tags: [pre-training]', 'builds_on: [beta-1]'])],
  'link-outside': [{ op: 'symlink', file: 'alpha/proc', target: '/proc' }],
  'malformed-url': [line(A1, 9, 'url: https://example.org/alpha-1', 'url: https//example.org alpha')],
  'malformed-yaml': [line(A1, 4, 'title: "Alpha One: a first model"', 'title: "Alpha One: a first model')],
  'meeting-file-names': [
    { op: 'write', file: 'meetings/a#frag.md', contents: MEETING },
    { op: 'write', file: 'meetings/x?q.md', contents: MEETING },
    { op: 'write', file: 'meetings/pct%41.md', contents: MEETING },
    { op: 'write', file: 'meetings/line\nbreak.md', contents: MEETING },
    { op: 'write', file: 'meetings/2026-12-03.md', contents: MEETING },
  ],
  'missing-field': [line(A1, 8, 'venue: arXiv', [])],
  'nested-emphasis': [
    line(
      A1,
      17,
      'Labelled data is _scarce_; unlabelled text is **plentiful**.',
      `${'*a '.repeat(1000)}x${' b*'.repeat(1000)}`,
    ),
  ],
  'nested-quotes': [
    line(A1, 17, 'Labelled data is _scarce_; unlabelled text is **plentiful**.', `${'> '.repeat(2000)}Deep.`),
  ],
  'no-conclusions': [
    line(A2, 24, '## Conclusions', []),
    line(A2, 24, '', []),
    line(A2, 24, '- Scale brings in-context learning.', []),
  ],
  'non-http-url': [line(A1, 9, 'url: https://example.org/alpha-1', 'url: ftp://example.org/alpha-1')],
  'ok-bom': [{ op: 'bom', file: A1 }],
  'ok-crlf': [{ op: 'crlf', file: A1 }],
  'only-frontmatter': [
    { op: 'copy', file: 'beta/beta-2.md', from: B1 },
    line('beta/beta-2.md', 2, 'id: beta-1', 'id: beta-2'),
    line('beta/beta-2.md', 9, 'url: https://example.org/beta-1', 'url: https://example.org/beta-2'),
    { op: 'truncate', file: 'beta/beta-2.md', lines: 16 },
  ],
  'paper-id-invalid': [line(A2, 2, 'id: alpha-2', 'id: Alpha_2')],
  'self-edge': [line(A2, 12, '  - id: alpha-1', '  - id: alpha-2')],
  'symlink-loop': [
    { op: 'symlink', file: 'alpha/dangling.md', target: 'nowhere.md' },
    { op: 'symlink', file: 'alpha/loop', target: '..' },
  ],
  'table-too-many-columns': [
    line(A1, 26, 'See [the paper](https://example.org/alpha-1).', [
      row(columns(200, 'x')),
      row(columns(200, '-')),
      row(columns(200, '1')),
    ]),
  ],
  'table-too-wide': [
    line(A1, 26, 'See [the paper](https://example.org/alpha-1).', [
      row(columns(8, 'Autoregressive decoder')),
      row(columns(8, '---')),
      row(columns(8, 'AutoregressiveDecoders')),
    ]),
  ],
  'title-too-long': [
    line(A1, 4, 'title: "Alpha One: a first model"', `title: "${'A very long title. '.repeat(14).trim()}"`),
  ],
  'unclosed-bracket': [
    line(A1, 7, 'authors: [Ada Lovelace, Alan Turing]', 'authors: [Ada Lovelace, Alan Turing'),
  ],
  'unknown-family': [line(B1, 3, 'family: beta', 'family: betta')],
  'wrong-type': [line(A1, 6, 'year: 2018', 'year: "2018"')],
};

/** Every file below `dir`, relative, with `/` separators. */
function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(join(dir, entry.name), base)
      : [relative(base, join(dir, entry.name)).split('\\').join('/')],
  );
}

/** Splits text into lines that keep their line breaks. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Applies the edits of a case to the base files (in memory); symbolic links are returned apart. */
export function applyEdits(
  base: ReadonlyMap<string, Buffer>,
  edits: readonly Edit[],
): { files: Map<string, Buffer>; links: Map<string, string> } {
  const files = new Map(base);
  const links = new Map<string, string>();
  const get = (file: string): Buffer => {
    const contents = files.get(file);
    if (!contents) throw new Error(`bad-case edit: no file ${file}`);
    return contents;
  };
  for (const edit of edits) {
    switch (edit.op) {
      case 'line': {
        const lines = splitLines(get(edit.file).toString('utf8'));
        const old = lines[edit.line - 1];
        if (old?.replace(/\r?\n$/, '') !== edit.was)
          throw new Error(
            `bad-case edit: ${edit.file}:${edit.line} reads ${JSON.stringify(old)}, not ${JSON.stringify(edit.was)}`,
          );
        const now = typeof edit.now === 'string' ? [edit.now] : edit.now;
        lines.splice(edit.line - 1, 1, ...now.map((text) => `${text}\n`));
        files.set(edit.file, Buffer.from(lines.join(''), 'utf8'));
        break;
      }
      case 'truncate':
        files.set(
          edit.file,
          Buffer.from(splitLines(get(edit.file).toString('utf8')).slice(0, edit.lines).join('')),
        );
        break;
      case 'copy':
        files.set(edit.file, get(edit.from));
        break;
      case 'write':
        files.set(
          edit.file,
          typeof edit.contents === 'string' ? Buffer.from(edit.contents, 'utf8') : Buffer.from(edit.contents),
        );
        break;
      case 'bytes': {
        const contents = get(edit.file);
        const at = contents.indexOf(edit.after);
        if (at === -1) throw new Error(`bad-case edit: ${edit.file} has no ${JSON.stringify(edit.after)}`);
        const end = at + Buffer.byteLength(edit.after);
        files.set(
          edit.file,
          Buffer.concat([contents.subarray(0, end), Buffer.from(edit.bytes), contents.subarray(end)]),
        );
        break;
      }
      case 'bom':
        files.set(edit.file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), get(edit.file)]));
        break;
      case 'crlf':
        files.set(edit.file, Buffer.from(get(edit.file).toString('utf8').replace(/\r?\n/g, '\r\n'), 'utf8'));
        break;
      case 'symlink':
        links.set(edit.file, edit.target);
        break;
      case 'delete':
        get(edit.file);
        files.delete(edit.file);
        break;
    }
  }
  return { files, links };
}

/** Writes the case `name` into a new temporary folder and returns its path. */
export function materialise(name: string): string {
  const edits = BAD_CASES[name];
  if (!edits) throw new Error(`no bad-content case ${name}`);
  const base = new Map(listFiles(badBase).map((file) => [file, readFileSync(join(badBase, file))]));
  const { files, links } = applyEdits(base, edits);
  const dir = mkdtempSync(join(tmpdir(), `studykit-bad-${name}-`));
  for (const [file, contents] of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), contents);
  }
  for (const [file, target] of links) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    symlinkSync(target, join(dir, file));
  }
  return dir;
}
