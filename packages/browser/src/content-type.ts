import { lookup } from 'mrmime';

/** Text formats of our own that mime-db does not know (the references and the mermaid sources). */
const OWN_TEXT_FORMATS = new Set(['bib', 'mmd']);

/**
 * The `Content-Type` of a served file, from its name (mime-db through mrmime); every text the build
 * writes is UTF-8. Unknown kinds are bytes: with `nosniff` the browser never guesses them into HTML.
 */
export function contentTypeOf(fileName: string): string {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  const type = OWN_TEXT_FORMATS.has(extension) ? 'text/plain' : lookup(fileName);
  if (!type) return 'application/octet-stream';
  return type.startsWith('text/') || type === 'application/json' ? `${type}; charset=utf-8` : type;
}
