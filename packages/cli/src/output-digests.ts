/**
 * Output digests, like the decks' deck.json: an output whose inputs (the part of the AST it reads,
 * its options, the renderer's version) are unchanged since it was last written is not rendered
 * again. Kept in <cache>/outputs.json, written atomically; a missing, older or damaged file only
 * means a rebuild (damage is noticed).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromiumStamp } from '@studykit/browser/chromium';
import type { StudyAst } from '@studykit/core';
import { isRecord, jsonPayload } from '@studykit/core/cache-file';
import type { DeckTarget } from '@studykit/view';
import { cacheFile, readCacheFile, writeCacheFile } from './cache-file.js';
import type { Notice } from './io.js';

const require = createRequire(import.meta.url);

/** Output name → digest of its inputs when it was last written. */
type Digests = Record<string, string>;

const isDigests = (value: unknown): value is Digests =>
  isRecord(value) && Object.values(value).every((digest) => typeof digest === 'string');

const OUTPUTS = cacheFile('outputs.json', {
  name: 'studykit-outputs',
  version: '2',
  codec: jsonPayload,
  isValid: isDigests,
  // Version 1 was the same map, without an envelope.
  isUnversioned: isDigests,
});

/** The folder holding a package's package.json, found from what `from` resolves it to. */
function packageDir(name: string, from: NodeJS.Require): string | undefined {
  try {
    // Packages that export only "." hide their package.json: walk up from the entry point.
    let dir = dirname(from.resolve(name));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * A renderer's identity: a digest of its built code (a code change is a new renderer, as for
 * Turborepo) and the versions of the libraries that draw for it (mermaid, pdf-lib…).
 */
function rendererStamp(name: string, libraries: readonly string[]): string {
  const key = `${name} ${libraries.join(' ')}`;
  let stamp = stamps.get(key);
  if (stamp === undefined) {
    stamp = computeRendererStamp(name, libraries);
    stamps.set(key, stamp);
  }
  return stamp;
}
/** Per process: the built code does not change under a running build (a digest reads it all). */
const stamps = new Map<string, string>();

function computeRendererStamp(name: string, libraries: readonly string[]): string {
  const dir = packageDir(name, require);
  if (!dir) return `${name}@unknown`;
  const hash = createHash('sha256');
  // The renderer's own code and that of every workspace package it uses, however deep (view's link
  // rule, the diagram renderer inside a deck): a change in any of them is a new renderer.
  const seen = new Set<string>();
  const workspaceRoots: string[] = [];
  const hashWorkspace = (packageName: string, packageRoot: string) => {
    if (seen.has(packageName)) return;
    seen.add(packageName);
    workspaceRoots.push(packageRoot);
    hashBuiltCode(hash, packageName, packageRoot);
    const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    const own = createRequire(join(packageRoot, 'package.json'));
    for (const dependency of Object.keys(manifest.dependencies ?? {}).sort()) {
      const dependencyRoot = dependency.startsWith('@studykit/') ? packageDir(dependency, own) : undefined;
      if (dependencyRoot) hashWorkspace(dependency, dependencyRoot);
    }
  };
  hashWorkspace(name, dir);
  for (const library of libraries) {
    // Found from the renderer, else from the workspace package that uses it (mermaid is a dependency
    // of @studykit/diagram, not of the lineage or the decks that draw with it).
    const libraryDir = workspaceRoots
      .map((root) => packageDir(library, createRequire(join(root, 'package.json'))))
      .find((found) => found !== undefined);
    const version = libraryDir
      ? (JSON.parse(readFileSync(join(libraryDir, 'package.json'), 'utf8')) as { version: string }).version
      : 'unknown';
    hash.update(`${library}@${version}`);
  }
  return hash.digest('hex');
}

function hashBuiltCode(hash: ReturnType<typeof createHash>, name: string, dir: string): void {
  const dist = join(dir, 'dist');
  if (!existsSync(dist)) return;
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => join(e.parentPath, e.name))
    .sort()) {
    hash.update(`${name}${entry.slice(dist.length)}`).update(readFileSync(entry));
  }
}

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** What the lineage diagram draws: families, papers' labels and links, edges, the study's language. */
export function lineageDigest(ast: StudyAst): string {
  return sha256({
    renderer: rendererStamp('@studykit/lineage', ['mermaid', '@studykit/fonts']),
    chromium: chromiumStamp(),
    study: { title: ast.study.title, language: ast.study.language },
    families: ast.families.map(({ id, name, organisation, order, colour, papers }) => ({
      id,
      name,
      organisation,
      order,
      colour,
      papers,
    })),
    papers: ast.papers.map((paper) => ({
      id: paper.id,
      family: paper.family,
      short: paper.short,
      year: paper.year,
      parameters: paper.parameters,
      url: paper.url,
      buildsOn: paper.buildsOn.map(({ id, kind, label }) => ({ id, kind, label })),
      headings: paper.sections.map((section) => section.title),
    })),
    edges: ast.edges.map(({ from, to, kind, label }) => ({ from, to, kind, label })),
  });
}

/** The report reads all of the study, its options and the lineage it embeds. */
export function reportDigest(ast: StudyAst, options: unknown, lineage: string): string {
  return sha256({
    // Formulas and the notes' diagrams are measured and printed by Chromium.
    chromium: chromiumStamp(),
    renderer: rendererStamp('@studykit/report', ['pdf-lib', '@studykit/citations']),
    typesetter: typesetterStamp(),
    content: { study: ast.study, families: ast.families, papers: ast.papers, edges: ast.edges },
    options,
    lineage,
  });
}

/**
 * What a deck reads: its family (or meeting) and papers, every paper's name and year (relations and
 * the lineage show predecessors), the edges, the study, its options, and the slides renderer's code
 * with the libraries that draw for it. Checked before the slides app is even loaded.
 */
export function deckDigest(ast: StudyAst, target: DeckTarget, options: unknown): string {
  const meeting = target.kind === 'meeting' ? ast.meetings.find((m) => m.id === target.id) : undefined;
  const familyIds = meeting
    ? new Set(ast.papers.filter((paper) => meeting.papers.includes(paper.id)).map((paper) => paper.family))
    : new Set([target.id]);
  return sha256({
    // Slides are measured in Chromium and printed by it: a new Chromium may move a page break.
    chromium: chromiumStamp(),
    renderer: rendererStamp('@studykit/slides', [
      '@slidev/cli',
      'mermaid',
      '@studykit/fonts',
      '@studykit/citations',
    ]),
    target,
    meeting,
    study: ast.study,
    families: ast.families.filter((family) => familyIds.has(family.id)),
    papers: ast.papers.filter((paper) => familyIds.has(paper.family) || meeting?.papers.includes(paper.id)),
    names: ast.papers.map(({ id, short, year, family }) => ({ id, short, year, family })),
    edges: ast.edges,
    options,
  });
}

/** A family diagram is its mermaid text drawn by the lineage renderer. */
export function familyDiagramDigest(text: string): string {
  return sha256({
    renderer: rendererStamp('@studykit/lineage', ['mermaid', '@studykit/fonts']),
    chromium: chromiumStamp(),
    text,
  });
}

/** The references read every paper's citation fields. */
export function referencesDigest(ast: StudyAst): string {
  return sha256({
    renderer: rendererStamp('@studykit/citations', ['@citation-js/core', '@citation-js/plugin-csl']),
    papers: ast.papers.map(({ id, title, authors, year, venue, url, organisation }) => ({
      id,
      title,
      authors,
      year,
      venue,
      url,
      organisation,
    })),
  });
}

/**
 * The typesetter the report and the handouts set their text with (its code is already in theirs):
 * the libraries that lay out, measure and embed it.
 */
function typesetterStamp(): string {
  return rendererStamp('@studykit/typeset', ['pdf-lib', 'fontkit', 'linebreak']);
}

/**
 * A handout reads one built deck (its deck.json and PDF, digested by the caller), its layout and paper,
 * and the header it prints, set with @studykit/typeset.
 */
export function handoutDigest(inputs: unknown): string {
  return sha256({
    renderer: rendererStamp('@studykit/handout', ['pdf-lib']),
    typesetter: typesetterStamp(),
    inputs,
  });
}

export class OutputDigests {
  private changed = false;

  private constructor(
    private readonly cacheDir: string,
    private readonly digests: Record<string, string>,
  ) {}

  static async load(cacheDir: string, notice: Notice): Promise<OutputDigests> {
    const stored = await readCacheFile(cacheDir, OUTPUTS, notice);
    return new OutputDigests(cacheDir, { ...stored });
  }

  get(output: string): string | undefined {
    return this.digests[output];
  }

  /**
   * Records an output as built with these inputs. Kept in memory until `save`, which the build
   * calls after the outputs are committed to out/: a digest never claims files that did not land.
   */
  set(output: string, digest: string): void {
    this.setAll([[output, digest]]);
  }

  setAll(entries: Iterable<readonly [string, string]>): void {
    for (const [output, digest] of entries) {
      if (this.digests[output] !== digest) this.changed = true;
      this.digests[output] = digest;
    }
  }

  /** Writes the digests recorded since the last save (atomically). */
  async save(): Promise<void> {
    if (!this.changed) return;
    this.changed = false;
    await writeCacheFile(this.cacheDir, OUTPUTS, this.digests);
  }
}
