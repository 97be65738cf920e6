import type { ConnectionPlan } from '../../core/connect/ConnectionPlan.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';

/** One thing the connect dialog shows: a URL or command to copy, or a note to read. */
export interface ConnectItem {
  label: string;
  text: string;
  /** `y` copies it; the cursor stops on it. */
  copy: boolean;
  /** Drawn as a clickable link. */
  link?: boolean;
}

/** What the connect dialog shows for a plan, in order, each whole and free of escape sequences. */
export function connectItems(plan: ConnectionPlan): ConnectItem[] {
  const safe = sanitizeForTerminal;
  const note = (text: string): ConnectItem => ({ label: '', text: safe(text), copy: false });
  switch (plan.kind) {
    case 'terminal':
      return [
        { label: 'Run', text: safe(plan.command), copy: true },
        ...(plan.note ? [note(plan.note)] : []),
      ];
    case 'url':
      return [
        { label: 'Open', text: safe(plan.url), copy: true, link: true },
        ...(plan.tunnel ? [{ label: 'Tunnel', text: safe(plan.tunnel.command), copy: true }] : []),
        ...(plan.laptop_command ? [{ label: 'Laptop', text: safe(plan.laptop_command), copy: true }] : []),
        ...(plan.laptop_note ? [note(plan.laptop_note)] : []),
        ...(plan.note ? [note(plan.note)] : []),
        ...(plan.expires_at
          ? [note(`The link expires at ${plan.expires_at}: press c again for a new one.`)]
          : []),
      ];
    case 'unavailable':
      return [note(`No way in now: ${plan.reason}`)];
  }
}
