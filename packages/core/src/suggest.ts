import { closest, distance } from 'fastest-levenshtein';

/** "Did you mean `gpt-3`?" when a known id is close enough to the unknown one. */
export function didYouMean(unknown: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(unknown, known as string[]);
  const limit = Math.max(2, Math.floor(unknown.length / 3));
  return distance(unknown, best) <= limit ? best : undefined;
}
