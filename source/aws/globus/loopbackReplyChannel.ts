import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GLOBUS_SIGN_IN_TIMEOUT_MS, type GlobusReply, replyFromUrl } from '../../core/globus/GlobusFlow.js';
import type { GlobusSignInStart } from '../../core/globus/ports.js';
import type { GlobusReplyChannel } from '../../core/globus/signInWithGlobus.js';
import { withTimeout } from '../../core/globus/withTimeout.js';

const DONE_PAGE =
  '<!doctype html><meta charset="utf-8"><title>cws-tui</title><p>The Globus sign-in reached cws-tui. You can close this tab.</p>';

/**
 * The browser flow: a server on `127.0.0.1` at a port the system picks, for one request to
 * `/callback`; it closes as soon as that request is answered (or on timeout, or close).
 */
export async function openLoopbackReplyChannel(options: {
  /** Opens the browser at the link (and shows it, in case the browser does not come up). */
  show(start: GlobusSignInStart): void;
  timeoutMs?: number;
}): Promise<GlobusReplyChannel> {
  const timeoutMs = options.timeoutMs ?? GLOBUS_SIGN_IN_TIMEOUT_MS;
  let deliver: (reply: GlobusReply) => void = () => {};
  const replied = new Promise<GlobusReply>((resolve) => {
    deliver = resolve;
  });
  let answered = false;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (answered || req.method !== 'GET' || url.pathname !== '/callback') {
      res.writeHead(404, { 'content-type': 'text/plain', connection: 'close' }).end('not found');
      return;
    }
    answered = true;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' }).end(DONE_PAGE);
    deliver(replyFromUrl(url));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    redirectUri: `http://127.0.0.1:${port}/callback`,
    async waitForReply(start) {
      options.show(start);
      const reply = await withTimeout(
        replied,
        timeoutMs,
        `the browser did not come back within ${Math.round(timeoutMs / 60_000)} minutes: the sign-in was given up (over SSH, use --no-browser)`,
      );
      await close();
      return reply;
    },
    close: async () => {
      if (server.listening) await close();
    },
  };
}
