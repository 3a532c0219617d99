/**
 * What an output's digest is made of, besides the part of the AST its renderer reads: the renderer
 * itself. Each renderer's inputs module (e.g. `@studykit/slides/inputs`) calls `rendererStamp` with
 * its own module URL; the CLI digests the stamp with the inputs (`outputDigest`). Node only, and
 * light: the CLI asks before any renderer (Playwright, Slidev, pdf-lib) is loaded.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** The nearest folder at or above `dir` that holds a package.json. */
function packageRoot(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'package.json'))) return at;
    if (dirname(at) === at) return undefined;
  }
}

/** The folder of a dependency as Node finds it from `from`: the nearest node_modules holding it. */
function dependencyRoot(name: string, from: string): string | undefined {
  for (let at = from; ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', ...name.split('/'));
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(at) === at) return undefined;
  }
}

/**
 * A renderer's identity: a digest of its built code and that of every workspace package it uses,
 * however deep (a code change is a new renderer, as for Turborepo), and of the exact version of every
 * library those packages depend on: the fonts (font packages pin their files), mermaid, pdf-lib,
 * Slidev, KaTeX… `moduleUrl` is any module of the renderer (`import.meta.url`). Chromium is not here:
 * a renderer that measures or prints in it adds `chromiumStamp()` (@studykit/browser/chromium).
 */
export function rendererStamp(moduleUrl: string): string {
  const root = packageRoot(dirname(fileURLToPath(moduleUrl)));
  if (!root) return `unknown renderer at ${moduleUrl}`;
  let stamp = stamps.get(root);
  if (stamp === undefined) {
    stamp = computeStamp(root);
    stamps.set(root, stamp);
  }
  return stamp;
}
/** Per process: the built code does not change under a running build (a stamp reads all of it). */
const stamps = new Map<string, string>();

function computeStamp(root: string): string {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  const libraries = new Map<string, string>();
  const visit = (dir: string) => {
    const facts = packageFacts(dir);
    if (seen.has(facts.name)) return;
    seen.add(facts.name);
    hash.update(`${facts.name} ${facts.code}\n`);
    for (const [name, version] of facts.libraries) libraries.set(name, version);
    for (const workspace of facts.workspace) visit(workspace);
  };
  visit(root);
  for (const [name, version] of [...libraries].sort(([a], [b]) => (a < b ? -1 : 1)))
    hash.update(`${name}@${version}\n`);
  return hash.digest('hex');
}

interface PackageFacts {
  name: string;
  /** sha256 of its built code (dist/**.js). */
  code: string;
  /** Its libraries' exact versions. */
  libraries: [string, string][];
  /** The folders of the workspace packages it depends on. */
  workspace: string[];
}

/** Per process and package: the renderers share most of the workspace (core, view, fonts…). */
const facts = new Map<string, PackageFacts>();

function packageFacts(dir: string): PackageFacts {
  let known = facts.get(dir);
  if (known) return known;
  const manifest = readManifest(dir);
  const libraries: [string, string][] = [];
  const workspace: string[] = [];
  for (const dependency of Object.keys(manifest.dependencies ?? {}).sort()) {
    const found = dependencyRoot(dependency, dir);
    if (!found) libraries.push([dependency, 'missing']);
    else if (dependency.startsWith('@studykit/')) workspace.push(found);
    else libraries.push([dependency, readManifest(found).version]);
  }
  known = { name: manifest.name, code: builtCode(dir), libraries, workspace };
  facts.set(dir, known);
  return known;
}

function builtCode(dir: string): string {
  const hash = createHash('sha256');
  const dist = join(dir, 'dist');
  if (!existsSync(dist)) return 'not built';
  for (const file of readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()) {
    hash.update(`${file.slice(dist.length)}\n`).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/**
 * The digest of an output: its renderer's stamp and its inputs (plain JSON: AST nodes, options,
 * derived text). Where a node came from (`position`, `span`) is left out: a line added above a
 * section moves it without changing what any output shows.
 */
export function outputDigest(stamp: string, inputs: unknown): string {
  return createHash('sha256')
    .update(stamp)
    .update('\0')
    .update(JSON.stringify(inputs, withoutLocations))
    .digest('hex');
}

function withoutLocations(key: string, value: unknown): unknown {
  return key === 'position' || key === 'span' ? undefined : value;
}
