import { sanitizeForTerminal } from '../text/sanitizeForTerminal.js';
import type { ConnectionPlan } from './ConnectionPlan.js';
import { osc8Hyperlink } from './osc8Hyperlink.js';
import { osc52Copy } from './osc52Copy.js';

export interface RenderConnectionOptions {
  /** The output is a terminal: the URL becomes an OSC 8 link and is copied with OSC 52. */
  terminal: boolean;
  /** TMUX decides the OSC 52 wrapping. */
  env: NodeJS.ProcessEnv;
  /** The tunnel is already open (connect started it): its command is not repeated. */
  tunnelRunning?: boolean;
}

/**
 * The lines a person reads to connect: the command (for a terminal plan), or the URL with its
 * tunnel, the port forward for the laptop and the note. When the URL is only shown (over SSH, or
 * without a display) and the output is a terminal, it is a clickable link and is put on the user's
 * clipboard, since nothing can open a browser for them.
 */
/** Every field of a plan can hold a tag's text (the research user, the name): the plan's lines are filtered. */
const safe = (text: string) => sanitizeForTerminal(text);

export function renderConnectionPlan(plan: ConnectionPlan, options: RenderConnectionOptions): string {
  switch (plan.kind) {
    case 'unavailable':
      return `${safe(plan.reason)}\n`;
    case 'terminal':
      return `${safe(plan.command)}\n${plan.why ? `  via ${safe(plan.why)}\n` : ''}${plan.note ? `  ${safe(plan.note)}\n` : ''}`;
    case 'url': {
      const lines: string[] = [];
      if (plan.tunnel && !options.tunnelRunning)
        lines.push(
          `Tunnel (${plan.tunnel.via}): ${safe(plan.tunnel.command)}`,
          ...(plan.tunnel.why ? [`  via ${safe(plan.tunnel.why)}`] : []),
        );
      if (plan.laptop_command) lines.push(`On your laptop, run: ${safe(plan.laptop_command)}`);
      if (plan.laptop_note) lines.push(`  (${safe(plan.laptop_note)})`);
      const copy = options.terminal && plan.open === 'show';
      const link = options.terminal ? osc8Hyperlink(plan.url) : sanitizeForTerminal(plan.url);
      lines.push(`Open: ${link}${copy ? ' (copied to the clipboard)' : ''}`);
      if (plan.note) lines.push(`  ${safe(plan.note)}`);
      if (plan.expires_at)
        lines.push(`  It expires at ${safe(plan.expires_at)}: run connect again for a new one.`);
      return `${lines.join('\n')}\n${copy ? osc52Copy(plan.url, options.env) : ''}`;
    }
  }
}
