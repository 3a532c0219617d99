/**
 * Formatted references (APA 7) by citeproc-js through citation-js's CSL plugin, with its bundled
 * `apa` template and locales. The CSL items go straight to the formatter: citation-js's input
 * parsing, the only part of it that can fetch, never runs, and an unbundled locale is refused
 * rather than looked up.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { StudyAst } from '@studykit/core';
import { toCslItem } from './csl-json.js';
import type { CslItem, CslName } from './csl-types.js';

export interface FormatReferencesOptions {
  style: 'apa';
  /** A CSL locale bundled with @citation-js/plugin-csl (en-US, de-DE, es-ES, fr-FR, nl-NL); default en-US. */
  lang?: string;
  /** Only these paper ids (a deck's family): APA's year letters (2020a, 2020b) count within them. */
  papers?: readonly string[];
  /** References formatted before (another run, another deck): only what is not in it is formatted. */
  cache?: ReferenceCache;
}

/**
 * Formatted references kept between calls and runs (the CLI stores one in its cache folder): by a
 * digest of a group of references and everything that formats them, their `[id, text]` pairs.
 */
export interface ReferenceCache {
  get(key: string): readonly (readonly [string, string])[] | undefined;
  set(key: string, entries: readonly (readonly [string, string])[]): void;
}

export interface FormattedReference {
  id: string;
  /** The reference without its URL, e.g. "Radford, A., … (2019). Language models …. OpenAI." */
  text: string;
  /** The paper's URL as written, to print after `text` (APA puts it last) and link where it is http(s). */
  url: string;
}

/** One reference per paper, in the AST's paper order (the renderer decides the list order). */
export function formatReferences(ast: StudyAst, options: FormatReferencesOptions): FormattedReference[] {
  const lang = options.lang ?? 'en-US';
  const csl = plugins.config.get('@csl');
  if (!csl.styles.has(options.style)) throw new Error(`No bundled citation style "${options.style}"`);
  if (!csl.locales.has(lang))
    throw new Error(`No bundled CSL locale "${lang}" (bundled: ${csl.locales.list().join(', ')})`);

  const wanted = options.papers ? new Set(options.papers) : undefined;
  const papers = wanted ? ast.papers.filter((paper) => wanted.has(paper.id)) : ast.papers;
  if (papers.length === 0) return [];
  // Without the URL the text ends where the URL would follow; renderers print and link it themselves.
  const items = papers.map((paper) => shieldMarkup(withoutUrl(toCslItem(paper))));
  const format = (some: readonly ShieldedItem[]) => citeproc(some, options.style, lang);
  const textById = options.cache
    ? formatThroughCache(items, format, options.cache, `${options.style} ${lang}`)
    : format(items);
  return papers.map((paper) => ({ id: paper.id, text: textById.get(paper.id) ?? '', url: paper.url }));
}

type ShieldedItem = Omit<CslItem, 'URL'>;

function citeproc(items: readonly ShieldedItem[], style: string, lang: string): Map<string, string> {
  const entries = plugins.output.format('bibliography', [...items], {
    format: 'text',
    style,
    lang,
    asEntryArray: true,
  });
  return new Map(entries.map(([id, text]) => [id, unshieldMarkup(text).trim()]));
}

/** The formatter's own version: a cached text is used only with the citeproc that made it. */
const FORMATTER = (() => {
  const ours = createRequire(import.meta.url);
  // citeproc is the plugin's dependency, found from where the plugin is.
  const plugin = createRequire(ours.resolve('@citation-js/plugin-csl'));
  const version = (from: NodeJS.Require, name: string) =>
    (from(`${name}/package.json`) as { version: string }).version;
  return `citeproc ${version(plugin, 'citeproc')} plugin-csl ${version(ours, '@citation-js/plugin-csl')} shield 1`;
})();

/**
 * APA adds year letters (2020a, 2020b) only among references whose in-text citations could be
 * confused: same first author and year. So references are grouped by first author's surname and year
 * (a wider group is harmless), each group reads the same formatted alone as among all (test), and a
 * group is kept by the digest of its items. Groups not in the cache are formatted in one call.
 */
function formatThroughCache(
  items: readonly ShieldedItem[],
  format: (items: readonly ShieldedItem[]) => Map<string, string>,
  cache: ReferenceCache,
  styleAndLocale: string,
): Map<string, string> {
  const groups = new Map<string, ShieldedItem[]>();
  for (const item of items) {
    const key = confusableKey(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const keyed = [...groups.values()].map((group) => ({
    group,
    key: createHash('sha256')
      .update(JSON.stringify([FORMATTER, styleAndLocale, group]))
      .digest('hex'),
  }));
  const missing = keyed.filter(({ key }) => cache.get(key) === undefined);
  if (missing.length > 0) {
    const texts = format(missing.flatMap(({ group }) => group));
    for (const { group, key } of missing)
      cache.set(
        key,
        group.map((item) => [item.id, texts.get(item.id) ?? '']),
      );
  }
  return new Map(keyed.flatMap(({ key }) => cache.get(key) ?? []));
}

/** First author's surname (or organisation, or the title when there is no author) and year. */
function confusableKey(item: ShieldedItem): string {
  const first = item.author[0];
  const name = first === undefined ? item.title : 'literal' in first ? first.literal : first.family;
  return `${name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()}\u0000${item.issued['date-parts'][0][0]}`;
}

/*
 * citeproc reads <i>, <b>, <span class="nocase">… in any field as formatting, turns straight quotes
 * into curly ones, and citation-js adds an attribute to an entry that starts with a tag. Paper text
 * is plain and shown as written, so these characters are swapped for Unicode noncharacters (reserved
 * for such internal use) while formatting, and swapped back after.
 */
const SHIELDED = ['<', '>', '"', "'"];
const NONCHARACTERS = ['\uFDD0', '\uFDD1', '\uFDD2', '\uFDD3'];
const NONCHARACTER = /[\uFDD0-\uFDD3]/g;

function shield(text: string): string {
  return text
    .replace(NONCHARACTER, '')
    .replace(/[<>"']/g, (char) => NONCHARACTERS[SHIELDED.indexOf(char)] ?? char);
}

function unshieldMarkup(text: string): string {
  return text.replace(NONCHARACTER, (char) => SHIELDED[NONCHARACTERS.indexOf(char)] ?? char);
}

/** Kept as written: APA's title case for container names would also "correct" an acronym or markup. */
const asWritten = (text: string) => `<span class="nocase">${shield(text)}</span>`;

function withoutUrl(item: CslItem): Omit<CslItem, 'URL'> {
  const { URL: _url, ...rest } = item;
  return rest;
}

function shieldMarkup(item: Omit<CslItem, 'URL'>): Omit<CslItem, 'URL'> {
  const shielded: Omit<CslItem, 'URL'> = {
    ...item,
    title: asWritten(item.title),
    author: item.author.map(shieldName),
  };
  for (const field of ['container-title', 'publisher'] as const) {
    const value = item[field];
    if (value !== undefined) shielded[field] = asWritten(value);
  }
  if (item.number !== undefined) shielded.number = shield(item.number);
  return shielded;
}

function shieldName(name: CslName): CslName {
  if ('literal' in name) return { literal: shield(name.literal) };
  const shielded: CslName = { ...name, family: shield(name.family) };
  if (name.given !== undefined) shielded.given = shield(name.given);
  const particle = name['non-dropping-particle'];
  if (particle !== undefined) shielded['non-dropping-particle'] = shield(particle);
  return shielded;
}
