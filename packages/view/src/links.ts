/**
 * An absolute http(s) URL written only with the characters RFC 3986 allows (no space, quote, angle
 * bracket, backslash or non-ASCII): such a URL is a link exactly as written.
 */
const WRITTEN_AS_LINK = /^https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/i;

/**
 * The one link rule of every output: only http(s) URLs become links. Anything else (javascript:,
 * data:, mailto:, relative paths) is shown as text, never followed or fetched.
 *
 * The link is the URL as written, byte for byte: its percent escapes (`%2F`, `%26`) are part of what
 * the server is asked for, so nothing is decoded or normalised. Only a URL that cannot be a link as
 * written (spaces, non-ASCII, `https:host` without slashes) becomes the URL parser's serialisation,
 * which percent-encodes those characters as a browser would.
 */
export function safeHttpUrl(url: string): string | undefined {
  const written = url.trim();
  try {
    const parsed = new URL(written);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return WRITTEN_AS_LINK.test(written) ? written : parsed.href;
  } catch {
    return undefined;
  }
}
