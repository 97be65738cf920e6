import type { cliFlags } from './flags.js';

type FlagValue<F> = F extends { type: 'boolean' }
  ? boolean
  : F extends { type: 'number' }
    ? number | undefined
    : F extends { isMultiple: true }
      ? string[]
      : string | undefined;

/** The parsed flags, typed from their declarations. */
export type CommandFlags = { -readonly [K in keyof typeof cliFlags]: FlagValue<(typeof cliFlags)[K]> };
