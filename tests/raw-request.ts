import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequestOptions {
  method?: string;
  /** The `Host:` header to send; default the origin's, `null` sends none. */
  host?: string | null;
}

/**
 * One request exactly as written: the raw path (fetch and browsers would normalise `..` and `%2e`
 * away before it leaves), any method, any Host header. Used by the static server's tests.
 */
export function rawRequest(
  origin: string,
  path: string,
  options: RawRequestOptions = {},
): Promise<RawResponse> {
  const { hostname, port, host: originHost } = new URL(origin);
  const host = options.host === undefined ? originHost : options.host;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        path,
        method: options.method ?? 'GET',
        setHost: false,
        headers: host === null ? {} : { host },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk) => {
          body += chunk;
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}
