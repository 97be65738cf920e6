import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../source/core/config/profileSchema.js';
import { enforcedProfile } from '../../../source/core/identity/enforcedProfile.js';
import { type PolicyChainLink, signPolicyLink } from '../../../source/core/identity/policyChain.js';
import type { RootTrust } from '../../../source/core/identity/RootTrust.js';
import { reissueAdvice } from '../../../source/core/identity/reissueAdvice.js';
import { signingKeyOf } from '../../../source/core/identity/signingKey.js';

const root = signingKeyOf(generateKeyPairSync('ed25519').privateKey);
const member = signingKeyOf(generateKeyPairSync('ed25519').privateKey);
const policy = { instance_types: { allow: ['t3.*'] } };

/** A link as cws-tui wrote them before budgets and the right to invite were signed. */
function oldLink(issuer: string, key: typeof root, previous?: PolicyChainLink): PolicyChainLink {
  return signPolicyLink(
    { issuer, issuer_key: key.publicKey, issued_at: '2026-06-01T00:00:00.000Z', policy },
    previous,
    key.privateKey,
  );
}

const trust: RootTrust = {
  system_roots: [],
  pinned: [root.fingerprint],
  accepted_profiles: ['lab'],
  personal_profiles: 'allow',
  source: '/etc/cws-tui/config.yaml',
};

function oldProfile(chain: PolicyChainLink[], budget?: Profile['budget']): Profile {
  return {
    name: 'lab',
    aws_profile: 'lab',
    region: 'us-east-1',
    policy,
    policy_chain: chain,
    kind: 'invited',
    role: 'member',
    can_invite: false,
    created_at: '2026-06-01T00:00:00.000Z',
    ...(budget ? { budget } : {}),
  };
}

describe('old chains that must be re-issued say so, and how (issue 15)', () => {
  it('names the root to ask and the commands that replace the profile', () => {
    const advice = reissueAdvice([oldLink('lab-admin', root)], 'lab');
    expect(advice).toContain('issued by an older cws-tui');
    expect(advice).toContain(`ask lab-admin (root key ${root.fingerprint})`);
    expect(advice).toContain('cws-tui profiles delete lab and cws-tui invite accept <token>');
    expect(reissueAdvice([], 'lab')).toBeUndefined();
  });

  it('gives no advice for a chain of current links, and advice when any link is old', () => {
    const old = oldLink('lab-admin', root);
    const current = signPolicyLink(
      {
        issuer: 'lab-admin',
        issuer_key: root.publicKey,
        issued_at: '2026-12-01T00:00:00.000Z',
        policy,
        can_invite: false,
      },
      undefined,
      root.privateKey,
    );
    expect(reissueAdvice([current], 'lab')).toBeUndefined();
    expect(reissueAdvice([old, current], 'lab')).toContain('must be re-issued');
    expect(reissueAdvice([current, old], 'lab')).toContain('must be re-issued');
  });

  it('an old single link without a budget verifies with nothing to say about a budget', () => {
    const enforced = enforcedProfile(oldProfile([oldLink('lab-admin', root)]), trust);
    expect(enforced).toMatchObject({ refused: false, problems: [] });
  });

  it('an old single link still verifies, but its unsigned budget is named with the advice', () => {
    const enforced = enforcedProfile(
      oldProfile([oldLink('lab-admin', root)], {
        monthly_limit: 100,
        thresholds: [80],
        actions: {},
        auto: false,
      }),
      trust,
    );
    expect(enforced.refused).toBe(false);
    expect(enforced.problems.join('\n')).toMatch(
      /budget of this profile is not covered by a signature: this invitation was issued by an older cws-tui/,
    );
  });

  it('an old chain a member extended is refused with the advice, not only "did not give the right"', () => {
    const first = oldLink('lab-admin', root);
    const enforced = enforcedProfile(oldProfile([first, oldLink('alice', member, first)]), trust);
    expect(enforced.refused).toBe(true);
    expect(enforced.problems).toContain(
      'link 2 (issued by alice): link 1 did not give its holder the right to invite',
    );
    expect(enforced.problems.some((problem) => problem.includes('must be re-issued: ask lab-admin'))).toBe(
      true,
    );
  });
});
