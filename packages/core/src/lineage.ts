import type { LineageEdge, Paper } from './ast.js';
import type { DiagnosticSink } from './diagnostics.js';
import { didYouMean } from './suggest.js';

/**
 * Turns every paper's `builds_on` into lineage edges, reporting unknown ids and cycles.
 * Edges run from the earlier paper to the one that builds on it.
 */
export function buildLineage(
  papers: readonly Paper[],
  sink: DiagnosticSink,
  /** Ids of papers whose files failed validation: already reported, so not "unknown" here. */
  brokenIds: ReadonlySet<string> = new Set(),
): LineageEdge[] {
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const ids = [...byId.keys()];
  const edges: LineageEdge[] = [];
  for (const paper of papers) {
    for (const entry of paper.buildsOn) {
      const earlier = byId.get(entry.id);
      if (!earlier) {
        if (brokenIds.has(entry.id)) continue;
        const suggestion = didYouMean(entry.id, ids);
        sink.report(
          'builds-on-unknown',
          entry.span,
          `Paper \`${paper.id}\` builds on unknown paper \`${entry.id}\``,
          suggestion ? `Did you mean \`${suggestion}\`?` : undefined,
        );
        continue;
      }
      edges.push({
        from: earlier.id,
        to: paper.id,
        kind: entry.kind,
        ...(entry.label ? { label: entry.label } : {}),
        crossFamily: earlier.family !== paper.family,
        span: entry.span,
      });
    }
  }
  reportCycles(papers, edges, sink);
  return edges;
}

/** One diagnostic per loop, naming every paper in it, at the first paper's `builds_on` entry. */
function reportCycles(papers: readonly Paper[], edges: readonly LineageEdge[], sink: DiagnosticSink): void {
  const buildsOn = new Map<string, string[]>();
  for (const edge of edges) buildsOn.set(edge.to, [...(buildsOn.get(edge.to) ?? []), edge.from]);
  for (const component of stronglyConnected(
    papers.map((paper) => paper.id),
    buildsOn,
  )) {
    const start = [...component].sort()[0] as string;
    const loop = findLoop(start, component, buildsOn);
    const next = loop[1] as string;
    const edge = edges.find((candidate) => candidate.to === start && candidate.from === next);
    if (!edge) continue;
    sink.report(
      'lineage-cycle',
      edge.span,
      `Lineage cycle: ${loop.map((id) => `\`${id}\``).join(' builds on ')}`,
    );
  }
}

/** Tarjan's algorithm; returns only components that form a loop (two or more papers). */
function stronglyConnected(ids: readonly string[], next: ReadonlyMap<string, string[]>): Set<string>[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: Set<string>[] = [];
  let counter = 0;

  const visit = (id: string): void => {
    index.set(id, counter);
    low.set(id, counter);
    counter++;
    stack.push(id);
    onStack.add(id);
    for (const target of next.get(id) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(id, Math.min(low.get(id) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(id, Math.min(low.get(id) as number, index.get(target) as number));
      }
    }
    if (low.get(id) === index.get(id)) {
      const component = new Set<string>();
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.add(member);
      } while (member !== id);
      if (component.size > 1) components.push(component);
    }
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return components;
}

/** A shortest walk start → … → start inside one component (breadth-first). */
function findLoop(
  start: string,
  component: ReadonlySet<string>,
  next: ReadonlyMap<string, string[]>,
): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const target of [...(next.get(current) ?? [])].sort()) {
      if (!component.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (
          let step: string | undefined = current;
          step !== undefined && step !== start;
          step = previous.get(step)
        ) {
          path.splice(1, 0, step);
        }
        return [...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, current);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/**
 * How many `builds_on` steps lie behind each paper (longest chain): papers of the same year are
 * read in lineage order (LLaMA before Alpaca). Loops are cut, they are reported elsewhere.
 */
export function lineageDepths(papers: readonly Paper[]): Map<string, number> {
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const depths = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depths.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const parents = (byId.get(id)?.buildsOn ?? []).filter((entry) => byId.has(entry.id));
    const depth = parents.length === 0 ? 0 : 1 + Math.max(...parents.map((entry) => depthOf(entry.id)));
    visiting.delete(id);
    depths.set(id, depth);
    return depth;
  };
  for (const paper of papers) depthOf(paper.id);
  return depths;
}
