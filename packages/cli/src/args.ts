import { parseArgs } from 'node:util';
import type { StudyLanguage } from '@studykit/core';
import type { HandoutLayout } from '@studykit/handout';
import { defaultCacheDir } from './cache-dir.js';
import { fromInvocation, invocationDir } from './invocation-dir.js';

/** A bad command line: one line on stderr and exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const COMMANDS = ['check', 'ast', 'build', 'watch', 'present', 'new', 'init'] as const;
/** How many words may follow each command (`new paper`, `init DIR`). */
const ARGUMENTS: Partial<Record<CommandName, number>> = { new: 2, init: 1 };
/** How `check` prints diagnostics: for people, for scripts and editors, or as GitHub Actions annotations. */
export const FORMAT_CHOICES = ['text', 'json', 'github'] as const;
export type DiagnosticFormat = (typeof FORMAT_CHOICES)[number];
export type CommandName = (typeof COMMANDS)[number];
/** What `--only` selects; `index` alone just refreshes out/index.html (every build refreshes it). */
export const ONLY_CHOICES = ['lineage', 'slides', 'handout', 'report', 'index'] as const;
export type OutputKind = (typeof ONLY_CHOICES)[number];
/** The handout's layouts, listed here: importing the renderer would load pdf-lib for every command. */
export const HANDOUT_CHOICES = [
  'notes',
  'lines',
  '2up',
  '4up',
  '6up',
] as const satisfies readonly HandoutLayout[];

export interface CommandLine {
  command: CommandName;
  /** The words after the command: `new <kind> [id]`, `init <dir>`. */
  arguments: string[];
  /** `new paper --id ID`. */
  id?: string;
  /** `init --language zh`: the new study's language. */
  language?: StudyLanguage;
  content: string;
  out: string;
  only: OutputKind[];
  family: string[];
  /** `--meeting DATE`: only these meetings' decks and handouts (with --family: those too). */
  meeting: string[];
  paper: 'a4' | 'letter';
  handout: HandoutLayout;
  notes: boolean;
  pdf: boolean;
  /** watch: also serve out/ on 127.0.0.1, with open pages reloading as their outputs change. */
  serve: boolean;
  port?: number;
  date?: string;
  /** Where caches live (parse results, output digests); safe to delete. Default under node_modules/.cache/studykit. */
  cache: string;
  /** Rebuild every output even when its inputs are unchanged. */
  force: boolean;
  /** How `check` prints its diagnostics. */
  format: DiagnosticFormat;
  help: boolean;
  version: boolean;
}

export const USAGE = `Usage: studykit <command> [options]

Commands:
  check     validate the content and print diagnostics
  ast       print the content's AST as JSON
  build     render the decks, the lineage diagram and the report
  watch     rebuild what an edit touches, as you type
  present   serve a built deck (--family) or all of out/ on 127.0.0.1
  new       write a documented skeleton: new paper --family F --id ID,
            new family ID, new meeting YYYY-MM-DD (never overwrites)
  init DIR  write a small working study into a new folder (--language en|zh)

Options:
  --content DIR       content folder (default: content)
  --out DIR           output folder (default: out)
  --only LIST         build only some of: lineage,slides,handout,report,index
                      (handouts are made from the decks whenever slides are built)
  --family ID         only this family (repeat or comma-separate for several)
  --meeting ID        only this meeting's deck and handout (its file name, e.g. 2026-12-03;
                      repeat or comma-separate; with present: serve that meeting's deck)
  --paper a4|letter   report and handout paper size (default: a4)
  --handout LAYOUT    handout layout: notes (slide and its notes, two a page), lines
                      (three slides beside ruled lines), 2up, 4up, 6up (default: notes)
  --date YYYY-MM-DD   date printed on the report cover (default: from the content)
  --no-notes          leave speaker notes out of the built decks (public hosting)
  --no-pdf            skip the deck PDF export
  --serve             watch: also serve out/ on 127.0.0.1; open decks, the index and
                      the diagram show each edit (decks at once, then rebuilt)
  --port N            port for present (default: a free one) or watch --serve
                      (default: 8030, or a free one when taken)
  --cache DIR         cache folder, safe to delete, never inside OUT
                      (default: node_modules/.cache/studykit/<content and out digest>)
  --force             rebuild every output, even when nothing changed
  --id ID             new paper: the paper's id (its file name)
  --language en|zh    init: the language of the new study
  --format FORMAT     check's output: text (default), json (for editors and scripts),
                      github (GitHub Actions annotations)
  -h, --help          show this help
  -v, --version       print studykit's version

Relative paths are read from the folder you ran the command in, also through
pnpm -C <kit> studykit ….`;

export function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed: ReturnType<typeof parseWith>;
  try {
    parsed = parseWith(argv);
  } catch (error) {
    // Node's messages are long ("…place it at the end of the command after '--'…"): keep the gist.
    const message = (error as Error).message.split('\n')[0] ?? 'invalid arguments';
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    throw new UsageError(unknown ? `unknown option '${unknown[1]}'` : message.replace(/^Option/, 'option'));
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  const version = values.version === true;
  const [command, ...rest] = positionals;
  if (!command) {
    if (help || version) return { ...defaults('check', help), version };
    throw new UsageError(`missing command (one of: ${COMMANDS.join(', ')})`);
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`unknown command '${command}' (one of: ${COMMANDS.join(', ')})`);
  }
  const allowed = ARGUMENTS[command as CommandName] ?? 0;
  if (rest.length > allowed) throw new UsageError(`unexpected argument '${rest[allowed]}'`);
  const language = values.language;
  if (language !== undefined && language !== 'en' && language !== 'zh')
    throw new UsageError(`--language takes en or zh; got '${language}'`);

  const only = splitList(values.only).map((kind) => {
    if (!(ONLY_CHOICES as readonly string[]).includes(kind)) {
      throw new UsageError(`--only takes ${ONLY_CHOICES.join(', ')}; got '${kind}'`);
    }
    return kind as OutputKind;
  });
  const paper = values.paper ?? 'a4';
  if (paper !== 'a4' && paper !== 'letter')
    throw new UsageError(`--paper takes a4 or letter; got '${paper}'`);
  const handout = values.handout ?? 'notes';
  if (!(HANDOUT_CHOICES as readonly string[]).includes(handout))
    throw new UsageError(`--handout takes ${HANDOUT_CHOICES.join(', ')}; got '${handout}'`);
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port takes 0–65535; got '${values.port}'`);
  }
  if (values.serve === true && command !== 'watch') throw new UsageError('--serve is an option of watch');
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
    throw new UsageError(`--date takes YYYY-MM-DD; got '${values.date}'`);
  }
  const format = values.format ?? 'text';
  if (!(FORMAT_CHOICES as readonly string[]).includes(format))
    throw new UsageError(`--format takes ${FORMAT_CHOICES.join(', ')}; got '${format}'`);
  const base = invocationDir();
  const content = fromInvocation(values.content ?? 'content', base);
  const out = fromInvocation(values.out ?? 'out', base);
  return {
    command: command as CommandName,
    arguments: rest.map((word, index) =>
      command === 'init' && index === 0 ? fromInvocation(word, base) : word,
    ),
    ...(values.id !== undefined ? { id: values.id } : {}),
    ...(language !== undefined ? { language } : {}),
    content,
    out,
    only: only.length > 0 ? only : [...ONLY_CHOICES],
    family: splitList(values.family),
    meeting: splitList(values.meeting),
    paper,
    handout: handout as HandoutLayout,
    notes: values['no-notes'] !== true,
    pdf: values['no-pdf'] !== true,
    serve: values.serve === true,
    ...(port !== undefined ? { port } : {}),
    ...(values.date !== undefined ? { date: values.date } : {}),
    cache: values.cache !== undefined ? fromInvocation(values.cache, base) : defaultCacheDir(content, out),
    force: values.force === true,
    format: format as DiagnosticFormat,
    help,
    version,
  };
}

function parseWith(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      content: { type: 'string' },
      out: { type: 'string' },
      only: { type: 'string', multiple: true },
      family: { type: 'string', multiple: true },
      meeting: { type: 'string', multiple: true },
      paper: { type: 'string' },
      handout: { type: 'string' },
      date: { type: 'string' },
      port: { type: 'string' },
      'no-notes': { type: 'boolean' },
      'no-pdf': { type: 'boolean' },
      serve: { type: 'boolean' },
      cache: { type: 'string' },
      force: { type: 'boolean' },
      format: { type: 'string' },
      id: { type: 'string' },
      language: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

function splitList(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

function defaults(command: CommandName, help: boolean): CommandLine {
  return {
    command,
    arguments: [],
    content: 'content',
    out: 'out',
    only: [...ONLY_CHOICES],
    family: [],
    meeting: [],
    paper: 'a4',
    handout: 'notes',
    notes: true,
    pdf: true,
    serve: false,
    cache: defaultCacheDir('content', 'out'),
    force: false,
    format: 'text',
    help,
    version: false,
  };
}
