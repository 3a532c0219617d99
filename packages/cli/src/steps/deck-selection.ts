import type { CommandLine } from '../args.js';

/**
 * Which decks a command line asks for, as view's `deckTargets` takes it: every family's and meeting's
 * without `--family` or `--meeting`; else exactly the families and meetings named.
 */
export function deckSelection(line: CommandLine): { families?: string[]; meetings?: string[] } {
  if (line.family.length === 0 && line.meeting.length === 0) return {};
  return { families: [...line.family], meetings: [...line.meeting] };
}
