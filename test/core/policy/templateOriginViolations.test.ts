import { describe, expect, it } from 'vitest';
import type { PolicyRequest } from '../../../source/core/policy/PolicyRequest.js';
import { templateOriginViolations } from '../../../source/core/policy/templateOriginViolations.js';

const request = (overrides: Partial<PolicyRequest> = {}): PolicyRequest => ({
  template_slug: 'my-notebook',
  instance_type: 't3.large',
  region: 'us-east-1',
  spot: false,
  hibernation: false,
  service_type: 'ec2',
  root_volume_gb: 20,
  tags: {},
  ...overrides,
});

describe('templateOriginViolations', () => {
  it('denies a template whose ancestor a deny pattern matches, naming the first such ancestor', () => {
    const policy = { templates: { allow: ['my-*'], deny: ['jupyter-*', 'ubuntu-*'] } };
    expect(
      templateOriginViolations(policy, request({ template_ancestors: ['ubuntu-24-04', 'jupyter-server'] })),
    ).toEqual([
      {
        rule: 'templates.deny',
        expected: 'none of jupyter-*, ubuntu-*',
        actual: 'my-notebook (inherits ubuntu-24-04)',
        message:
          "the template 'my-notebook' inherits from 'ubuntu-24-04': the template 'ubuntu-24-04' is denied by the pattern 'ubuntu-*'",
        unverified: false,
      },
    ]);
  });

  it('ignores allow lists for ancestors, and a policy without templates rules', () => {
    expect(
      templateOriginViolations(
        { templates: { allow: ['my-*'] } },
        request({ template_ancestors: ['ubuntu-24-04'] }),
      ),
    ).toEqual([]);
    expect(templateOriginViolations({}, request({ template_ancestors: ['jupyter-server'] }))).toEqual([]);
    expect(templateOriginViolations({ templates: { deny: ['x'] } }, request())).toEqual([]);
  });

  it('under user_templates: deny, refuses a user-made template and one of unknown origin', () => {
    const policy = { user_templates: 'deny' as const };
    expect(templateOriginViolations(policy, request({ template_user_made: false }))).toEqual([]);
    expect(templateOriginViolations(policy, request({ template_user_made: true }))).toEqual([
      {
        rule: 'user_templates',
        expected: 'a built-in template',
        actual: 'a template of your own',
        message:
          "the policy allows only built-in templates; 'my-notebook' is (or inherits from) one of your own",
        unverified: false,
      },
    ]);
    expect(templateOriginViolations(policy, request())).toEqual([
      {
        rule: 'user_templates',
        expected: 'a built-in template',
        actual: 'unknown',
        message: "the policy allows only built-in templates, and where 'my-notebook' comes from is unknown",
        unverified: true,
      },
    ]);
    expect(
      templateOriginViolations({ user_templates: 'allow' }, request({ template_user_made: true })),
    ).toEqual([]);
  });
});
