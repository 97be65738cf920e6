import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../source/core/config/profileSchema.js';
import { budgetSchema } from '../../../source/core/cost/Budget.js';
import { createInvitation, type InvitationRequest } from '../../../source/core/identity/createInvitation.js';
import { invitationSigningKey } from '../../../source/core/identity/invitationSigningKey.js';
import {
  decodeInvitationToken,
  encodeInvitationToken,
  type InvitationPayload,
} from '../../../source/core/identity/invitationToken.js';
import {
  type PolicyChainLink,
  signPolicyLink,
  verifyPolicyChain,
} from '../../../source/core/identity/policyChain.js';
import { type SigningKey, signingKeyOf } from '../../../source/core/identity/signingKey.js';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const LATER = new Date('2026-11-27T12:00:00.000Z');
const budget = (monthly_limit: number) => budgetSchema.parse({ monthly_limit });
const freshKey = (): SigningKey => signingKeyOf(generateKeyPairSync('ed25519').privateKey);

const rootKey = freshKey();
const admin: Profile = {
  name: 'admin',
  aws_profile: 'lab-admin',
  region: 'us-east-1',
  policy: {},
  policy_chain: [],
  kind: 'personal',
  role: 'admin',
  can_invite: false,
  created_at: NOW.toISOString(),
};
const labPolicy = { instance_types: { allow: ['t3.*'] }, max_hourly_cost: 0.2 };

const request = (overrides: Partial<InvitationRequest> = {}): InvitationRequest => ({
  profile_name: 'lab',
  aws_profile: 'lab',
  region: 'us-east-1',
  username: 'alice',
  policy: labPolicy,
  budget: budget(100),
  expires_at: LATER,
  can_invite: true,
  ...overrides,
});

/** The profile accepting a token makes (only what createInvitation reads). */
function holderOf(token: string, payload: InvitationPayload, name: string): Profile {
  return {
    name,
    aws_profile: 'lab',
    region: 'us-east-1',
    policy: payload.policy,
    policy_chain: payload.policy_chain,
    ...(payload.budget ? { budget: payload.budget } : {}),
    kind: 'invited',
    role: 'member',
    can_invite: payload.can_invite,
    invitation_token: token,
    created_at: NOW.toISOString(),
  };
}

/** root -> alice (may invite) -> bob (may invite) -> carol (may not). */
function threeLinks() {
  const alice = createInvitation(admin, rootKey, request(), NOW);
  const aliceProfile = holderOf(alice.token, alice.payload, 'lab');
  const aliceKey = invitationSigningKey(aliceProfile, rootKey);
  const bob = createInvitation(
    aliceProfile,
    aliceKey,
    request({ profile_name: 'bob', budget: budget(80) }),
    NOW,
  );
  const bobProfile = holderOf(bob.token, bob.payload, 'bob');
  const bobKey = invitationSigningKey(bobProfile, rootKey);
  const carol = createInvitation(
    bobProfile,
    bobKey,
    request({ profile_name: 'carol', budget: budget(50), can_invite: false }),
    NOW,
  );
  return { alice, aliceKey, bob, bobKey, carol, carolProfile: holderOf(carol.token, carol.payload, 'carol') };
}

/** Re-signs `link` after `previous` with `key`, keeping every field but the issuer key. */
function resign(link: PolicyChainLink, previous: PolicyChainLink | undefined, key: SigningKey) {
  const { signature: _old, ...rest } = link;
  return signPolicyLink({ ...rest, issuer_key: key.publicKey }, previous, key.privateKey);
}

describe('one fault at a time in a chain', () => {
  it('accepts the untouched three-link chain', () => {
    const { carol } = threeLinks();
    expect(verifyPolicyChain(carol.payload.policy_chain)).toEqual([]);
    expect(decodeInvitationToken(carol.token, NOW).policy_chain).toHaveLength(3);
  });

  it('refuses a link signed validly by a key the link before did not hand the right to invite to (alone)', () => {
    const { carol } = threeLinks();
    const [first, second, third] = carol.payload.policy_chain;
    if (!first || !second || !third) throw new Error('short chain');
    const stranger = freshKey();
    // Same policy, budget and right to invite; a valid signature; only the key differs.
    const forged = resign(second, first, stranger);
    const problems = verifyPolicyChain([first, forged]);
    expect(problems).toEqual([
      'link 2 (issued by lab): it is signed by a key link 1 did not hand the right to invite to',
    ]);
  });

  it("refuses a token whose policy is not its last link's (alone)", () => {
    const { carol, bobKey } = threeLinks();
    const wider = { ...carol.payload, policy: { instance_types: { allow: ['t3.*'] } } };
    const token = encodeInvitationToken(wider, bobKey.privateKey);
    expect(() => decodeInvitationToken(token, NOW)).toThrow(
      /policy chain is not valid: the policy differs from the last link of its chain$/,
    );
  });

  it("refuses a token whose budget or right to invite is not its last link's (each alone)", () => {
    const { carol, bobKey } = threeLinks();
    const richer = encodeInvitationToken({ ...carol.payload, budget: budget(1_000_000) }, bobKey.privateKey);
    expect(() => decodeInvitationToken(richer, NOW)).toThrow(
      /policy chain is not valid: the budget differs from the last link of its chain$/,
    );
    const noBudget = { ...carol.payload };
    delete noBudget.budget;
    expect(() => decodeInvitationToken(encodeInvitationToken(noBudget, bobKey.privateKey), NOW)).toThrow(
      'the budget differs from the last link of its chain',
    );
    const inviting = encodeInvitationToken({ ...carol.payload, can_invite: true }, bobKey.privateKey);
    expect(() => decodeInvitationToken(inviting, NOW)).toThrow(
      'the right to invite differs from the last link',
    );
  });

  it('refuses a chain with a link dropped', () => {
    const { carol } = threeLinks();
    const [first, , third] = carol.payload.policy_chain;
    if (!first || !third) throw new Error('short chain');
    expect(verifyPolicyChain([first, third])).toEqual([
      'link 2 (issued by bob): the signature does not match; the chain was altered',
      'link 2 (issued by bob): it is signed by a key link 1 did not hand the right to invite to',
    ]);
  });

  it('refuses a chain with two links swapped', () => {
    const { carol } = threeLinks();
    const [first, second, third] = carol.payload.policy_chain;
    if (!first || !second || !third) throw new Error('short chain');
    const problems = verifyPolicyChain([first, third, second]);
    expect(problems).toContain('link 2 (issued by bob): the signature does not match; the chain was altered');
    expect(problems).toContain('link 3 (issued by lab): the signature does not match; the chain was altered');
  });

  it('refuses a link that widens the budget even when validly signed by the delegated key', () => {
    const { alice, aliceKey } = threeLinks();
    const [first] = alice.payload.policy_chain;
    if (!first) throw new Error('short chain');
    const greedy = signPolicyLink(
      {
        issuer: 'lab',
        issuer_key: aliceKey.publicKey,
        issued_at: NOW.toISOString(),
        policy: labPolicy,
        budget: budget(1_000_000),
        can_invite: false,
      },
      first,
      aliceKey.privateKey,
    );
    expect(verifyPolicyChain([first, greedy])).toEqual([
      "link 2 (issued by lab) widens the budget before it: budget: $1,000,000.00 a month is above the inviter's $100.00",
    ]);
  });

  it('refuses a link that drops the signed budget fields after a link that signs them', () => {
    const { alice, aliceKey } = threeLinks();
    const [first] = alice.payload.policy_chain;
    if (!first) throw new Error('short chain');
    const legacyShaped = signPolicyLink(
      { issuer: 'lab', issuer_key: aliceKey.publicKey, issued_at: NOW.toISOString(), policy: labPolicy },
      first,
      aliceKey.privateKey,
    );
    expect(verifyPolicyChain([first, legacyShaped])).toEqual([
      'link 2 (issued by lab): it does not sign the budget and the right to invite, as link 1 does',
    ]);
  });
});

describe('the right to invite (repro 3)', () => {
  it('a member without it cannot append a link with any key they hold', () => {
    const { carol, carolProfile } = threeLinks();
    expect(() => invitationSigningKey(carolProfile, rootKey)).toThrow(
      "the profile 'carol' may not invite others",
    );
    expect(() => createInvitation(carolProfile, freshKey(), request({ profile_name: 'dan' }), NOW)).toThrow(
      "the profile 'carol' may not invite others",
    );
    // Bypassing createInvitation: a link signed with carol's own installation key.
    const own = freshKey();
    const last = carol.payload.policy_chain.at(-1);
    const appended = signPolicyLink(
      {
        issuer: 'carol',
        issuer_key: own.publicKey,
        issued_at: NOW.toISOString(),
        policy: labPolicy,
        budget: budget(50),
        can_invite: false,
      },
      last,
      own.privateKey,
    );
    const payload: InvitationPayload = {
      ...carol.payload,
      issuer: 'carol',
      issuer_key: own.publicKey,
      policy_chain: [...carol.payload.policy_chain, appended],
    };
    expect(() => decodeInvitationToken(encodeInvitationToken(payload, own.privateKey), NOW)).toThrow(
      'link 4 (issued by carol): link 3 did not give its holder the right to invite',
    );
  });

  it('a member cannot drop their own link to pose as their inviter', () => {
    const { bob, carol } = threeLinks();
    const own = freshKey();
    const [first, second] = carol.payload.policy_chain;
    if (!first || !second) throw new Error('short chain');
    const posing = signPolicyLink(
      {
        issuer: 'carol',
        issuer_key: own.publicKey,
        issued_at: NOW.toISOString(),
        policy: labPolicy,
        budget: budget(50),
        can_invite: false,
      },
      second,
      own.privateKey,
    );
    expect(verifyPolicyChain([first, second, posing])).toEqual([
      'link 3 (issued by carol): it is signed by a key link 2 did not hand the right to invite to',
    ]);
    expect(bob.payload.delegate_key).toBeDefined();
    expect(carol.payload.delegate_key).toBeUndefined();
  });

  it('refuses a token whose delegate key is not the one its last link names', () => {
    const { alice } = threeLinks();
    const other = generateKeyPairSync('ed25519')
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    const swapped = encodeInvitationToken({ ...alice.payload, delegate_key: other }, rootKey.privateKey);
    expect(() => decodeInvitationToken(swapped, NOW)).toThrow(
      'the key to sign further invitations is not the one the last link names',
    );
    expect(createPrivateKey(alice.payload.delegate_key ?? '').asymmetricKeyType).toBe('ed25519');
  });
});

describe('budgets handed on (repro 2)', () => {
  it('an inviter cannot hand on a larger budget, none, or a later threshold', () => {
    const { alice, aliceKey } = threeLinks();
    const aliceProfile = holderOf(alice.token, alice.payload, 'lab');
    for (const [given, message] of [
      [budget(1_000_000), /\$1,000,000\.00 a month is above the inviter's \$100\.00/],
      [budgetSchema.parse({ monthly_limit: 100, thresholds: [1000] }), /the last alert comes at \$1,000\.00/],
    ] as const) {
      expect(() => createInvitation(aliceProfile, aliceKey, request({ budget: given }), NOW)).toThrow(
        message,
      );
    }
    const { budget: _none, ...withoutBudget } = request();
    const inherited = createInvitation(aliceProfile, aliceKey, withoutBudget, NOW);
    expect(inherited.payload.budget).toEqual(alice.payload.budget);
  });
});

describe('token shape checks', () => {
  const { alice } = threeLinks();
  it('refuses malformed tokens before reading them', () => {
    const [body = '', signature = ''] = alice.token.split('.');
    for (const bad of [
      `${body}.${signature}.x`,
      `.${signature}`,
      `${body}.`,
      `${body}!.${signature}`,
      `${body}.${signature}$`,
    ]) {
      expect(() => decodeInvitationToken(bad, NOW), bad.slice(-8)).toThrow('this is not an invitation token');
    }
    expect(decodeInvitationToken(` \n${body}\n.${signature}\t`, NOW).id).toBe(alice.payload.id);
    const atLimit = 'a'.repeat(65_536);
    expect(() => decodeInvitationToken(atLimit, NOW)).toThrow('expected two base64url parts');
    expect(() => decodeInvitationToken(`${atLimit}a`, NOW)).toThrow('it is 65537 characters');
  });

  it('refuses a payload that is not an object with an issuer key, and one that breaks the schema', () => {
    const sign = (value: unknown) => encodeInvitationToken(value as InvitationPayload, rootKey.privateKey);
    for (const value of [null, 42, 'x', {}, { issuer_key: 7 }]) {
      expect(() => decodeInvitationToken(sign(value), NOW)).toThrow('carries no valid issuer key');
    }
    expect(() => decodeInvitationToken(sign({ ...alice.payload, version: 2 }), NOW)).toThrow(
      'this invitation is invalid: version: ',
    );
  });

  it('expires at its expiry instant, unless asked to ignore it', () => {
    const at = new Date(alice.payload.expires_at);
    expect(() => decodeInvitationToken(alice.token, at)).toThrow(
      'this invitation expired on 2026-11-27 12:00 UTC',
    );
    expect(decodeInvitationToken(alice.token, new Date(at.getTime() - 1)).id).toBe(alice.payload.id);
    expect(decodeInvitationToken(alice.token, at, { ignoreExpiry: true }).id).toBe(alice.payload.id);
  });

  it('refuses a legacy chain that claims the right to invite, or a key without the right', () => {
    const [first] = alice.payload.policy_chain;
    if (!first) throw new Error('no link');
    const { signature: _s, budget: _b, can_invite: _c, subject_key: _k, ...unsigned } = first;
    const legacyLink = signPolicyLink(unsigned, undefined, rootKey.privateKey);
    const base = { ...alice.payload, policy_chain: [legacyLink] };
    const claims = encodeInvitationToken(base, rootKey.privateKey);
    expect(() => decodeInvitationToken(claims, NOW)).toThrow(
      'the chain was issued before the right to invite was signed',
    );
    const { delegate_key: _d, ...keyless } = base;
    expect(() =>
      decodeInvitationToken(encodeInvitationToken({ ...keyless, can_invite: true }, rootKey.privateKey), NOW),
    ).toThrow('before the right to invite was signed');
    expect(
      decodeInvitationToken(encodeInvitationToken({ ...keyless, can_invite: false }, rootKey.privateKey), NOW)
        .id,
    ).toBe(alice.payload.id);
    // An invitation without the right to invite may not carry a key to invite with.
    const { carol, bobKey } = threeLinks();
    const smuggled = { ...carol.payload, delegate_key: alice.payload.delegate_key ?? '' };
    expect(() => decodeInvitationToken(encodeInvitationToken(smuggled, bobKey.privateKey), NOW)).toThrow(
      'an invitation without the right to invite carries a key to invite with',
    );
    const noDelegate = { ...alice.payload };
    delete noDelegate.delegate_key;
    expect(() => decodeInvitationToken(encodeInvitationToken(noDelegate, rootKey.privateKey), NOW)).toThrow(
      'the key to sign further invitations is not the one the last link names',
    );
  });
});
