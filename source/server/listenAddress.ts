import { isIP } from 'node:net';
import { usageError } from '../commands/CliError.js';

export interface TcpAddress {
  host: string;
  port: number;
  loopback: boolean;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/** `--listen 127.0.0.1:PORT` (or `[::1]:PORT`, `localhost:PORT`; port 0 picks a free one). */
export function parseListenAddress(value: string): TcpAddress {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value);
  const host = match?.[1] ?? match?.[2];
  const port = Number(match?.[3]);
  if (!match || host === undefined || port > 65535) {
    throw usageError(`--listen takes HOST:PORT, e.g. 127.0.0.1:8765 (got '${value}')`);
  }
  if (host !== 'localhost' && isIP(host) === 0) {
    throw usageError(`--listen: '${host}' is not an IP address (give 127.0.0.1, ::1 or localhost)`);
  }
  return { host, port, loopback: isLoopback(host) };
}

/** A non-loopback address is served only over TLS and only when asked for in so many words. */
export function checkRemoteListen(
  address: TcpAddress,
  flags: { tlsCert?: string; tlsKey?: string; allowRemote: boolean },
): void {
  if ((flags.tlsCert === undefined) !== (flags.tlsKey === undefined)) {
    throw usageError('--tls-cert and --tls-key go together');
  }
  if (address.loopback) return;
  if (!flags.tlsCert || !flags.allowRemote) {
    throw usageError(
      `refusing to listen on ${address.host}: it is reachable from other machines; give --tls-cert and --tls-key and --allow-remote to serve it over TLS, or listen on 127.0.0.1`,
    );
  }
}
