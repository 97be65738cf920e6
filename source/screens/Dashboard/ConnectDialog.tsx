import { Text } from 'ink';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { nextKeyOf, runConnection } from '../../app/connect/runConnection.js';
import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useActions } from '../../app/keys/useActions.js';
import { useShell } from '../../app/ShellContext.js';
import { useTheme } from '../../app/ThemeContext.js';
import { useTerminalSize } from '../../app/useTerminalSize.js';
import { DIALOG_CHROME_ROWS, Dialog } from '../../components/Dialog.js';
import { terminalLink } from '../../components/terminalLink.js';
import { wrapText } from '../../components/wrapText.js';
import type { ConnectionPlan } from '../../core/connect/ConnectionPlan.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import { type ConnectItem, connectItems } from './connectItems.js';
import { connectLayout } from './connectLayout.js';

export interface ConnectDialogProps {
  workstation: Workstation;
  onClose: () => void;
}

/** The dialog's height before its plan arrives: the title, one line and the status line. */
export const CONNECT_DIALOG_HEIGHT = DIALOG_CHROME_ROWS + 2;
/** Header, flash, footer and Ink's last row, plus a few rows of the page kept in view. */
const ROWS_LEFT_FOR_THE_PAGE = 8;

type PlanView =
  | { kind: 'planning' }
  | { kind: 'ready'; plan: ConnectionPlan; items: ConnectItem[] }
  | { kind: 'failed'; message: string };

type Status = { tone: 'info' | 'success' | 'danger'; text: string };

/**
 * How to get into a workstation or a service: every URL and command whole (wrapped, a link), `y`
 * copies the selected one, Enter connects in this terminal, and the dialog stays until Esc.
 */
export function ConnectDialog({ workstation, onClose }: ConnectDialogProps) {
  const theme = useTheme();
  const shell = useShell();
  const { session } = shell;
  const terminal = useTerminalSize();
  const [view, setView] = useState<PlanView>({ kind: 'planning' });
  const [selected, setSelected] = useState(0);
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const busyRef = useRef(false);
  const name = sanitizeForTerminal(workstation.name);

  useEffect(() => {
    let current = true;
    const plan = async (): Promise<ConnectionPlan> => {
      const first = await session.connectionPlan(workstation);
      if (first.kind !== 'url' || !first.tunnel) return first;
      // Each workstation's tunnel gets a local port of its own, free now.
      const port = await shell.tunnelPorts.portFor(workstation.id, first.tunnel.local_port);
      return port === first.tunnel.local_port
        ? first
        : session.connectionPlan(workstation, { local_port: port });
    };
    plan().then(
      (planned) => {
        if (!current) return;
        const items = connectItems(planned);
        setView({ kind: 'ready', plan: planned, items });
        setSelected(
          Math.max(
            0,
            items.findIndex((item) => item.copy),
          ),
        );
      },
      (error: unknown) => {
        const { message, hint } = describeError(error);
        if (current) setView({ kind: 'failed', message: hint ? `${message} · ${hint}` : message });
      },
    );
    return () => {
      current = false;
    };
  }, [session, shell.tunnelPorts, workstation]);

  const items = view.kind === 'ready' ? view.items : [];
  const plan = view.kind === 'ready' && view.plan.kind !== 'unavailable' ? view.plan : undefined;
  const copyable = items.flatMap((item, index) => (item.copy ? [index] : []));
  const innerWidth = terminal.columns - 4;
  const maxRows = Math.max(3, terminal.rows - ROWS_LEFT_FOR_THE_PAGE - DIALOG_CHROME_ROWS - 1);
  const rows =
    view.kind === 'ready'
      ? connectLayout(items, selected, innerWidth, maxRows)
      : [
          {
            item: -1,
            prefix: '',
            text: view.kind === 'planning' ? 'Working out how to connect…' : view.message,
          },
        ];
  const statusText = status
    ? sanitizeForTerminal(status.text)
    : copyable.length > 0
      ? `y copies the selected line${copyable.length > 1 ? ' (j/k choose)' : ''} · Esc closes`
      : 'Esc closes';
  const statusRows = wrapText(statusText, innerWidth);
  const height = DIALOG_CHROME_ROWS + rows.length + statusRows.length;
  const { resizeModal } = shell;
  useLayoutEffect(() => resizeModal(height), [resizeModal, height]);

  const move = (step: number) => {
    const at = copyable.indexOf(selected);
    const next = copyable[Math.min(copyable.length - 1, Math.max(0, at + step))];
    if (next !== undefined) setSelected(next);
  };
  const copy = () => {
    const item = items[selected];
    if (!item?.copy) return;
    shell.copy(item.text).then(
      (result) =>
        setStatus({
          tone: result.sent ? 'success' : 'danger',
          text: `${item.label === 'Open' ? 'The URL' : `The ${item.label.toLowerCase()} command`}: ${result.message}`,
        }),
      (error: unknown) =>
        setStatus({ tone: 'danger', text: `Could not copy: ${describeError(error).message}` }),
    );
  };
  const connect = () => {
    if (!plan || busyRef.current) return;
    if (plan.kind === 'url' && !plan.tunnel) return openLink(plan.url, plan.open);
    busyRef.current = true;
    setStatus({ tone: 'info', text: 'Connected in this terminal…' });
    shell
      .handOver(() =>
        runConnection(plan, {
          name: workstation.name,
          demo: session.account.kind === 'demo',
          terminal: {
            env: process.env,
            write: (text) => process.stdout.write(text),
            nextKey: nextKeyOf(process.stdin),
          },
        }),
      )
      .then(
        (code) =>
          setStatus(
            code === 0
              ? {
                  tone: 'success',
                  text: `${plan.kind === 'terminal' ? `${plan.via} session` : 'Tunnel'} closed.`,
                }
              : {
                  tone: 'danger',
                  text: `${plan.kind === 'terminal' ? plan.via : 'The tunnel'} exited with ${code}.`,
                },
          ),
        (error: unknown) => setStatus({ tone: 'danger', text: describeError(error).message }),
      )
      .finally(() => {
        busyRef.current = false;
      });
  };
  const openLink = (url: string, where: 'browser' | 'show') => {
    if (where === 'show') return copy();
    void import('open')
      .then(({ default: open }) => open(url))
      .then(
        (opener) => {
          setStatus({ tone: 'success', text: 'Opened in your browser; the link stays here.' });
          opener.once('error', (error) =>
            setStatus({ tone: 'danger', text: `No browser opened: ${error.message}` }),
          );
        },
        (error: unknown) =>
          setStatus({ tone: 'danger', text: `No browser opened: ${describeError(error).message}` }),
      );
  };

  const enterLabel = !plan
    ? undefined
    : plan.kind === 'terminal'
      ? `connect (${plan.via})`
      : plan.tunnel
        ? 'open the tunnel'
        : plan.open === 'browser'
          ? 'open in the browser'
          : undefined;
  const actions: Action[] = [
    { key: 'esc', label: 'close', run: onClose },
    { key: 'y', label: 'copy', when: () => items[selected]?.copy === true, run: copy },
    { key: ['j', 'down'], label: 'next', footer: false, when: () => copyable.length > 1, run: () => move(1) },
    {
      key: ['k', 'up'],
      label: 'previous',
      footer: false,
      when: () => copyable.length > 1,
      run: () => move(-1),
    },
    // Runs a program in this terminal: never on an Enter that came just after an Esc.
    {
      key: 'enter',
      label: enterLabel ?? '',
      when: () => enterLabel !== undefined,
      dangerous: true,
      run: connect,
    },
  ];
  useActions(actions, { layer: 'modal' });

  return (
    <Dialog title={`Connect to ${name}`} height={height}>
      {rows.map((row, index) => {
        const item = items[row.item];
        const text = item?.link ? terminalLink(item.text, row.text, `cws-${row.item}`) : row.text;
        return (
          <Text
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a fixed layout
            key={index}
            wrap="truncate"
            color={view.kind === 'failed' ? theme.danger : item && !item.copy ? theme.muted : undefined}
            bold={row.item === selected}
          >
            {row.prefix}
            {text}
          </Text>
        );
      })}
      {statusRows.map((line, index) => (
        <Text
          // biome-ignore lint/suspicious/noArrayIndexKey: the status's wrapped lines
          key={`status-${index}`}
          wrap="truncate"
          color={status ? theme[status.tone === 'info' ? 'muted' : status.tone] : theme.muted}
        >
          {line}
        </Text>
      ))}
    </Dialog>
  );
}
