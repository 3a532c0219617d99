/**
 * What a measuring-page stand-in answers when blocks simply stack: each run from a chunk on, the running
 * sums of their heights, stopping past `limit` (as the real page stops once a run overflows the body).
 */
export function stackedRuns(
  chunks: readonly { html: string }[],
  heightOf: (html: string) => number,
  limit: number,
): number[][] {
  return chunks.map((_, from) => {
    const row: number[] = [];
    let sum = 0;
    for (const chunk of chunks.slice(from)) {
      sum += heightOf(chunk.html);
      row.push(sum);
      if (sum > limit) break;
    }
    return row;
  });
}
