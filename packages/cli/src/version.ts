import { createRequire } from 'node:module';

/** The kit's version, from the CLI's package.json (one version for the whole kit). */
export const STUDYKIT_VERSION: string = (
  createRequire(import.meta.url)('../package.json') as { version: string }
).version;
