import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { appendAuditEvent, readAuditEvents } from '../../../source/core/policy/appendAuditEvent.js';
import { authorizeOverride } from '../../../source/core/policy/authorizeOverride.js';
import { evaluatePolicy } from '../../../source/core/policy/evaluatePolicy.js';
import type { PolicyRequest } from '../../../source/core/policy/PolicyRequest.js';

let stateDir: string;
beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'cws-audit-'));
});

const request: PolicyRequest = {
  template_slug: 'python-gpu',
  instance_type: 'p5.48xlarge',
  region: 'us-east-1',
  spot: false,
  hibernation: false,
  service_type: 'ec2',
  root_volume_gb: 100,
  tags: {},
};
const denied = evaluatePolicy({ templates: { deny: ['*-gpu'] }, max_ebs_gb: 50 }, request, {});
const admin = { name: 'ops', role: 'admin' as const, research_user: 'alice' };

describe('authorizeOverride', () => {
  it('lets an admin override with a reason, logs it and returns the tags', async () => {
    const tags = await authorizeOverride(stateDir, {
      profile: admin,
      reason: ' grant deadline ',
      request,
      verdict: denied,
    });
    expect(tags).toEqual({
      'cws:policy-override': 'templates.deny max_ebs_gb',
      'cws:override-reason': 'grant deadline',
      'cws:override-by': 'ops',
    });
    const events = await readAuditEvents(stateDir);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'policy_override',
      profile: 'ops',
      research_user: 'alice',
      reason: 'grant deadline',
      request,
    });
    expect(events[0]?.violations.map((violation) => violation.rule)).toEqual([
      'templates.deny',
      'max_ebs_gb',
    ]);
  });

  it('refuses a member profile and logs nothing', async () => {
    await expect(
      authorizeOverride(stateDir, {
        profile: { ...admin, role: 'member' },
        reason: 'x',
        request,
        verdict: denied,
      }),
    ).rejects.toThrow("only an admin profile can override the policy; 'ops' is a member profile");
    expect(await readAuditEvents(stateDir)).toEqual([]);
  });

  it('refuses an override without a reason', async () => {
    await expect(
      authorizeOverride(stateDir, { profile: admin, reason: '  ', request, verdict: denied }),
    ).rejects.toThrow('an override needs a reason: add --reason "<why>"');
    await expect(
      authorizeOverride(stateDir, { profile: admin, reason: undefined, request, verdict: denied }),
    ).rejects.toThrow('an override needs a reason');
  });

  it('refuses to override an allowed launch', async () => {
    const allowed = evaluatePolicy({}, request, {});
    await expect(
      authorizeOverride(stateDir, { profile: admin, reason: 'x', request, verdict: allowed }),
    ).rejects.toThrow('there is nothing to override');
  });
});

describe('appendAuditEvent', () => {
  it('keeps every event of concurrent writers, one JSON object per line', async () => {
    const event = (index: number) => ({
      time: new Date(0).toISOString(),
      kind: 'policy_override' as const,
      profile: `p${index}`,
      reason: 'r',
      request,
      violations: [],
    });
    await Promise.all(Array.from({ length: 10 }, (_, index) => appendAuditEvent(stateDir, event(index))));
    const profiles = (await readAuditEvents(stateDir)).map((entry) => entry.profile).sort();
    expect(profiles).toEqual(Array.from({ length: 10 }, (_, index) => `p${index}`).sort());
  });
});
