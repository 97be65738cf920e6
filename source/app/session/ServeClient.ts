import { request as httpRequest } from 'node:http';
import { CloudError, type CloudErrorKind } from '../../core/CloudError.js';

/** Talks JSON to a running `cws-tui serve` over its Unix socket. */
export interface ServeClient {
  readonly socketPath: string;
  request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

const KIND_OF_STATUS: Record<number, CloudErrorKind> = {
  400: 'invalid-parameter',
  401: 'unauthorized',
  403: 'unauthorized',
  404: 'not-found',
  409: 'conflict',
  429: 'throttled',
};

/** The server's `{error: {code, message, hint}}` as the error the screens already show. */
function answerError(status: number, text: string): CloudError {
  let error: { code?: string; message?: string; hint?: string | null } | undefined;
  try {
    error = (JSON.parse(text) as { error?: typeof error }).error;
  } catch {
    error = undefined;
  }
  return new CloudError({
    kind: KIND_OF_STATUS[status] ?? 'unknown',
    code: error?.code ?? `http_${status}`,
    message: error?.message ?? `cws-tui serve answered HTTP ${status}`,
    hint: error?.hint ?? '',
    retryable: status === 429 || status >= 500,
  });
}

/** A connection that failed: no server there, or one the kernel will not let this user reach. */
export function unreachableServeError(socketPath: string, code: string | undefined): CloudError {
  if (code === 'EACCES' || code === 'EPERM') {
    return new CloudError({
      kind: 'unauthorized',
      code: 'serve_not_yours',
      message: `the cws-tui serve on ${socketPath} belongs to another user: its socket admits only its owner`,
      hint: 'start your own with `cws-tui serve`, or run cws-tui without --attach',
    });
  }
  return new CloudError({
    kind: 'network',
    code: 'serve_not_running',
    message: `no cws-tui serve is running on ${socketPath}`,
    hint: 'start one with `cws-tui serve` in another terminal, or run cws-tui without --attach',
    retryable: true,
  });
}

export function serveClient(socketPath: string, timeoutMs = 15 * 60_000): ServeClient {
  return {
    socketPath,
    request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      return new Promise<T>((resolve, reject) => {
        const outgoing = httpRequest(
          {
            socketPath,
            method,
            path,
            timeout: timeoutMs,
            headers: payload === undefined ? {} : { 'content-type': 'application/json' },
          },
          (response) => {
            let text = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => {
              text += chunk;
            });
            response.on('end', () => {
              const status = response.statusCode ?? 0;
              if (status >= 400) return reject(answerError(status, text));
              try {
                resolve(JSON.parse(text) as T);
              } catch {
                reject(answerError(502, ''));
              }
            });
          },
        );
        outgoing.on('timeout', () =>
          outgoing.destroy(new Error(`cws-tui serve did not answer ${path} in time`)),
        );
        outgoing.on('error', (error: NodeJS.ErrnoException) =>
          reject(
            error.code && /^E[A-Z]+$/.test(error.code)
              ? unreachableServeError(socketPath, error.code)
              : error,
          ),
        );
        if (payload !== undefined) outgoing.write(payload);
        outgoing.end();
      });
    },
  };
}
