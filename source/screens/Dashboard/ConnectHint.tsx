import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import { useActions } from '../../app/keys/useActions.js';
import { sanitizeForTerminal } from '../../app/sanitizeForTerminal.js';
import type { Session } from '../../app/session/Session.js';
import { useTheme } from '../../app/ThemeContext.js';
import { DIALOG_CHROME_ROWS, Dialog } from '../../components/Dialog.js';
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
  | { kind: 'lines'; lines: string[] }
  | { kind: 'failed'; message: string };

/** How to get into a workstation or a service: the session's connection plan, to copy. */
export function ConnectHint({ session, workstation, onClose }: ConnectHintProps) {
  const theme = useTheme();
  const [view, setView] = useState<PlanView>({ kind: 'planning' });
  useActions(
    [
      { key: 'esc', label: 'close', run: onClose },
      { key: 'enter', label: 'close', footer: false, run: onClose },
    ],
    { layer: 'modal' },
  );
  useEffect(() => {
    let current = true;
    session.connectionPlan(workstation).then(
      (plan) => current && setView({ kind: 'lines', lines: connectionPlanLines(plan) }),
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
        Esc closes
      </Text>
    </Dialog>
  );
}
