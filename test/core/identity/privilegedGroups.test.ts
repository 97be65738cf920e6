import { describe, expect, it } from 'vitest';
import { PRIVILEGED_GROUPS, privilegedGroupProblem } from '../../../source/core/identity/privilegedGroups.js';

describe('privilegedGroupProblem', () => {
  it('lets an admin give any group', () => {
    expect(privilegedGroupProblem([...PRIVILEGED_GROUPS], { role: 'admin' })).toBeUndefined();
  });

  it('refuses a member each privileged group, naming it and the profile', () => {
    for (const group of PRIVILEGED_GROUPS) {
      expect(privilegedGroupProblem([group], { role: 'member', profile: 'lab' })).toBe(
        `${group} is a privileged group (root on the workstation, or close): the profile 'lab' is not an admin profile and its policy's allowed_groups does not include it`,
      );
    }
    expect(privilegedGroupProblem(['research', 'sudo', 'docker'], { role: 'member' })).toBe(
      "sudo, docker are privileged groups (root on the workstation, or close): this profile is not an admin profile and its policy's allowed_groups does not include them",
    );
  });

  it("allows a member the groups the policy's allowed_groups names, and unprivileged ones", () => {
    expect(privilegedGroupProblem(['research', 'staff'], { role: 'member' })).toBeUndefined();
    expect(privilegedGroupProblem([], { role: 'member' })).toBeUndefined();
    expect(
      privilegedGroupProblem(['docker'], { role: 'member', allowed_groups: ['docker'] }),
    ).toBeUndefined();
    expect(
      privilegedGroupProblem(['docker', 'sudo'], { role: 'member', allowed_groups: ['docker'] }),
    ).toContain('sudo is a privileged group');
  });
});
