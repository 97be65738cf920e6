import type { CommandFlags } from './CommandFlags.js';
import { defaultCommandFlags } from './defaultCommandFlags.js';

/** The options the full-screen app takes, as the command line spells them. */
const TUI_BOOLEANS = new Map<string, readonly ['demo' | 'readonly' | 'attach' | 'color', boolean]>([
  ['--demo', ['demo', true]],
  ['--readonly', ['readonly', true]],
  ['--attach', ['attach', true]],
  ['--color', ['color', true]],
  ['--no-color', ['color', false]],
]);
const TUI_STRINGS = new Map<string, 'profile' | 'region'>([
  ['--profile', 'profile'],
  ['--region', 'region'],
]);

/**
 * The flags of a plain `cws-tui [--demo] [--profile P] [--region R] [--refresh N] [--readonly]
 * [--attach] [--no-color]`, or undefined for anything else (a command, help, a typo, an unusual
 * spelling), which the full command-line parser then handles with its messages. Opening the app
 * this way skips loading that parser and every command's description: a sixth of the first frame.
 */
export function parseTuiArgs(argv: readonly string[]): CommandFlags | undefined {
  const flags = defaultCommandFlags();
  const seen = new Set<string>();
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index] ?? '';
    const equals = token.indexOf('=');
    const name = equals === -1 ? token : token.slice(0, equals);
    const boolean = TUI_BOOLEANS.get(name);
    // Each option once: a repeated or contradicting one is left to the full parser's rules.
    const key = boolean ? boolean[0] : name;
    if (seen.has(key)) return undefined;
    seen.add(key);
    if (boolean) {
      if (equals !== -1) return undefined;
      flags[boolean[0]] = boolean[1];
      continue;
    }
    if (name !== '--refresh' && !TUI_STRINGS.has(name)) return undefined;
    const value = equals === -1 ? argv[++index] : token.slice(equals + 1);
    if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    if (name === '--refresh') {
      if (!/^\d+(\.\d+)?$/.test(value)) return undefined;
      flags.refresh = Number(value);
    } else {
      flags[TUI_STRINGS.get(name) as 'profile' | 'region'] = value;
    }
  }
  return flags;
}
