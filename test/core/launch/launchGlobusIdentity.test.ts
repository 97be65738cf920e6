import { describe, expect, it } from 'vitest';
import type { ResearchUser } from '../../../source/core/identity/ResearchUser.js';
import { type LaunchContext, launchWorkstation } from '../../../source/core/launch/launchWorkstation.js';
import { describePolicy } from '../../../source/core/policy/describePolicy.js';
import { evaluatePolicy } from '../../../source/core/policy/evaluatePolicy.js';
import { narrowerThan } from '../../../source/core/policy/narrowerThan.js';

import { demoLaunch } from './launchFixtures.js';

const ada: ResearchUser = {
  username: 'ada',
  uid: 5000,
  gid: 5000,
  groups: [],
  shell: '/bin/bash',
  ssh_public_keys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE0000000000000000000000000000000000000000000 a'],
  created_at: '2026-11-01T00:00:00Z',
};
const linked: ResearchUser = {
  ...ada,
  globus: {
    sub: 'b7c3f1de-5a2e-4c8f-9d41-0e6a2f3b9c11',
    username: 'ada@example.edu',
    verified_at: '2026-12-01T00:00:00Z',
  },
};

function context(researchUser: ResearchUser): LaunchContext {
  return demoLaunch({
    overrides: {
      profile: { name: 'lab', policy: { require_globus_identity: true }, role: 'member' },
      owner: 'arn:aws:iam::123456789012:user/ada',
      researchUser,
    },
  }).context;
}

const request = { template: 'ubuntu', name: 'verified', spot: false, hibernation: false };

describe('a policy that requires a linked Globus identity', () => {
  it('denies a launch by a research user with none linked, naming how to link one', async () => {
    await expect(launchWorkstation(request, context(ada))).rejects.toThrow(
      /requires a verified Globus identity linked to the research user/,
    );
  });

  it('lets a linked user launch: the instance carries cws:globus-identity and the audit log has it', async () => {
    const audits: unknown[] = [];
    const result = await launchWorkstation(request, {
      ...context(linked),
      audit: async (event) => {
        audits.push(event);
      },
    });
    expect(result.verdict.allowed).toBe(true);
    expect(result.instance.tags['cws:globus-identity']).toBe('ada@example.edu');
    expect(audits).toEqual([
      {
        action: 'globus-identified-launch',
        profile: 'lab',
        research_user: 'ada',
        globus_identity: 'ada@example.edu',
        globus_sub: 'b7c3f1de-5a2e-4c8f-9d41-0e6a2f3b9c11',
        template: 'ubuntu',
        launch_id: result.record.id,
      },
    ]);
  });

  it('fails closed when the launch path does not say which identity is linked', () => {
    const base = {
      template_slug: 'ubuntu',
      instance_type: 't3.large',
      region: 'us-east-1',
      spot: false,
      hibernation: false,
      service_type: 'ec2' as const,
      root_volume_gb: 20,
      tags: {},
    };
    const policy = { require_globus_identity: true };
    expect(evaluatePolicy(policy, base, {}).allowed).toBe(false);
    expect(evaluatePolicy(policy, base, { globus_identity: 'ada@example.edu' }).allowed).toBe(true);
    expect(evaluatePolicy({}, base, {}).allowed).toBe(true);
  });

  it('cannot be dropped by an invitation down the chain, and is described', () => {
    expect(narrowerThan({}, { require_globus_identity: true }).widened).toEqual([
      'require_globus_identity: the parent requires a linked Globus identity, the child does not',
    ]);
    expect(narrowerThan({ require_globus_identity: true }, {}).ok).toBe(true);
    expect(describePolicy({ require_globus_identity: true })).toContain(
      'require_globus_identity: a linked Globus identity is required',
    );
  });
});
