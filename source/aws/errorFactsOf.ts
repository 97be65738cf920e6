import type { ErrorFacts } from './translateTransportError.js';

/** Reads what an SDK error says once: name, code, message, retryability and HTTP status. */
export function errorFactsOf(error: unknown): ErrorFacts {
  if (!(error instanceof Error) && (typeof error !== 'object' || error === null)) {
    return { name: 'Error', code: '', message: String(error), retryable: false, serverFault: false };
  }
  const record = error as Record<string, unknown>;
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  return {
    name: text(record.name) || 'Error',
    code: text(record.code) || text(record.Code),
    message: text(record.message),
    retryable: typeof record.$retryable === 'object' && record.$retryable !== null,
    serverFault: record.$fault === 'server',
    ...statusOf(record),
  };
}

function statusOf(record: Record<string, unknown>): { status?: number } {
  const metadata = record.$metadata as { httpStatusCode?: unknown } | undefined;
  const response = record.$response as { statusCode?: unknown } | undefined;
  const status = metadata?.httpStatusCode ?? response?.statusCode;
  return typeof status === 'number' ? { status } : {};
}
