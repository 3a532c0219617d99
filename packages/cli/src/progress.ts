import type { ProgressEvent, ProgressListener } from '@studykit/core';
import type { Io } from './io.js';

/**
 * On a terminal one live line per step, redrawn in place; elsewhere (CI, logs) one line per event,
 * so that a long build always says what it is doing and how far it is.
 */
export function createProgress(io: Io): {
  listener: ProgressListener;
  done(step: string, summary: string): void;
} {
  let live = false;
  const render = (event: ProgressEvent) =>
    `${event.step}: ${event.detail}${event.total > 0 ? ` (${event.done}/${event.total})` : ''}`;
  return {
    listener(event) {
      if (io.isTTY) {
        process.stderr.write(`\r\x1b[2K${render(event)}`);
        live = true;
      } else {
        io.stderr(render(event));
      }
    },
    done(step, summary) {
      if (live) process.stderr.write('\r\x1b[2K');
      live = false;
      io.stderr(`${step}: ${summary}`);
    },
  };
}
