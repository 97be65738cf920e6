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

/** The longest prefix all matches share: what Tab fills in. */
export function commonPrefix(names: readonly string[]): string {
  if (names.length === 0) return '';
  let prefix = names[0] ?? '';
  for (const name of names) {
    while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}
