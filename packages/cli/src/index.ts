export { type CommandLine, parseCommandLine, UsageError } from './args.js';
export type { Io } from './io.js';
export { type MainOptions, main } from './main.js';
export type { WarmBrowser } from './session.js';
