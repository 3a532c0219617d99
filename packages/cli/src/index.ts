export { type CommandLine, parseCommandLine, UsageError } from './args.js';
export type { Io } from './io.js';
export { main } from './main.js';
