/**
 * A generated lineage of any size, shaped like the real one: families of papers over the years, each
 * paper building on one or two earlier ones (mostly in its family, sometimes across), every relation kind.
 */
const KINDS = ['extends', 'scales-up', 'fine-tunes', 'borrows-method', 'uses-data'];
const COLOURS = ['#10a37f', '#d97757', '#0668e1', '#4f46e5', '#c33', '#f59e0b', '#0891b2', '#9333ea'];

const span = (file) => ({
  file,
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
});

/** Deterministic pseudo-random numbers, so every run draws the same diagram. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function syntheticLineage(paperCount, familyCount = 8) {
  const next = random(42);
  const families = Array.from({ length: familyCount }, (_, i) => ({
    id: `family-${i + 1}`,
    name: `Family ${i + 1} (${['OpenAI', 'Anthropic', 'Meta', 'Tsinghua', 'Google', 'DeepMind', 'Mistral', '清华'][i % 8]})`,
    organisation: 'Org',
    order: i + 1,
    colour: COLOURS[i % COLOURS.length],
    overview: { children: [], text: '' },
    sections: [],
    papers: [],
    period: null,
    file: `family-${i + 1}/family.md`,
    span: span(`family-${i + 1}/family.md`),
    digest: '0'.repeat(64),
  }));
  const papers = [];
  const edges = [];
  for (let i = 0; i < paperCount; i++) {
    const family = families[i % familyCount];
    const id = `paper-${i + 1}`;
    const year = 2015 + Math.floor((i / paperCount) * 10);
    const buildsOn = [];
    const earlierSame = papers.filter((p) => p.family === family.id);
    if (earlierSame.length > 0)
      buildsOn.push(
        earlierSame[earlierSame.length - 1 - Math.floor(next() * Math.min(2, earlierSame.length))],
      );
    if (papers.length > 0 && next() < 0.35) buildsOn.push(papers[Math.floor(next() * papers.length)]);
    const unique = [...new Map(buildsOn.map((p) => [p.id, p])).values()];
    const paper = {
      id,
      family: family.id,
      title: `Paper number ${i + 1}`,
      short: `Model-${i + 1}`,
      year,
      authors: ['A. Author'],
      venue: 'arXiv',
      url: `https://example.org/papers/${id}`,
      organisation: 'Org',
      parameters: [{ text: `${1 + (i % 70)}B`, value: (1 + (i % 70)) * 1e9 }],
      tags: [],
      buildsOn: unique.map((p, k) => ({
        id: p.id,
        kind: KINDS[(i + k) % KINDS.length],
        span: span(`${id}.md`),
      })),
      sections: [],
      conclusions: [],
      notes: [],
      file: `${family.id}/${id}.md`,
      span: span(`${family.id}/${id}.md`),
      digest: '0'.repeat(64),
    };
    papers.push(paper);
    family.papers.push(id);
    for (const b of paper.buildsOn) {
      const from = papers.find((p) => p.id === b.id);
      edges.push({
        from: b.id,
        to: id,
        kind: b.kind,
        crossFamily: from.family !== paper.family,
        span: b.span,
      });
    }
  }
  const order = new Map(families.map((f) => [f.id, f.order]));
  papers.sort(
    (a, b) => order.get(a.family) - order.get(b.family) || a.year - b.year || a.id.localeCompare(b.id),
  );
  for (const family of families) {
    const years = papers.filter((p) => p.family === family.id).map((p) => p.year);
    family.period = years.length ? { from: Math.min(...years), to: Math.max(...years) } : null;
  }
  return {
    version: 2,
    study: {
      title: 'Generated lineage',
      subtitle: null,
      group: null,
      language: null,
      description: { children: [], text: '' },
      file: null,
    },
    families,
    papers,
    edges,
    files: [],
    diagnostics: [],
  };
}
