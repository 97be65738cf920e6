import { describeError } from '../../app/describeError.js';
import { useShell } from '../../app/ShellContext.js';
import { useAppStore } from '../../app/store/useAppState.js';
import { acceptGlobusReply } from '../../core/globus/GlobusFlow.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { TEXT_PROMPT_DIALOG_HEIGHT, TextPromptDialog } from './TextPromptDialog.js';

/**
 * `g`: signs in to Globus with the paste-back flow in a dialog, which works the same over SSH: the
 * link is copied to the terminal's clipboard (OSC 52) and shown in full in the flash, the code is
 * pasted into the dialog, and a sign-in older than its timeout is refused. Stored only once verified.
 */
export function useGlobusSignIn(width: number, changed: () => void): () => void {
  const shell = useShell();
  const store = useAppStore();
  const { session } = shell;
  return () => {
    const port = session.account.globus;
    void (async () => {
      let start: Awaited<ReturnType<typeof port.startSignIn>>;
      try {
        start = await port.startSignIn(port.pasteRedirectUri, new Date());
      } catch (error) {
        store.flash('error', sanitizeForTerminal(describeError(error).message));
        return;
      }
      const copied = await shell.copy(start.url);
      store.flash(
        'info',
        sanitizeForTerminal(`Sign in with Globus at ${start.url}`),
        sanitizeForTerminal(
          [
            copied.sent ? `The link was ${copied.message}.` : `The link was not copied: ${copied.message}.`,
            start.hint,
          ]
            .filter(Boolean)
            .join(' '),
        ),
      );
      shell.showModal({
        height: TEXT_PROMPT_DIALOG_HEIGHT,
        node: (
          <TextPromptDialog
            title="Sign in with Globus"
            prompt={
              start.hint
                ? `${sanitizeForTerminal(start.hint)}; paste it here:`
                : 'Open the link (copied), sign in, and paste the code Globus shows:'
            }
            width={width}
            onCancel={shell.closeModal}
            onSubmit={async (typed) => {
              try {
                const code = acceptGlobusReply(
                  start.flow,
                  { code: typed, state: start.flow.state },
                  new Date(),
                );
                const signedIn = await port.finishSignIn(start.flow, code, new Date());
                await session.globusSessions().write(signedIn);
                shell.closeModal();
                store.flash(
                  'success',
                  sanitizeForTerminal(`Signed in to Globus as ${signedIn.identity.username}`),
                  sanitizeForTerminal(`Link it to a research user: cws-tui users link-globus <user>`),
                );
                changed();
                return undefined;
              } catch (error) {
                // A reply ends its sign-in whatever it was: another try needs a new sign-in.
                return `${describeError(error).message}. Esc, then g, signs in again`;
              }
            }}
          />
        ),
      });
    })();
  };
}
