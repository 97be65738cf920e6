/**
 * A reply that did not come from AWS: an HTML page from a proxy, a captive portal or a wrong
 * AWS_ENDPOINT_URL. Thrown before the SDK tries to parse it, so that the user sees the status and
 * the page's first line instead of an XML or JSON parse message.
 */
export class NonAwsReplyError extends Error {
  readonly status: number;
  readonly firstLine: string;

  constructor(status: number, firstLine: string) {
    super(`HTTP ${status}: ${firstLine}`);
    this.name = 'NonAwsReplyError';
    this.status = status;
    this.firstLine = firstLine;
  }
}

/** Content types no AWS API answers with. */
const NOT_AWS = /^text\/(html|plain)\b/i;
const MAX_LINE = 120;

interface RawResponse {
  statusCode: number;
  headers: Record<string, string | undefined>;
  body?: unknown;
}

interface MiddlewareClient {
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<{ response: unknown }>,
      ) => (args: unknown) => Promise<{ response: unknown }>,
      options: { step: 'deserialize'; name: string; priority: 'low' },
    ): void;
  };
}

async function bodyText(body: unknown): Promise<string> {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  if (body && typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      chunks.push(bytes);
      size += bytes.length;
      if (size > 64 * 1024) break;
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  return '';
}

/** The first line a person can read: a page's <title>, else its first non-empty text line. */
export function firstLineOf(text: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
  const line =
    title ||
    text
      .replace(/<[^>]*>/g, ' ')
      .split('\n')
      .map((candidate) => candidate.trim())
      .find(Boolean) ||
    '(empty body)';
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
}

/**
 * Adds a middleware, inside the SDK's deserializer, that refuses HTML and plain-text replies with a
 * NonAwsReplyError. Every client of a session goes through it.
 */
export function guardAwsReplies<T extends object>(client: T): T {
  (client as unknown as MiddlewareClient).middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const response = result.response as RawResponse | undefined;
      const type = response?.headers?.['content-type'] ?? response?.headers?.['Content-Type'] ?? '';
      if (response && NOT_AWS.test(type)) {
        throw new NonAwsReplyError(response.statusCode, firstLineOf(await bodyText(response.body)));
      }
      return result;
    },
    { step: 'deserialize', name: 'cwsGuardAwsReplies', priority: 'low' },
  );
  return client;
}
