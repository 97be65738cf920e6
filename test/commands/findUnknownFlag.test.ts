import { describe, expect, it } from 'vitest';
import { findUnknownFlag } from '../../source/commands/findUnknownFlag.js';
import { cliFlags } from '../../source/commands/flags.js';

describe('findUnknownFlag', () => {
  it('accepts every declared flag in kebab case, negated booleans, help and version', () => {
    expect(
      findUnknownFlag(
        [
          'launch',
          'python-ml',
          'x',
          '--root-volume',
          '40',
          '--wait-ready',
          '--no-color',
          '--tag=a=b',
          '--help',
          '--version',
        ],
        cliFlags,
      ),
    ).toBeUndefined();
  });

  it('names the first unknown option, and ignores what follows --', () => {
    expect(findUnknownFlag(['list', '--jsn'], cliFlags)).toBe('--jsn');
    expect(findUnknownFlag(['list', '--no-region'], cliFlags)).toBe('--no-region');
    expect(findUnknownFlag(['launch', '--', '--anything'], cliFlags)).toBeUndefined();
  });
});
