import { GLOBUS_SIGN_IN_TIMEOUT_MS } from './GlobusFlow.js';
import type { GlobusSignInStart } from './ports.js';
import type { GlobusReplyChannel } from './signInWithGlobus.js';
import { withTimeout } from './withTimeout.js';

export interface PasteBackOptions {
  /** The auth service's page that shows the code (`GlobusAuthPort.pasteRedirectUri`). */
  redirectUri: string;
  /** Shows the link (OSC 8, copied with OSC 52) and what to do with the code. */
  show(start: GlobusSignInStart): void;
  /** The code the person pasted. */
  readCode(): Promise<string>;
  timeoutMs?: number;
}

/**
 * The native-app flow over SSH: the person opens the link anywhere, signs in, and pastes the code
 * Globus shows. The code carries no state of its own: it is this flow's, and PKCE binds it to it.
 */
export function pasteBackChannel(options: PasteBackOptions): GlobusReplyChannel {
  const timeoutMs = options.timeoutMs ?? GLOBUS_SIGN_IN_TIMEOUT_MS;
  return {
    redirectUri: options.redirectUri,
    async waitForReply(start) {
      options.show(start);
      const code = await withTimeout(
        options.readCode(),
        timeoutMs,
        `no code was pasted within ${Math.round(timeoutMs / 60_000)} minutes: the sign-in was given up, run it again`,
      );
      return { code: code.trim(), state: start.flow.state };
    },
    close: async () => {},
  };
}
