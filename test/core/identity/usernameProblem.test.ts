import { describe, expect, it } from 'vitest';
import { usernameProblem } from '../../../source/core/identity/usernameProblem.js';

describe('usernameProblem', () => {
  it('accepts POSIX usernames', () => {
    for (const name of ['alice', '_svc', 'a1-b_c', 'x'.repeat(32)])
      expect(usernameProblem(name)).toBeUndefined();
  });

  it('rejects names that break the POSIX pattern, quoting them safely', () => {
    expect(usernameProblem('$(reboot)')).toBe(
      `"$(reboot)" is not a valid username: use 1-32 lowercase letters, digits, '_' or '-', starting with a letter or '_'`,
    );
    for (const name of ['', 'Alice', '1abc', '-rf', 'a b', 'a;b', 'x'.repeat(33), 'bob\nroot', 'é']) {
      expect(usernameProblem(name)).toMatch(/is not a valid username/);
    }
    expect(usernameProblem('bob\nroot')).toContain('"bob\\nroot"');
  });

  it('rejects system and default image user names', () => {
    for (const name of ['root', 'ubuntu', 'ec2-user', 'nobody', 'rocky']) {
      expect(usernameProblem(name)).toBe(`"${name}" is a system or default user name; choose another`);
    }
  });
});
