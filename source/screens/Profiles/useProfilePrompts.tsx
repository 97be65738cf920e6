import { useRef } from 'react';
import { describeError } from '../../app/describeError.js';
import { useShell } from '../../app/ShellContext.js';
import { DEMO_ACCOUNT_PROFILE } from '../../app/session/demoAccountProfile.js';
import type { InvitationAcceptance } from '../../app/session/profileDirectory.js';
import { useAppStore } from '../../app/store/useAppState.js';
import { CONFIRM_DIALOG_HEIGHT, ConfirmDialog } from '../../components/ConfirmDialog.js';
import { decodeInvitationToken, type InvitationPayload } from '../../core/identity/invitationToken.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { QUESTION_DIALOG_HEIGHT, QuestionDialog } from './QuestionDialog.js';
import { TEXT_PROMPT_DIALOG_HEIGHT, TextPromptDialog } from './TextPromptDialog.js';

export interface ProfilePrompts {
  /** Pasting a token, naming what it leaves open, then whether to switch to the new profile. */
  acceptInvitation(): void;
  createResearchUser(): void;
  /** A typed confirmation (the name itself) before `run` deletes something. */
  confirmDeletion(what: string, name: string, run: () => Promise<string>): void;
}

/**
 * The profile switcher's dialogs. `changed` is called after anything here changed the config or
 * the users; `switchTo` opens a session on a profile.
 */
export function useProfilePrompts(
  width: number,
  changed: () => void,
  switchTo: (name: string) => void,
): ProfilePrompts {
  const shell = useShell();
  const store = useAppStore();
  const { session } = shell;
  // Each dialog is a new one, so a follow-up question starts with an empty field.
  const dialogsRef = useRef(0);
  const prompt = (title: string, text: string, submit: (typed: string) => Promise<string | undefined>) =>
    shell.showModal({
      height: TEXT_PROMPT_DIALOG_HEIGHT,
      node: (
        <TextPromptDialog
          key={++dialogsRef.current}
          title={title}
          prompt={text}
          width={width}
          onCancel={shell.closeModal}
          onSubmit={async (typed) => {
            if (typed.trim() === '') return 'Type something, or Esc to cancel.';
            try {
              return await submit(typed.trim());
            } catch (error) {
              return describeError(error).message;
            }
          }}
        />
      ),
    });

  const finishAccepting = async (acceptance: InvitationAcceptance): Promise<undefined> => {
    // Accepting must not change which profile opens next: the question below decides that.
    const before = session.profiles().current;
    const accepted = await session.acceptInvitation(acceptance);
    session.setCurrentProfile(before ?? DEMO_ACCOUNT_PROFILE);
    changed();
    const user = accepted.user_created
      ? `created research user ${accepted.user.username} (UID ${accepted.user.uid})`
      : `research user ${accepted.user.username} (UID ${accepted.user.uid})`;
    store.flash(
      'success',
      sanitizeForTerminal(`Added profile ${accepted.profile.name} from ${accepted.payload.issuer}; ${user}`),
      sanitizeForTerminal(
        `Compare the root key ${accepted.root_fingerprint} with the one your institution publishes.`,
      ),
    );
    const name = accepted.profile.name;
    shell.showModal({
      height: QUESTION_DIALOG_HEIGHT,
      node: (
        <QuestionDialog
          key={++dialogsRef.current}
          title="Invitation accepted"
          question={`Switch to profile ${name} now? (its AWS credentials must be set up: aws configure --profile ${accepted.profile.aws_profile})`}
          onYes={() => {
            shell.closeModal();
            switchTo(name);
          }}
          onNo={() => {
            shell.closeModal();
            store.flash(
              'info',
              sanitizeForTerminal(`Staying on ${session.info.profile}; Enter on ${name} switches later`),
            );
          }}
        />
      ),
    });
    return undefined;
  };

  // What `invite accept` takes as --profile and --user is asked for here when the token needs it.
  const continueAccepting = (acceptance: InvitationAcceptance, payload: InvitationPayload) => {
    const profileName = acceptance.profile_name ?? payload.profile.name;
    if (session.profiles().profiles.some((profile) => profile.name === profileName)) {
      prompt(
        'Accept an invitation',
        `A profile named ${sanitizeForTerminal(profileName)} exists. Name this one:`,
        async (name) => continueAccepting({ ...acceptance, profile_name: name }, payload),
      );
      return Promise.resolve(undefined);
    }
    if ((acceptance.username ?? payload.username) === undefined) {
      prompt('Accept an invitation', 'The invitation names no research user. Username:', async (username) =>
        continueAccepting({ ...acceptance, username }, payload),
      );
      return Promise.resolve(undefined);
    }
    return finishAccepting(acceptance);
  };

  return {
    acceptInvitation: () =>
      prompt('Accept an invitation', 'Paste the invitation token:', async (token) =>
        continueAccepting({ token }, decodeInvitationToken(token, new Date())),
      ),
    createResearchUser: () =>
      prompt('Create a research user', 'Username (lowercase letters, digits, _ or -):', async (username) => {
        const created = await session.createResearchUser({ username });
        shell.closeModal();
        changed();
        store.flash(
          'success',
          sanitizeForTerminal(`Created research user ${created.user.username} with UID ${created.user.uid}`),
          created.private_key_path
            ? sanitizeForTerminal(`Private key: ${created.private_key_path} (mode 0600)`)
            : undefined,
        );
        return undefined;
      }),
    confirmDeletion: (what, name, run) =>
      shell.showModal({
        height: CONFIRM_DIALOG_HEIGHT,
        node: (
          <ConfirmDialog
            key={++dialogsRef.current}
            title={`Delete ${what} ${sanitizeForTerminal(name)}`}
            message={`Type ${name} and Enter to delete ${what} ${name}; Esc keeps it.`}
            confirmText={name}
            onCancel={shell.closeModal}
            onConfirm={() => {
              shell.closeModal();
              run().then(
                (done) => {
                  changed();
                  store.flash('success', sanitizeForTerminal(done));
                },
                (error: unknown) => {
                  const { message, hint } = describeError(error);
                  store.flash(
                    'error',
                    sanitizeForTerminal(`Could not delete ${what} ${name}: ${message}`),
                    hint,
                  );
                },
              );
            }}
          />
        ),
      }),
  };
}
