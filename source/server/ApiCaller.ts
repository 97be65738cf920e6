/**
 * Who made a request, as the audit log records it: the Unix socket's owner (the socket is 0600, so
 * only its owner and root can connect) or the id of the bearer token a loopback client sent.
 */
export type ApiCaller = { via: 'socket'; uid: number } | { via: 'token'; token_id: string };

/** The key a caller's mutations are counted under for the rate limit. */
export function callerKey(caller: ApiCaller): string {
  return caller.via === 'socket' ? `uid:${caller.uid}` : `token:${caller.token_id}`;
}
