/**
 * How long a long-running command (watch, present) lives: until Ctrl-C, SIGTERM or SIGHUP (a closed
 * terminal), or until the process that started it is gone. `pnpm studykit watch` runs node under pnpm,
 * and pnpm does not pass on every signal: killed, it left node re-parented to PID 1, still serving
 * its port with Chromium alive. So the parent is watched too.
 */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function untilStopped(options: { pollMs?: number } = {}): Promise<string> {
  return new Promise((resolve) => {
    const parent = process.ppid;
    const stop = (why: string) => {
      clearInterval(timer);
      for (const signal of SIGNALS) process.removeListener(signal, handlers[signal]);
      resolve(why);
    };
    const handlers = Object.fromEntries(SIGNALS.map((signal) => [signal, () => stop(signal)])) as Record<
      (typeof SIGNALS)[number],
      () => void
    >;
    for (const signal of SIGNALS) process.once(signal, handlers[signal]);
    // An orphan is re-parented (to PID 1 or a subreaper): its ppid changes.
    const timer = setInterval(() => {
      if (process.ppid !== parent) stop('parent exited');
    }, options.pollMs ?? 500);
    timer.unref();
  });
}
