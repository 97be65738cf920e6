import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ConfigProblem } from '../../../source/core/config/ConfigStore.js';
import type { Profile } from '../../../source/core/config/profileSchema.js';
import { budgetSchema } from '../../../source/core/cost/Budget.js';
import { configRefusal } from '../../../source/core/identity/configRefusal.js';
import { createInvitation } from '../../../source/core/identity/createInvitation.js';
import { enforcedProfile, REFUSE_EVERYTHING } from '../../../source/core/identity/enforcedProfile.js';
import { signPolicyLink } from '../../../source/core/identity/policyChain.js';
import {
  acceptRootProblem,
  type RootTrust,
  rootTrustOf,
  rootTrustProblem,
} from '../../../source/core/identity/RootTrust.js';
import { signingKeyOf } from '../../../source/core/identity/signingKey.js';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const rootKey = signingKeyOf(generateKeyPairSync('ed25519').privateKey);
const otherRoot = signingKeyOf(generateKeyPairSync('ed25519').privateKey).fingerprint;
const admin: Profile = {
  name: 'admin',
  aws_profile: 'a',
  region: 'us-east-1',
  policy: {},
  policy_chain: [],
  kind: 'personal',
  role: 'admin',
  can_invite: false,
  created_at: NOW.toISOString(),
};
const signedPolicy = { instance_types: { allow: ['t3.*'] } };
const { token, payload } = createInvitation(
  admin,
  rootKey,
  {
    profile_name: 'lab',
    aws_profile: 'lab',
    region: 'us-east-1',
    username: 'alice',
    policy: signedPolicy,
    budget: budgetSchema.parse({ monthly_limit: 100 }),
    expires_at: new Date('2026-11-27T12:00:00.000Z'),
    can_invite: false,
  },
  NOW,
);
const invited: Profile = {
  name: 'lab',
  aws_profile: 'lab',
  region: 'us-east-1',
  research_user: 'alice',
  policy: signedPolicy,
  policy_chain: payload.policy_chain,
  ...(payload.budget ? { budget: payload.budget } : {}),
  kind: 'invited',
  role: 'member',
  can_invite: false,
  invitation_id: payload.id,
  invitation_token: token,
  created_at: NOW.toISOString(),
};
const trust = (overrides: Partial<RootTrust> = {}): RootTrust => ({
  system_roots: [],
  pinned: [rootKey.fingerprint],
  accepted_profiles: ['lab'],
  personal_profiles: 'allow',
  source: '/etc/cws-tui/config.yaml',
  ...overrides,
});

describe('enforcedProfile', () => {
  it('keeps an untouched invited profile as it is, with no problem', () => {
    expect(enforcedProfile(invited, trust())).toEqual({ profile: invited, problems: [], refused: false });
  });

  it('puts each signed value back over a hand edit and names what differed', () => {
    const edited: Profile = {
      ...invited,
      kind: 'personal',
      role: 'admin',
      policy: {},
      can_invite: true,
      budget: budgetSchema.parse({ monthly_limit: 1_000_000 }),
    };
    const enforced = enforcedProfile(edited, trust());
    expect(enforced.refused).toBe(false);
    expect(enforced.profile).toMatchObject({
      kind: 'invited',
      role: 'member',
      policy: signedPolicy,
      can_invite: false,
    });
    expect(enforced.profile.budget?.monthly_limit).toBe(100);
    expect(enforced.problems).toEqual([
      "the config file's kind, role, policy, budget, can_invite differ from what the invitation signed; the signed values are used",
    ]);
    const noBudget = { ...invited };
    delete noBudget.budget;
    expect(enforcedProfile(noBudget, trust()).profile.budget?.monthly_limit).toBe(100);
  });

  it('refuses everything when the token is damaged or rooted elsewhere', () => {
    const damaged = enforcedProfile({ ...invited, invitation_token: `${token.slice(0, -4)}AAAA` }, trust());
    expect(damaged.refused).toBe(true);
    expect(damaged.profile.policy).toEqual(REFUSE_EVERYTHING);
    expect(damaged.problems[0]).toContain("the profile's invitation does not verify");
    // A current chain is not told to be re-issued: only its verification problem and the refusal.
    expect(damaged.problems).toHaveLength(2);
    // What "refuse everything" is: every template denied (an empty policy would allow all).
    expect(REFUSE_EVERYTHING).toEqual({ templates: { deny: ['*'] } });
    const stranger = enforcedProfile(invited, trust({ pinned: [otherRoot] }));
    expect(stranger.refused).toBe(true);
    expect(stranger.problems[0]).toContain('is not the one pinned on this installation');
    const unknown = enforcedProfile(invited, trust({ unknown: 'the pins were damaged' }));
    expect(unknown.problems[0]).toBe('the pins were damaged');
    expect(unknown.problems.at(-1)).toBe('launches are refused until the invitation is accepted again');
  });

  it('keeps a profile governed once accepted, whatever the config now calls it', () => {
    const stripped: Profile = { ...invited, kind: 'personal', policy: {}, policy_chain: [] };
    delete stripped.invitation_token;
    delete stripped.invitation_id;
    expect(enforcedProfile(stripped, trust()).refused).toBe(true);
    expect(enforcedProfile(stripped, trust({ accepted_profiles: [] })).refused).toBe(false);
    expect(
      enforcedProfile(stripped, trust({ accepted_profiles: [], personal_profiles: 'deny' })).refused,
    ).toBe(true);
    expect(enforcedProfile(admin, trust({ accepted_profiles: [] }))).toEqual({
      profile: admin,
      problems: [],
      refused: false,
    });
  });

  it('holds a profile accepted before tokens were kept to its verified chain', () => {
    const legacy: Profile = { ...invited, policy: {}, can_invite: true };
    delete legacy.invitation_token;
    const enforced = enforcedProfile(legacy, trust());
    expect(enforced.refused).toBe(false);
    expect(enforced.profile).toMatchObject({ policy: signedPolicy, can_invite: false });
    expect(enforcedProfile({ ...legacy, policy_chain: [] }, trust()).refused).toBe(true);
    const broken = payload.policy_chain.map((link) => ({ ...link, policy: {} }));
    expect(enforcedProfile({ ...legacy, policy_chain: broken }, trust()).refused).toBe(true);
    expect(enforcedProfile(legacy, trust({ pinned: [otherRoot] })).refused).toBe(true);
  });
});

describe('root trust', () => {
  it('trusts the system roots when any are set, else the pinned ones, else none', () => {
    expect(rootTrustProblem(trust(), rootKey.fingerprint)).toBeUndefined();
    expect(rootTrustProblem(trust({ system_roots: [otherRoot] }), rootKey.fingerprint)).toContain(
      'trusted_roots',
    );
    expect(
      rootTrustProblem(trust({ system_roots: [rootKey.fingerprint], pinned: [] }), rootKey.fingerprint),
    ).toBeUndefined();
    expect(rootTrustProblem(trust({ pinned: [] }), rootKey.fingerprint)).toContain('no root key is pinned');
  });

  it('accepts on first use, by --root, or a pinned root; refuses any other', () => {
    expect(acceptRootProblem(trust({ pinned: [] }), rootKey.fingerprint, undefined)).toBeUndefined();
    expect(acceptRootProblem(trust({ pinned: [otherRoot] }), rootKey.fingerprint, undefined)).toContain(
      `accept with --root ${rootKey.fingerprint}`,
    );
    expect(
      acceptRootProblem(trust({ pinned: [otherRoot] }), rootKey.fingerprint, rootKey.fingerprint),
    ).toBeUndefined();
    expect(acceptRootProblem(trust(), rootKey.fingerprint, otherRoot)).toContain('given with --root');
    expect(
      acceptRootProblem(trust({ system_roots: [otherRoot] }), rootKey.fingerprint, rootKey.fingerprint),
    ).toContain('trusted_roots');
    expect(acceptRootProblem(trust({ unknown: 'damaged' }), rootKey.fingerprint, undefined)).toBe('damaged');
  });

  it('fails closed when the system config or the pins cannot be read', () => {
    const invalid = rootTrustOf(
      { status: 'invalid', problem: 'bad yaml', path: '/etc/x' },
      { status: 'read', roots: [] },
    );
    expect(invalid).toMatchObject({ unknown: 'bad yaml', personal_profiles: 'deny' });
    const pins = rootTrustOf(
      { status: 'read', config: { trusted_roots: [], personal_profiles: 'allow' }, path: '/etc/x' },
      { status: 'unknown', problem: 'pins damaged' },
    );
    expect(pins.unknown).toBe('pins damaged');
    const read = rootTrustOf(
      { status: 'read', config: { trusted_roots: [otherRoot], personal_profiles: 'allow' }, path: '/etc/x' },
      { status: 'read', roots: [{ fingerprint: 'F', issuer: 'lab', pinned_at: '', profiles: ['a', 'b'] }] },
    );
    expect(read).toEqual({
      system_roots: [otherRoot],
      pinned: ['F'],
      accepted_profiles: ['a', 'b'],
      personal_profiles: 'allow',
      source: '/etc/x',
    });
  });
});

describe('configRefusal', () => {
  const problem = (held_invited: ConfigProblem['held_invited']): ConfigProblem => ({
    key: '(file)',
    message: 'not valid JSON',
    backup_path: '/c/config.json.bak-1',
    held_invited,
  });
  it('refuses when the set-aside file held an invited profile or the installation accepted one', () => {
    const none = trust({ accepted_profiles: [] });
    expect(configRefusal([], trust())).toBeUndefined();
    expect(configRefusal([problem(false)], none)).toBeUndefined();
    expect(configRefusal([problem('unknown')], none)).toBeUndefined();
    expect(configRefusal([problem(true)], none)).toContain('kept as /c/config.json.bak-1');
    expect(configRefusal([problem('unknown')], trust())).toContain('launches are refused');
    expect(
      configRefusal([problem(false)], trust({ accepted_profiles: [], personal_profiles: 'deny' })),
    ).toBeDefined();
  });
});

describe('loadRootTrust', () => {
  it('reads the system config and the pins, and names a broken system config', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { PinnedRootStore } = await import('../../../source/core/identity/PinnedRootStore.js');
    const { loadRootTrust } = await import('../../../source/core/identity/RootTrust.js');
    const dir = await mkdtemp(join(tmpdir(), 'cws-trust-'));
    const systemPath = join(dir, 'system.yaml');
    const env = { CWS_SYSTEM_CONFIG: systemPath };
    const pins = new PinnedRootStore(join(dir, 'state'));
    expect(await loadRootTrust(env, pins)).toEqual({
      system_roots: [],
      pinned: [],
      accepted_profiles: [],
      personal_profiles: 'allow',
      source: systemPath,
    });
    await pins.pin(rootKey.fingerprint, 'admin', 'lab', NOW);
    await pins.pin(rootKey.fingerprint, 'admin', 'lab2', NOW);
    await writeFile(systemPath, `trusted_roots: [${otherRoot}]\npersonal_profiles: deny\n`);
    expect(await loadRootTrust(env, pins)).toMatchObject({
      system_roots: [otherRoot],
      pinned: [rootKey.fingerprint],
      accepted_profiles: ['lab', 'lab2'],
      personal_profiles: 'deny',
    });
    await writeFile(systemPath, 'trusted_roots: [nope]\n');
    expect((await loadRootTrust(env, pins)).unknown).toContain('a root fingerprint looks like SHA256:');
    await writeFile(systemPath, 'trusted_roots: [\n');
    expect((await loadRootTrust(env, pins)).unknown).toContain('is not valid YAML');
    await writeFile(join(dir, 'state', 'trusted-roots.json'), '{ damaged');
    await writeFile(systemPath, '');
    expect((await loadRootTrust(env, pins)).unknown).toMatch(
      /pinned root keys .* were damaged .* kept as .*\.bak-/,
    );
  });
});

describe('enforcedProfile, each trace of an invitation alone', () => {
  const bare: Profile = { ...admin, name: 'lab', role: 'member' };
  const none = trust({ accepted_profiles: [], pinned: [rootKey.fingerprint] });
  it('treats kind, token, invitation id or a chain each as invited', () => {
    expect(enforcedProfile(bare, none)).toEqual({ profile: bare, problems: [], refused: false });
    for (const marked of [
      { ...bare, kind: 'invited' as const },
      { ...bare, invitation_id: 'x' },
      { ...bare, policy_chain: payload.policy_chain },
      { ...bare, invitation_token: token },
    ]) {
      const enforced = enforcedProfile(marked, none);
      expect(enforced.profile.kind).toBe('invited');
      expect(enforced.profile.role).toBe('member');
    }
    const refused = enforcedProfile({ ...bare, kind: 'invited' }, none);
    expect(refused).toMatchObject({
      refused: true,
      problems: [
        'the profile is invited but holds no signed invitation',
        'launches are refused until the invitation is accepted again',
      ],
    });
    expect(refused.profile).toMatchObject({
      kind: 'invited',
      role: 'member',
      can_invite: false,
      policy: REFUSE_EVERYTHING,
    });
  });

  it('names the profile and the system config in its refusals', () => {
    const personal: Profile = { ...admin, name: 'lab' };
    expect(enforcedProfile(personal, trust()).problems).toEqual([
      "the profile 'lab' was accepted from an invitation, but the config file now calls it personal",
      'launches are refused until the invitation is accepted again',
    ]);
    expect(
      enforcedProfile(personal, trust({ accepted_profiles: [], personal_profiles: 'deny' })).problems[0],
    ).toBe('the system config (/etc/cws-tui/config.yaml) allows only invited profiles on this machine');
  });

  it('uses the signed budget of a legacy profile when its last link signs one, and says when none is signed', () => {
    const legacy: Profile = { ...invited, budget: budgetSchema.parse({ monthly_limit: 5 }) };
    delete legacy.invitation_token;
    const signed = enforcedProfile(legacy, trust());
    expect(signed.profile.budget?.monthly_limit).toBe(100);
    expect(signed.problems).toEqual([
      "the config file's budget differs from what the invitation signed; the signed values are used",
    ]);
    const unsignedLink = payload.policy_chain.map(
      ({ budget: _b, can_invite: _c, subject_key: _s, signature: _g, ...link }) =>
        signPolicyLink(link, undefined, rootKey.privateKey),
    );
    const old: Profile = { ...legacy, policy_chain: unsignedLink };
    const unsigned = enforcedProfile(old, trust());
    expect(unsigned.problems.join('\n')).toContain(
      'the budget of this profile is not covered by a signature: this invitation was issued by an older cws-tui',
    );
    expect(unsigned.profile.budget?.monthly_limit).toBe(5);
  });
});
