import { parseArgs } from 'node:util';
import type { HandoutLayout } from '@studykit/handout';
import { defaultCacheDir } from './cache-dir.js';

/** A bad command line: one line on stderr and exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const COMMANDS = ['check', 'ast', 'build', 'watch', 'present'] as const;
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
  content: string;
  out: string;
  only: OutputKind[];
  family: string[];
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
  help: boolean;
}

export const USAGE = `Usage: studykit <command> [options]

Commands:
  check     validate the content and print diagnostics
  ast       print the content's AST as JSON
  build     render the decks, the lineage diagram and the report
  watch     rebuild what an edit touches, as you type
  present   serve a built deck (--family) or all of out/ on 127.0.0.1

Options:
  --content DIR       content folder (default: content)
  --out DIR           output folder (default: out)
  --only LIST         build only some of: lineage,slides,handout,report,index
                      (handouts are made from the decks whenever slides are built)
  --family ID         only this family (repeat or comma-separate for several)
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
  -h, --help          show this help`;

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
  const [command, ...rest] = positionals;
  if (!command) {
    if (help) return defaults('check', true);
    throw new UsageError(`missing command (one of: ${COMMANDS.join(', ')})`);
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`unknown command '${command}' (one of: ${COMMANDS.join(', ')})`);
  }
  if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`);

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
  return {
    command: command as CommandName,
    content: values.content ?? 'content',
    out: values.out ?? 'out',
    only: only.length > 0 ? only : [...ONLY_CHOICES],
    family: splitList(values.family),
    paper,
    handout: handout as HandoutLayout,
    notes: values['no-notes'] !== true,
    pdf: values['no-pdf'] !== true,
    serve: values.serve === true,
    ...(port !== undefined ? { port } : {}),
    ...(values.date !== undefined ? { date: values.date } : {}),
    cache: values.cache ?? defaultCacheDir(values.content ?? 'content', values.out ?? 'out'),
    force: values.force === true,
    help,
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
      paper: { type: 'string' },
      handout: { type: 'string' },
      date: { type: 'string' },
      port: { type: 'string' },
      'no-notes': { type: 'boolean' },
      'no-pdf': { type: 'boolean' },
      serve: { type: 'boolean' },
      cache: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
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
    content: 'content',
    out: 'out',
    only: [...ONLY_CHOICES],
    family: [],
    paper: 'a4',
    handout: 'notes',
    notes: true,
    pdf: true,
    serve: false,
    cache: defaultCacheDir('content', 'out'),
    force: false,
    help,
  };
}
