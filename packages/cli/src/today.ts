/**
 * "Today" for everything the CLI checks or prints (the latest valid paper year, the schedule on the
 * index page): `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention; the tests pin it),
 * else the clock. Nothing else in the CLI reads the clock for content decisions.
 */
export function today(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}

/** The year against which paper years are checked (UTC, so a time zone never moves it). */
export function currentYear(env: NodeJS.ProcessEnv = process.env): number {
  return today(env).getUTCFullYear();
}
