/**
 * A lineage too large to read on one slide is shown over several, one era each: the papers in reading
 * order (year first), cut into consecutive runs of nearly equal size, a cut moved to the nearest
 * change of year when one is close, so that a year is not divided when it need not be. Pure.
 */
import type { Paper } from '@studykit/core';

/** The papers (ids) of each of `parts` eras; fewer when there are fewer papers than parts. */
export function eraSplit(papers: readonly Paper[], parts: number): string[][] {
  const count = Math.min(parts, papers.length);
  if (count <= 1) return [papers.map((paper) => paper.id)];
  const size = papers.length / count;
  const cuts: number[] = [];
  for (let part = 1; part < count; part++) {
    const even = Math.round(part * size);
    const previous = cuts[cuts.length - 1] ?? 0;
    // A change of year within a quarter of an era of the even cut, keeping every era non-empty.
    const reach = Math.floor(size / 4);
    let cut = even;
    for (let shift = 0; shift <= reach; shift++) {
      const candidates = [even - shift, even + shift].filter(
        (at) => at > previous && at < papers.length - (count - part - 1),
      );
      const found = candidates.find((at) => papers[at - 1]?.year !== papers[at]?.year);
      if (found !== undefined) {
        cut = found;
        break;
      }
    }
    cuts.push(Math.max(cut, previous + 1));
  }
  return [0, ...cuts].map((from, index) =>
    papers.slice(from, cuts[index] ?? papers.length).map((paper) => paper.id),
  );
}
