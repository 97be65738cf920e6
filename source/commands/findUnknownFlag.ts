import type { cliFlags } from './flags.js';

const ALWAYS_KNOWN = new Set(['help', 'version']);

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * The first `--option` on the command line that no command takes, so that a typo is refused with a
 * clear message instead of silently doing the default thing. `--no-x` negates a boolean `--x`.
 */
export function findUnknownFlag(argv: readonly string[], flags: typeof cliFlags): string | undefined {
  for (const token of argv) {
    if (token === '--') return undefined;
    if (!token.startsWith('--')) continue;
    const name = token.slice(2).split('=')[0] ?? '';
    const camel = camelCase(name);
    const negated = camel.startsWith('no') ? camel.charAt(2).toLowerCase() + camel.slice(3) : undefined;
    const known =
      ALWAYS_KNOWN.has(name) ||
      Object.hasOwn(flags, camel) ||
      (negated !== undefined &&
        Object.hasOwn(flags, negated) &&
        flags[negated as keyof typeof flags].type === 'boolean');
    if (!known) return `--${name}`;
  }
  return undefined;
}
