import { describe, expect, it } from 'vitest';
import { CliError, EXIT, usageError } from '../../source/commands/CliError.js';

describe('CliError', () => {
  it('carries the exit code of a usage error', () => {
    const error = usageError('templates show needs a slug');
    expect(error).toBeInstanceOf(CliError);
    expect(error.exitCode).toBe(EXIT.usage);
    expect(error.message).toBe('templates show needs a slug');
  });

  it('defaults to the generic error code', () => {
    expect(new CliError('boom').exitCode).toBe(1);
  });
});
