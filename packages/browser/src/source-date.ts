/**
 * The date a build stamps on what it makes: `SOURCE_DATE_EPOCH` (seconds since 1970, the
 * reproducible-builds convention) when set, else the clock. The same rule as the CLI's "today"
 * (packages/cli/src/today.ts); renderers use it when their caller passes no date.
 */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}
