import type { CommandFlags } from './CommandFlags.js';
import { cliFlags } from './flags.js';

/** The flags every command starts from: each declaration's default, as the full parser gives them. */
export function defaultCommandFlags(): CommandFlags {
  const flags: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(cliFlags)) {
    if ('default' in spec) flags[name] = spec.default;
    else if ('isMultiple' in spec && spec.isMultiple) flags[name] = [];
  }
  return flags as CommandFlags;
}
