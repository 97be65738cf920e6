import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { connectNow } from '../../app/connect/connectNow.js';
import { describeError } from '../../app/describeError.js';
import { useActions } from '../../app/keys/useActions.js';
import { useShell } from '../../app/ShellContext.js';
import type { Session } from '../../app/session/Session.js';
import { useAppStore } from '../../app/store/useAppState.js';
import { useTheme } from '../../app/ThemeContext.js';
import { DIALOG_CHROME_ROWS, Dialog } from '../../components/Dialog.js';
import type { ConnectionPlan } from '../../core/connect/ConnectionPlan.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import { connectionPlanLines } from './connectionPlanLines.js';

export interface ConnectHintProps {
  session: Session;
  workstation: Workstation;
  onClose: () => void;
}

const PLAN_LINES = 4;
export const CONNECT_HINT_HEIGHT = DIALOG_CHROME_ROWS + PLAN_LINES + 1;

type PlanView =
  | { kind: 'planning' }
  | { kind: 'lines'; lines: string[]; plan: ConnectionPlan }
  | { kind: 'failed'; message: string };

/** How to get into a workstation or a service: the session's connection plan, to copy. */
export function ConnectHint({ session, workstation, onClose }: ConnectHintProps) {
  const theme = useTheme();
  const shell = useShell();
  const store = useAppStore();
  const [view, setView] = useState<PlanView>({ kind: 'planning' });
  const plan = view.kind === 'lines' && view.plan.kind !== 'unavailable' ? view.plan : undefined;
  // The terminal goes to ssh (or the tunnel) and comes back when it ends; the dialog is closed first.
  const connect = () => {
    if (!plan) return onClose();
    onClose();
    const io = {
      terminal: true,
      env: process.env,
      stdout: (text: string) => process.stdout.write(text),
      stderr: (text: string) => process.stderr.write(text),
    };
    shell
      .handOver(() => connectNow(plan, io))
      .then(
        (code) =>
          store.flash(
            code === 0 ? 'success' : 'error',
            `${sanitizeForTerminal(workstation.name)}: ${plan.kind === 'terminal' ? `${plan.via} exited with ${code}` : 'connection closed'}`,
          ),
        (error: unknown) => {
          const { message, hint } = describeError(error);
          store.flash('error', `connect ${sanitizeForTerminal(workstation.name)}: ${message}`, hint);
        },
      );
  };
  useActions(
    [
      { key: 'esc', label: 'close', run: onClose },
      { key: 'enter', label: plan ? 'connect now' : 'close', run: connect },
    ],
    { layer: 'modal' },
  );
  useEffect(() => {
    let current = true;
    session.connectionPlan(workstation).then(
      (planned) => current && setView({ kind: 'lines', lines: connectionPlanLines(planned), plan: planned }),
      (error: unknown) => {
        const { message, hint } = describeError(error);
        if (current) setView({ kind: 'failed', message: hint ? `${message} · ${hint}` : message });
      },
    );
    return () => {
      current = false;
    };
  }, [session, workstation]);
  return (
    <Dialog title={`Connect to ${sanitizeForTerminal(workstation.name)}`} height={CONNECT_HINT_HEIGHT}>
      {view.kind === 'planning' ? <Text color={theme.muted}>Working out how to connect…</Text> : null}
      {view.kind === 'failed' ? (
        <Text wrap="truncate" color={theme.danger}>
          {sanitizeForTerminal(view.message)}
        </Text>
      ) : null}
      {view.kind === 'lines'
        ? view.lines.slice(0, PLAN_LINES).map((line, index) => (
            <Text
              // biome-ignore lint/suspicious/noArrayIndexKey: the plan's lines are fixed once shown
              key={index}
              wrap="truncate"
              bold={index === 0}
            >
              {line}
            </Text>
          ))
        : null}
      <Text wrap="truncate" color={theme.muted}>
        {plan ? 'Enter connects in this terminal (the app comes back after) · Esc closes' : 'Esc closes'}
      </Text>
    </Dialog>
  );
}
