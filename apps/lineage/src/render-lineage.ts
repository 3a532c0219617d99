/** The lineage renderer: AST in, files out (`lineage/…`); the CLI writes them. */
import type { OutputFile, ProgressListener, StudyAst } from '@studykit/core';
import { toMermaid } from './mermaid-text.js';
import { MermaidRenderer } from './renderer.js';

export interface RenderLineageOptions {
  /** A warm renderer to reuse (watch mode); without one, a browser is launched and closed here. */
  renderer?: MermaidRenderer;
  onProgress?: ProgressListener;
  /**
   * Receives files as soon as they are ready (first `lineage.mmd` and `lineage.svg`), before the
   * promise resolves with all of them; the CLI writes them at once so a watch edit shows quickly.
   */
  onFiles?: (files: OutputFile[]) => Promise<void>;
}

const STEP = 'lineage';

/**
 * `lineage/lineage.{mmd,svg,png,pdf}` for the whole lineage and `lineage/lineage-<family>.{mmd,svg}` per
 * family with papers. Every text is checked with mermaid's parser before anything is drawn.
 */
export async function renderLineage(
  ast: StudyAst,
  options: RenderLineageOptions = {},
): Promise<OutputFile[]> {
  const diagrams = [
    { name: 'lineage', text: toMermaid(ast) },
    ...ast.families
      .filter((family) => ast.papers.some((paper) => paper.family === family.id))
      .map((family) => ({ name: `lineage-${family.id}`, text: toMermaid(ast, { family: family.id }) })),
  ];
  const total = diagrams.length + 2;
  let done = 0;
  const progress = (detail: string) => options.onProgress?.({ step: STEP, detail, done: done++, total });

  progress(options.renderer ? 'using the warm browser' : 'starting Chromium and mermaid');
  const renderer = options.renderer ?? (await MermaidRenderer.launch());
  try {
    const files: OutputFile[] = [];
    for (const [index, diagram] of diagrams.entries()) {
      const base = `lineage/${diagram.name}`;
      // Each text is checked with mermaid's own parser before anything is drawn from it.
      await renderer.validate(diagram.text, { name: `${diagram.name}.mmd` });
      files.push({ path: `${base}.mmd`, contents: diagram.text });
      if (index === 0) {
        progress(`rendering ${diagram.name}.svg, .png and .pdf`);
        const { svg, png, pdf } = await renderer.render(diagram.text, {
          id: diagram.name,
          name: `${diagram.name}.mmd`,
          onSvg: (svg) =>
            options.onFiles?.([
              { path: `${base}.mmd`, contents: diagram.text },
              { path: `${base}.svg`, contents: svg },
            ]),
        });
        files.push(
          { path: `${base}.svg`, contents: svg },
          { path: `${base}.png`, contents: png },
          { path: `${base}.pdf`, contents: pdf },
        );
      } else {
        progress(`rendering ${diagram.name}.svg`);
        const { svg } = await renderer.renderSvg(diagram.text, {
          id: diagram.name,
          name: `${diagram.name}.mmd`,
        });
        files.push({ path: `${base}.svg`, contents: svg });
      }
    }
    options.onProgress?.({ step: STEP, detail: 'done', done: total, total });
    return files;
  } finally {
    if (!options.renderer) await renderer.close();
  }
}
