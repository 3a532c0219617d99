/** Where a command prints; tests pass their own to capture output. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  isTTY: boolean;
}

/**
 * One line for the user beside a command's real output (a damaged cache file was ignored…): given
 * to the code that notices, which has no `Io` of its own, and printed on stderr.
 */
export type Notice = (line: string) => void;

export const processIo: Io = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  isTTY: process.stderr.isTTY === true,
};

/** The notices of a command run with `io`. */
export function noticesTo(io: Io): Notice {
  return (line) => io.stderr(line);
}
