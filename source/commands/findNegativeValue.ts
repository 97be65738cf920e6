import type { cliFlags } from './flags.js';

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * A value flag followed by something like `-1d` or `-5`: the argument parser would read it as an
 * unknown short option. Returns the sentence to show (a usage error), or undefined.
 */
export function findNegativeValue(argv: readonly string[], flags: typeof cliFlags): string | undefined {
  for (const [index, token] of argv.entries()) {
    if (token === '--') return undefined;
    if (!token.startsWith('--') || token.includes('=')) continue;
    const spec = flags[camelCase(token.slice(2)) as keyof typeof flags];
    const next = argv[index + 1];
    if (!spec || spec.type === 'boolean' || next === undefined || !/^-\d/.test(next)) continue;
    return `${token} ${next}: a negative value is not allowed here (durations and amounts are positive, e.g. ${token} 7d)`;
  }
  return undefined;
}
