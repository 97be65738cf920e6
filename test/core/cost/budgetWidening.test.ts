import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../../source/core/config/profileSchema.js';
import { budgetSchema } from '../../../source/core/cost/Budget.js';
import { budgetWidening } from '../../../source/core/cost/budgetWidening.js';
import { createInvitation, type InvitationRequest } from '../../../source/core/identity/createInvitation.js';
import { invitationSigningKey } from '../../../source/core/identity/invitationSigningKey.js';
import {
  decodeInvitationToken,
  encodeInvitationToken,
} from '../../../source/core/identity/invitationToken.js';
import { signPolicyLink } from '../../../source/core/identity/policyChain.js';
import { loadOrCreateSigningKey, type SigningKey } from '../../../source/core/identity/signingKey.js';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const budget = (monthly_limit: number) => budgetSchema.parse({ monthly_limit });

let adminKey: SigningKey;
let installationKey: SigningKey;

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'cws-budget-widening-'));
  adminKey = await loadOrCreateSigningKey(join(root, 'admin'));
  installationKey = await loadOrCreateSigningKey(join(root, 'member'));
});

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

const request = (overrides: Partial<InvitationRequest> = {}): InvitationRequest => ({
  profile_name: 'lab',
  aws_profile: 'lab',
  region: 'us-east-1',
  username: 'alice',
  policy: {},
  expires_at: new Date('2026-11-27T12:00:00.000Z'),
  can_invite: true,
  ...overrides,
});

/** A member profile as accepting an admin's invitation with a $100 budget makes it. */
function invitedMember(): Profile {
  const { payload, token } = createInvitation(admin, adminKey, request({ budget: budget(100) }), NOW);
  return {
    invitation_token: token,
    name: 'lab',
    aws_profile: 'lab',
    region: 'us-east-1',
    research_user: 'alice',
    policy: payload.policy,
    policy_chain: payload.policy_chain,
    ...(payload.budget ? { budget: payload.budget } : {}),
    kind: 'invited',
    role: 'member',
    can_invite: true,
    created_at: NOW.toISOString(),
  };
}

describe('budgetWidening', () => {
  it('compares monthly limits: the same or less is fine, more or none widens', () => {
    expect(budgetWidening(budget(50), budget(100))).toEqual([]);
    expect(budgetWidening(budget(100), budget(100))).toEqual([]);
    expect(budgetWidening(undefined, undefined)).toEqual([]);
    expect(budgetWidening(budget(500), undefined)).toEqual([]);
    expect(budgetWidening(budget(150), budget(100))).toEqual([
      "budget: $150.00 a month is above the inviter's $100.00",
    ]);
    expect(budgetWidening(undefined, budget(100))).toEqual([
      "budget: the inviter's limit is $100.00 a month, the invitation has none",
    ]);
  });

  it('refuses later alerts, weaker or later actions, and asking where the inviter acts on its own', () => {
    const parent = budgetSchema.parse({
      monthly_limit: 100,
      thresholds: [80, 100],
      actions: { '100': 'stop' },
      auto: true,
    });
    expect(budgetWidening(parent, parent)).toEqual([]);
    const tighter = budgetSchema.parse({
      monthly_limit: 50,
      thresholds: [50, 150],
      actions: { '150': 'stop' },
      auto: true,
    });
    expect(budgetWidening(tighter, parent)).toEqual([]);
    expect(
      budgetWidening(budgetSchema.parse({ monthly_limit: 100, thresholds: [1000], auto: true }), parent),
    ).toEqual([
      "budget: the last alert comes at $1,000.00, after the inviter's last at $100.00",
      "budget: the inviter's budget will stop at $100.00; the invitation does not by then",
    ]);
    const blockOnly = budgetSchema.parse({
      monthly_limit: 100,
      thresholds: [100],
      actions: { '100': 'block' },
    });
    expect(budgetWidening(blockOnly, parent)).toEqual([
      "budget: the inviter's budget will stop at $100.00; the invitation does not by then",
      "budget: the inviter's actions run without asking (auto); the invitation's would ask",
    ]);
    const stopLater = budgetSchema.parse({
      monthly_limit: 100,
      thresholds: [80, 100],
      actions: { '100': 'warn', '80': 'hibernate' },
      auto: true,
    });
    expect(budgetWidening(stopLater, parent)).toEqual([]);
  });
});

describe('invitations and budgets', () => {
  it('carries the budget in the cost format through the signed token', () => {
    const { token } = createInvitation(admin, adminKey, request({ budget: budget(100) }), NOW);
    expect(decodeInvitationToken(token, NOW).budget).toEqual({
      monthly_limit: 100,
      thresholds: [50, 80, 100],
      actions: {},
      auto: false,
    });
  });

  it('lets a member hand on a smaller budget, its own by default, and never a larger one', () => {
    const member = invitedMember();
    const memberKey = invitationSigningKey(member, installationKey);
    const smaller = createInvitation(
      member,
      memberKey,
      request({ profile_name: 'sub', budget: budget(40) }),
      NOW,
    );
    expect(smaller.payload.budget?.monthly_limit).toBe(40);
    const inherited = createInvitation(member, memberKey, request({ profile_name: 'sub' }), NOW);
    expect(inherited.payload.budget).toEqual(member.budget);
    expect(() =>
      createInvitation(member, memberKey, request({ profile_name: 'sub', budget: budget(250) }), NOW),
    ).toThrow(
      /smaller budget than the profile's own:\n {2}budget: \$250\.00 a month is above the inviter's \$100\.00/,
    );
  });

  it('still reads an invitation issued with the old budget shape, with the same meaning', () => {
    const { payload } = createInvitation(admin, adminKey, request({ can_invite: false }), NOW);
    // Links of that time signed the policy only.
    const [first] = payload.policy_chain;
    if (!first) throw new Error('no link');
    const { signature: _s, budget: _b, can_invite: _c, subject_key: _k, ...unsigned } = first;
    const legacy = {
      ...payload,
      policy_chain: [signPolicyLink(unsigned, undefined, adminKey.privateKey)],
      budget: { monthly_limit: 80, thresholds: [50, 100], actions: ['notify', 'block_launches'] },
    };
    const token = encodeInvitationToken(legacy as unknown as typeof payload, adminKey.privateKey);
    expect(decodeInvitationToken(token, NOW).budget).toEqual({
      monthly_limit: 80,
      thresholds: [50, 100],
      actions: { '100': 'block' },
      auto: false,
    });
  });
});
