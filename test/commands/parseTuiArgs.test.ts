import fc from 'fast-check';
import meow from 'meow';
import { describe, expect, it } from 'vitest';
import { defaultCommandFlags } from '../../source/commands/defaultCommandFlags.js';
import { cliFlags } from '../../source/commands/flags.js';
import { parseTuiArgs } from '../../source/commands/parseTuiArgs.js';

/** What the full command line parser (meow, as cli.tsx sets it up) makes of the same words. */
function meowFlags(argv: string[]) {
  const cli = meow('', {
    importMeta: import.meta,
    argv,
    flags: cliFlags,
    allowUnknownFlags: false,
    autoHelp: false,
    autoVersion: false,
  });
  return { input: cli.input, flags: cli.flags };
}

const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
const option = fc.oneof(
  fc.constantFrom(['--demo'], ['--readonly'], ['--attach'], ['--no-color'], ['--color']),
  fc.tuple(fc.constantFrom('--profile', '--region'), word).map(([flag, value]) => [flag, value]),
  fc.tuple(fc.constantFrom('--profile', '--region'), word).map(([flag, value]) => [`${flag}=${value}`]),
  fc.integer({ min: 1, max: 3600 }).map((seconds) => ['--refresh', String(seconds)]),
  fc.integer({ min: 1, max: 3600 }).map((seconds) => [`--refresh=${seconds}`]),
);

describe('parseTuiArgs', () => {
  it('reads every plain app command line exactly as the full parser does', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(option, { maxLength: 5, selector: (words) => words[0]?.split('=')[0] }),
        (options) => {
          const argv = options.flat();
          const fast = parseTuiArgs(argv);
          // Both spellings of colour in one line are the full parser's to settle.
          if (argv.includes('--color') && argv.includes('--no-color')) return;
          const full = meowFlags(argv);
          expect(full.input).toEqual([]);
          expect(fast).toEqual(full.flags);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('opens the app with every default when nothing is given', () => {
    expect(parseTuiArgs([])).toEqual(meowFlags([]).flags);
    expect(defaultCommandFlags()).toEqual(meowFlags([]).flags);
  });

  it('leaves anything else to the full parser and its messages', () => {
    for (const argv of [
      ['list'],
      ['--help'],
      ['--version'],
      ['-h'],
      ['--demo', 'list'],
      ['--profle', 'lab'],
      ['--refresh', '-5'],
      ['--refresh', 'soon'],
      ['--refresh'],
      ['--refresh='],
      ['--profile'],
      ['--profile', '--demo'],
      ['--demo=false'],
      ['--demo', '--demo'],
      ['--color', '--no-color'],
      ['--json'],
      ['--'],
    ]) {
      expect(parseTuiArgs(argv), argv.join(' ')).toBeUndefined();
    }
  });
});
