/** How mermaid draws every diagram of the kit: the kit's fonts, no script, SVG text, no wrapping. */
import { cssStack } from '@studykit/fonts';
import type { MermaidConfig } from 'mermaid';

/** The kit's sans stack (Source Sans 3, then Noto Sans SC, then Noto Emoji): the same on every machine. */
export const DIAGRAM_FONT = cssStack('sans');

export const MERMAID_CONFIG: MermaidConfig = {
  startOnLoad: false,
  // strict: no script in labels, click callbacks disabled (href links still work).
  securityLevel: 'strict',
  // Top-level flag: SVG <text> labels instead of <foreignObject> HTML, so the SVG also renders outside
  // browsers (librsvg, Inkscape, PDF tools). The flowchart-level flag is deprecated and partial.
  htmlLabels: false,
  theme: 'default',
  themeVariables: { fontFamily: DIAGRAM_FONT },
  // No automatic wrapping: mermaid splits long words mid-character (and so mid entity code), and a
  // label with <br> goes through a path that decodes entities itself. Labels stay on one line.
  flowchart: { useMaxWidth: false, curve: 'basis', wrappingWidth: 100_000 },
  // A 200-paper lineage is far past the defaults (50,000 characters, 500 edges).
  maxTextSize: 2_000_000,
  maxEdges: 20_000,
};
