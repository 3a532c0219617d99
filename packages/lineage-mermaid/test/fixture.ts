/** A hand-made AST shaped like the shipped content: four families, twelve papers, every relation kind but `concurrent` (tested on its own). */
import type {
  BuildsOn,
  Family,
  LineageEdge,
  Paper,
  RelationKind,
  Size,
  Span,
  StudyAst,
} from '@studykit/core';
import { AST_VERSION, compareCodePoints, DEFAULT_STUDY } from '@studykit/core';

const span = (file: string): Span => ({
  file,
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
});

function size(text: string): Size {
  const unit = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 }[text.slice(-1)] ?? 1;
  return { text, value: Number.parseFloat(text) * unit };
}

export interface PaperSpec {
  id: string;
  family: string;
  short: string;
  year: number;
  url?: string;
  parameters?: string[];
  buildsOn?: { id: string; kind?: RelationKind; label?: string }[];
  title?: string;
}

export function paper(spec: PaperSpec): Paper {
  const file = `${spec.family}/${spec.id}.md`;
  return {
    id: spec.id,
    family: spec.family,
    title: spec.title ?? `${spec.short}: the paper`,
    short: spec.short,
    year: spec.year,
    authors: ['A. Author'],
    venue: 'arXiv',
    url: spec.url ?? `https://example.org/${spec.id}`,
    organisation: 'Org',
    parameters: (spec.parameters ?? []).map(size),
    tags: [],
    buildsOn: (spec.buildsOn ?? []).map(
      (b): BuildsOn => ({
        id: b.id,
        kind: b.kind ?? 'extends',
        ...(b.label ? { label: b.label } : {}),
        span: span(file),
      }),
    ),
    sections: [],
    conclusions: [],
    notes: [],
    file,
    span: span(file),
    digest: '0'.repeat(64),
  };
}

export interface FamilySpec {
  id: string;
  name: string;
  colour: string;
  order: number;
}

/** Builds a StudyAst the way the parser does: families by order, papers by family order/year/id, edges from builds_on. */
export function study(familySpecs: FamilySpec[], paperSpecs: PaperSpec[]): StudyAst {
  const families = [...familySpecs].sort((a, b) => a.order - b.order);
  const order = new Map(families.map((f) => [f.id, f.order]));
  const papers = paperSpecs
    .map(paper)
    .sort(
      (a, b) =>
        (order.get(a.family) ?? 1e9) - (order.get(b.family) ?? 1e9) ||
        a.year - b.year ||
        compareCodePoints(a.id, b.id),
    );
  const byId = new Map(papers.map((p) => [p.id, p]));
  const edges: LineageEdge[] = papers.flatMap((p) =>
    p.buildsOn.map((b) => ({
      from: b.id,
      to: p.id,
      kind: b.kind,
      ...(b.label ? { label: b.label } : {}),
      crossFamily: byId.get(b.id)?.family !== p.family,
      span: b.span,
    })),
  );
  const familyNodes: Family[] = families.map((f) => {
    const members = papers.filter((p) => p.family === f.id);
    const years = members.map((p) => p.year);
    return {
      id: f.id,
      name: f.name,
      organisation: 'Org',
      order: f.order,
      colour: f.colour,
      overview: { children: [], text: '' },
      sections: [],
      papers: members.map((p) => p.id),
      period: years.length ? { from: Math.min(...years), to: Math.max(...years) } : null,
      file: `${f.id}/family.md`,
      span: span(`${f.id}/family.md`),
      digest: '0'.repeat(64),
    };
  });
  return {
    version: AST_VERSION,
    study: DEFAULT_STUDY,
    families: familyNodes,
    papers,
    edges,
    files: [],
    diagnostics: [],
  };
}

export const FIXTURE: StudyAst = study(
  [
    { id: 'openai', name: 'OpenAI GPT series', colour: '#10a37f', order: 1 },
    { id: 'anthropic', name: 'Anthropic', colour: '#d4a27f', order: 2 },
    { id: 'llama', name: 'LLaMA and friends', colour: '#0668E1', order: 3 },
    { id: 'glm', name: 'GLM (Tsinghua / Zhipu)', colour: '#c33', order: 4 },
  ],
  [
    { id: 'gpt-1', family: 'openai', short: 'GPT-1', year: 2018, parameters: ['117M'] },
    {
      id: 'gpt-2',
      family: 'openai',
      short: 'GPT-2',
      year: 2019,
      parameters: ['1.5B'],
      buildsOn: [{ id: 'gpt-1' }],
    },
    {
      id: 'gpt-3',
      family: 'openai',
      short: 'GPT-3',
      year: 2020,
      parameters: ['125M', '1.3B', '13B', '175B'],
      url: 'https://arxiv.org/abs/2005.14165',
      buildsOn: [{ id: 'gpt-2', kind: 'scales-up' }],
    },
    {
      id: 'codex',
      family: 'openai',
      short: 'Codex',
      year: 2021,
      parameters: ['12B'],
      buildsOn: [{ id: 'gpt-3', kind: 'fine-tunes' }],
    },
    {
      id: 'instructgpt',
      family: 'openai',
      short: 'InstructGPT',
      year: 2022,
      parameters: ['1.3B', '175B'],
      buildsOn: [{ id: 'gpt-3', kind: 'fine-tunes', label: 'RLHF on GPT-3' }],
    },
    { id: 'chatgpt', family: 'openai', short: 'ChatGPT', year: 2022, buildsOn: [{ id: 'instructgpt' }] },
    {
      id: 'hh-rlhf',
      family: 'anthropic',
      short: 'HH-RLHF',
      year: 2022,
      parameters: ['52B'],
      buildsOn: [{ id: 'instructgpt', kind: 'borrows-method' }],
    },
    {
      id: 'llama',
      family: 'llama',
      short: 'LLaMA',
      year: 2023,
      parameters: ['7B', '13B', '33B', '65B'],
      buildsOn: [{ id: 'gpt-3' }],
    },
    {
      id: 'alpaca',
      family: 'llama',
      short: 'Alpaca',
      year: 2023,
      parameters: ['7B'],
      buildsOn: [
        { id: 'llama', kind: 'fine-tunes' },
        { id: 'instructgpt', kind: 'uses-data', label: 'text-davinci-003 data' },
      ],
    },
    { id: 'glm', family: 'glm', short: 'GLM', year: 2021, parameters: ['10B'] },
    {
      id: 'glm-130b',
      family: 'glm',
      short: 'GLM-130B',
      year: 2022,
      parameters: ['130B'],
      buildsOn: [{ id: 'glm', kind: 'scales-up' }],
    },
    {
      id: 'chatglm-6b',
      family: 'glm',
      short: 'ChatGLM-6B',
      year: 2023,
      parameters: ['6.2B'],
      buildsOn: [{ id: 'glm-130b' }, { id: 'instructgpt', kind: 'borrows-method' }],
    },
  ],
);
