import { describe, expect, it } from 'vitest';
import { CliError, EXIT } from '../../source/commands/CliError.js';
import { describeFailure } from '../../source/commands/describeFailure.js';
import { CloudError } from '../../source/core/CloudError.js';

describe('describeFailure', () => {
  it('keeps a CLI error and its exit code', () => {
    expect(describeFailure(new CliError('bad', EXIT.usage))).toEqual({ text: 'bad', exitCode: 2 });
  });

  it('prints a cloud error with what to do about it', () => {
    const error = new CloudError({
      kind: 'unauthorized',
      code: 'UnauthorizedOperation',
      message: 'you are not allowed to launch instances',
      hint: 'Ask your admin for ec2:RunInstances.',
    });
    expect(describeFailure(error)).toEqual({
      text: 'you are not allowed to launch instances\n  Ask your admin for ec2:RunInstances.',
      exitCode: 1,
    });
  });

  it('calls a bug unexpected, without a stack', () => {
    const failure = describeFailure(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(failure.text).toBe("unexpected error: Cannot read properties of undefined (reading 'x')");
    expect(failure.text).not.toMatch(/\n\s+at /);
  });
});
