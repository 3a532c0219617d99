/**
 * The one link rule of every output: only http(s) URLs become links. Anything else (javascript:,
 * data:, mailto:, relative paths) is shown as text, never followed or fetched.
 */
export function safeHttpUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
