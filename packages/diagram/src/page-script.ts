/**
 * The module the rendering page loads (`/page-script.mjs`): mermaid's bundle with the ELK layout, then the typed page
 * code of browser/install-api.ts, sent as its source text with the settings it needs.
 */
import { FAMILIES } from '@studykit/fonts';
import { installDiagramApi, type PageSetup } from './browser/install-api.js';
import { MERMAID_CONFIG } from './mermaid-config.js';

const SETUP: PageSetup = { config: MERMAID_CONFIG, families: Object.values(FAMILIES) };

export const PAGE_SCRIPT = `import mermaid from '/mermaid/mermaid.esm.min.mjs';
import elkLayouts from '/mermaid-elk/mermaid-layout-elk.esm.min.mjs';

mermaid.registerLayoutLoaders(elkLayouts);

(${installDiagramApi.toString()})(mermaid, ${JSON.stringify(SETUP)});
`;
