import { copyToClipboard } from '../../app/connect/copyToClipboard.js';
import { openLoopbackReplyChannel } from '../../aws/globus/loopbackReplyChannel.js';
import { browserAvailability } from '../../core/connect/browserAvailability.js';
import { osc8Hyperlink } from '../../core/connect/osc8Hyperlink.js';
import type { GlobusSession } from '../../core/globus/GlobusSession.js';
import { GlobusSessionStore } from '../../core/globus/GlobusSessionStore.js';
import { pasteBackChannel } from '../../core/globus/pasteBackChannel.js';
import type { GlobusAuthPort, GlobusSignInStart } from '../../core/globus/ports.js';
import { type GlobusReplyChannel, signInWithGlobus } from '../../core/globus/signInWithGlobus.js';
import { resolveAppPaths } from '../../core/paths.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { CommandContext } from '../Command.js';
import type { GlobusCommandIo } from './GlobusCommandIo.js';

/**
 * Signs in to Globus from a command: through the browser and a loopback redirect when one can open
 * on the person's screen, else (over SSH, `--no-browser`, or the demo's simulated Globus) the
 * paste-back flow. The session is stored only once every check passed.
 */
export async function signInFromCommand(
  context: CommandContext,
  port: GlobusAuthPort,
  io: GlobusCommandIo,
  options: { simulated: boolean },
): Promise<GlobusSession> {
  const { env, stderr } = context;
  const usePaste =
    options.simulated || !context.flags.browser || !browserAvailability(env, process.platform).local;
  const showLink = async (start: GlobusSignInStart) => {
    stderr(`Sign in with Globus at:\n  ${io.terminal ? osc8Hyperlink(start.url) : start.url}\n`);
    if (start.hint) stderr(`${sanitizeForTerminal(start.hint)}\n`);
    if (io.terminal) {
      const copy = await copyToClipboard(start.url, { env, write: (sequence) => stderr(sequence) });
      stderr(`(the link was ${copy.sent ? copy.message : `not copied: ${copy.message}`})\n`);
    }
  };
  let shown: Promise<void> = Promise.resolve();
  const channel: GlobusReplyChannel = usePaste
    ? pasteBackChannel({
        redirectUri: port.pasteRedirectUri,
        show(start) {
          shown = showLink(start);
        },
        readCode: async () => {
          await shown;
          return io.readCode('Paste the code Globus shows after you sign in: ');
        },
      })
    : await openLoopbackReplyChannel({
        show(start) {
          void showLink(start);
          io.openBrowser(start.url).catch((error: unknown) => {
            stderr(
              `cws-tui: no browser could be opened (${(error as Error).message}); open the link above.\n`,
            );
          });
        },
      });
  return signInWithGlobus(port, new GlobusSessionStore(resolveAppPaths(env).stateDir), channel);
}
