/** A `:command` of the command palette. */
export interface PaletteCommand {
  name: string;
  summary: string;
  run: () => void;
}

/** The commands whose name starts with what was typed (after the `:`), in their listed order. */
export function completeCommand(commands: readonly PaletteCommand[], typed: string): PaletteCommand[] {
  const prefix = typed.trim().replace(/^:/, '').toLowerCase();
  return commands.filter((command) => command.name.startsWith(prefix));
}
