import type { CommandFlags } from '../commands/CommandFlags.js';
import { cliFlags } from '../commands/flags.js';

/** Every flag at the value meow gives it when it is not on the command line. */
export function defaultCommandFlags(): CommandFlags {
  const flags: Record<string, unknown> = {};
  for (const [name, declaration] of Object.entries(cliFlags)) {
    if ('isMultiple' in declaration && declaration.isMultiple) flags[name] = [];
    else if ('default' in declaration) flags[name] = declaration.default;
  }
  return flags as CommandFlags;
}
