import { request as httpRequest, type IncomingMessage } from 'node:http';

export interface Target {
  socketPath?: string;
  /** `http://127.0.0.1:PORT` */
  base?: string;
  token?: string;
}

export interface ApiResponse {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
  json: unknown;
}

/** One real HTTP request to the server, over its Unix socket or its TCP port. */
export function call(
  target: Target,
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const url = target.base ? new URL(path, target.base) : undefined;
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        method,
        ...(target.socketPath ? { socketPath: target.socketPath, path } : {}),
        ...(url ? { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}` } : {}),
        headers: {
          ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(target.token ? { authorization: `Bearer ${target.token}` } : {}),
          ...options.headers,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
        });
      },
    );
    outgoing.on('error', reject);
    if (payload !== undefined) outgoing.write(payload);
    outgoing.end();
  });
}

export interface SseEvent {
  id: string;
  event: string;
  data: unknown;
}

/** Follows `GET /v1/events`; `next(match)` resolves with the first event (seen or coming) that matches. */
export function followEvents(target: Target): Promise<{
  events: SseEvent[];
  next(match: (event: SseEvent) => boolean): Promise<SseEvent>;
  close(): void;
  contentType: string | undefined;
}> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const waiting: Array<{ match: (event: SseEvent) => boolean; done: (event: SseEvent) => void }> = [];
    const outgoing = httpRequest(
      {
        method: 'GET',
        ...(target.socketPath ? { socketPath: target.socketPath, path: '/v1/events' } : {}),
        ...(target.base
          ? { host: new URL(target.base).hostname, port: new URL(target.base).port, path: '/v1/events' }
          : {}),
        headers: target.token ? { authorization: `Bearer ${target.token}` } : {},
      },
      (response) => {
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
            const fields = Object.fromEntries(
              block
                .split('\n')
                .filter((line) => !line.startsWith(':') && line.includes(': '))
                .map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]),
            );
            if (!fields.event) continue;
            const event = {
              id: String(fields.id),
              event: String(fields.event),
              data: JSON.parse(String(fields.data)),
            };
            events.push(event);
            for (const waiter of [...waiting]) {
              if (waiter.match(event)) {
                waiting.splice(waiting.indexOf(waiter), 1);
                waiter.done(event);
              }
            }
          }
        });
        resolve({
          events,
          contentType: response.headers['content-type'],
          next: (match) => {
            const seen = events.find(match);
            if (seen) return Promise.resolve(seen);
            return new Promise((done) => waiting.push({ match, done }));
          },
          close: () => outgoing.destroy(),
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}
