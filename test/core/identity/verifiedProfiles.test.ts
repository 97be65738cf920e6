import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../source/core/config/profileSchema.js';
import type { RootTrust } from '../../../source/core/identity/RootTrust.js';
import { verifiedProfiles } from '../../../source/core/identity/verifiedProfiles.js';

const trust: RootTrust = {
  system_roots: [],
  pinned: [],
  accepted_profiles: ['lab'],
  personal_profiles: 'allow',
  source: '/etc/cws-tui/config.yaml',
};

const personal: Profile = {
  name: 'home',
  aws_profile: 'home',
  region: 'us-east-1',
  policy: { max_hourly_cost: 3 },
  policy_chain: [],
  kind: 'personal',
  role: 'admin',
  can_invite: false,
  created_at: '2026-12-01T00:00:00Z',
};

describe('verifiedProfiles', () => {
  it('keeps a personal profile as it is', () => {
    const verified = verifiedProfiles([personal], trust);
    expect(verified).toEqual({ profiles: [personal], problems: [], refused: [] });
  });

  it('lists an accepted profile the file now calls personal admin as a refused invited member', () => {
    const verified = verifiedProfiles([personal, { ...personal, name: 'lab' }], trust);
    expect(verified.profiles.map((p) => [p.name, p.kind, p.role])).toEqual([
      ['home', 'personal', 'admin'],
      ['lab', 'invited', 'member'],
    ]);
    expect(verified.refused).toEqual(['lab']);
    expect(verified.problems[0]).toMatch(/^profile 'lab': the profile 'lab' was accepted from an invitation/);
  });
});
