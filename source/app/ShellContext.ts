import { createContext, type ReactNode, useContext } from 'react';
import type { CopyResult } from './connect/copyToClipboard.js';
import type { TunnelPorts } from './connect/TunnelPorts.js';
import type { PaletteCommand } from './pages/PaletteCommand.js';
import type { Session } from './session/Session.js';

/** A dialog over the current page: it takes every key while it is open. */
export interface Modal {
  node: ReactNode;
  /** Rows it occupies; the page shrinks by as much. */
  height: number;
}

/** What the shell offers the screens: the session, navigation, dialogs and messages. */
export interface Shell {
  session: Session;
  open(pageId: string, params?: Readonly<Record<string, string>>): void;
  back(): void;
  showModal(modal: Modal): void;
  closeModal(): void;
  /** The open dialog's content changed height (a plan arrived, a URL wrapped). */
  resizeModal(height: number): void;
  /** Copies text to the clipboard of the user's terminal (OSC 52), saying whether it could arrive. */
  copy(text: string): Promise<CopyResult>;
  /** Empties the current page's `/` filter (a wizard leaving the page the filter was for). */
  clearFilter(): void;
  /** The local port of each workstation's tunnel in this app session. */
  tunnelPorts: TunnelPorts;
  /** Refreshes the workstations and the cost report now (after an action), without waiting for the next turn. */
  refreshNow(): void;
  /** Opens a session on another profile and replaces this one: nothing of the old account stays shown. */
  switchProfile(name: string): Promise<void>;
  /** Lends the terminal to a program (ssh, an SSM session, a tunnel) and takes it back after. */
  handOver(run: () => Promise<number>): Promise<number>;
  /** `--readonly`: nothing may be changed; screens hide what would. */
  readonly: boolean;
  /** The palette's `:commands` (the help page lists them). */
  commands: readonly PaletteCommand[];
  quit(): void;
}

export const ShellContext = createContext<Shell | undefined>(undefined);

export function useShell(): Shell {
  const shell = useContext(ShellContext);
  if (!shell) throw new Error('useShell is used outside the shell');
  return shell;
}
