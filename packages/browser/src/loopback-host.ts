/**
 * DNS rebinding: a web page can point its own host name at 127.0.0.1 and then read this server as
 * same-origin. The browser still sends that name in `Host:`, so only the loopback names with the
 * server's port are answered.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const name = host.toLowerCase();
  return name === `127.0.0.1:${port}` || name === `localhost:${port}` || name === `[::1]:${port}`;
}
