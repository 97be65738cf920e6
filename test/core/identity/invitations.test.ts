import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigStore } from '../../../source/core/config/ConfigStore.js';
import type { Profile } from '../../../source/core/config/profileSchema.js';
import { acceptInvitation } from '../../../source/core/identity/acceptInvitation.js';
import { createInvitation, type InvitationRequest } from '../../../source/core/identity/createInvitation.js';
import { FileResearchUserStore } from '../../../source/core/identity/FileResearchUserStore.js';
import { invitationSigningKey } from '../../../source/core/identity/invitationSigningKey.js';
import {
  decodeInvitationToken,
  encodeInvitationToken,
} from '../../../source/core/identity/invitationToken.js';
import { PinnedRootStore } from '../../../source/core/identity/PinnedRootStore.js';
import { verifyPolicyChain } from '../../../source/core/identity/policyChain.js';
import { loadOrCreateSigningKey, type SigningKey } from '../../../source/core/identity/signingKey.js';
import { verifyProfilePolicy } from '../../../source/core/identity/verifyProfilePolicy.js';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const LATER = new Date('2026-11-20T14:00:00.000Z');

let root: string;
let adminKey: SigningKey;

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

const labPolicy = { instance_types: { allow: ['t3.*', 'm7i.*'] }, max_vcpus: 16, spot: 'allowed' as const };

const request = (overrides: Partial<InvitationRequest> = {}): InvitationRequest => ({
  profile_name: 'lab',
  aws_profile: 'lab',
  aws_account_id: '111122223333',
  region: 'us-west-2',
  username: 'alice',
  policy: labPolicy,
  expires_at: LATER,
  can_invite: true,
  ...overrides,
});

function installation(name: string) {
  const dir = join(root, name);
  const config = ConfigStore.open(join(dir, 'config'));
  const users = new FileResearchUserStore(join(dir, 'config'));
  return {
    dir,
    config,
    users,
    keysDir: join(dir, 'state', 'keys'),
    stateDir: join(dir, 'state'),
    pins: new PinnedRootStore(join(dir, 'state')),
    env: { CWS_SYSTEM_CONFIG: join(dir, 'no-system-config.yaml') },
  };
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cws-invite-'));
  adminKey = await loadOrCreateSigningKey(join(root, 'admin-state'));
});

describe('signing key', () => {
  it('is created once with mode 0600 and reloaded the same', async () => {
    const again = await loadOrCreateSigningKey(join(root, 'admin-state'));
    expect(again.publicKey).toBe(adminKey.publicKey);
    expect(adminKey.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    const mode = (await stat(join(root, 'admin-state', 'invitation-signing-key.pem'))).mode & 0o777;
    expect(mode).toBe(0o600);
  });
});

describe('invitation tokens', () => {
  it('round-trips a signed invitation', () => {
    const { token, payload } = createInvitation(admin, adminKey, request(), NOW);
    expect(decodeInvitationToken(token, NOW)).toEqual(payload);
    expect(payload.policy_chain).toHaveLength(1);
    expect(payload.policy_chain[0]?.issuer).toBe('admin');
  });

  it('refuses a token whose content was altered', () => {
    const { token } = createInvitation(admin, adminKey, request(), NOW);
    const [body, signature] = token.split('.');
    const payload = JSON.parse(Buffer.from(body ?? '', 'base64url').toString()) as Record<string, unknown>;
    payload.can_invite = true;
    payload.policy = {};
    const forged = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
    expect(() => decodeInvitationToken(forged, NOW)).toThrow(
      'the invitation signature does not match its content: the token was altered after it was signed',
    );
  });

  it('refuses a token whose signature was altered', () => {
    const { token } = createInvitation(admin, adminKey, request(), NOW);
    const [body, signature] = token.split('.');
    const bytes = Buffer.from(signature ?? '', 'base64url');
    bytes[10] = (bytes[10] ?? 0) ^ 0xff;
    const flipped = `${body}.${bytes.toString('base64url')}`;
    expect(() => decodeInvitationToken(flipped, NOW)).toThrow('the token was altered');
  });

  it('refuses a token re-signed by another key whose chain no longer matches', () => {
    const { payload } = createInvitation(admin, adminKey, request(), NOW);
    const other = generateKeyPairSync('ed25519');
    const otherPublic = other.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const resigned = encodeInvitationToken(
      { ...payload, issuer_key: otherPublic, policy: {} },
      other.privateKey,
    );
    expect(() => decodeInvitationToken(resigned, NOW)).toThrow("this invitation's policy chain is not valid");
  });

  it('refuses an expired token, saying when it expired', () => {
    const { token } = createInvitation(admin, adminKey, request(), NOW);
    expect(() => decodeInvitationToken(token, new Date('2026-11-21T00:00:00Z'))).toThrow(
      'this invitation expired on 2026-11-20 14:00 UTC',
    );
  });

  it('refuses garbage with a clear reason', () => {
    expect(() => decodeInvitationToken('hello', NOW)).toThrow('this is not an invitation token');
    expect(() => decodeInvitationToken('aGVsbG8.aGVsbG8', NOW)).toThrow('this invitation token is damaged');
    const noKey = Buffer.from(JSON.stringify({ version: 1 })).toString('base64url');
    expect(() => decodeInvitationToken(`${noKey}.AAAA`, NOW)).toThrow('carries no valid issuer key');
  });

  it('refuses to invite from a member profile without the right to invite', () => {
    expect(() => createInvitation({ ...admin, role: 'member' }, adminKey, request(), NOW)).toThrow(
      "the profile 'admin' may not invite others",
    );
  });
});

describe('acceptInvitation', () => {
  it('creates the invited profile and its research user with a UID and key pair', async () => {
    const { token } = createInvitation(admin, adminKey, request(), NOW);
    const invitee = installation('alice');
    const accepted = await acceptInvitation(token, { ...invitee, now: NOW, full_name: 'Alice Doe' });
    expect(accepted.profile).toMatchObject({
      name: 'lab',
      kind: 'invited',
      role: 'member',
      can_invite: true,
      research_user: 'alice',
      region: 'us-west-2',
      aws_account_id: '111122223333',
      policy: labPolicy,
    });
    expect(accepted.user).toMatchObject({ username: 'alice', uid: 5000, full_name: 'Alice Doe' });
    expect(accepted.private_key_path).toBe(join(invitee.keysDir, 'alice_ed25519'));
    expect(accepted.root_fingerprint).toBe(adminKey.fingerprint);
    expect(invitee.config.currentProfileName()).toBe('lab');
  });

  it('reuses an existing research user, who keeps their UID', async () => {
    const invitee = installation('alice');
    await invitee.users.create({ username: 'bob', ssh_public_keys: [] }, 'x');
    await invitee.users.create({ username: 'alice', ssh_public_keys: [] }, 'x');
    const { token } = createInvitation(admin, adminKey, request(), NOW);
    const accepted = await acceptInvitation(token, { ...invitee, now: NOW });
    expect(accepted.user_created).toBe(false);
    expect(accepted.user.uid).toBe(5001);
  });

  it('refuses to accept into an existing profile name and writes nothing', async () => {
    const invitee = installation('alice');
    const { token } = createInvitation(admin, adminKey, request(), NOW);
    await acceptInvitation(token, { ...invitee, now: NOW });
    await expect(acceptInvitation(token, { ...invitee, now: NOW, username: 'zed' })).rejects.toThrow(
      "a profile named 'lab' already exists",
    );
    expect(await invitee.users.get('zed')).toBeUndefined();
  });

  it('asks for a username when the invitation names none', async () => {
    const { username: _unused, ...withoutUser } = request();
    const { token } = createInvitation(admin, adminKey, withoutUser, NOW);
    await expect(acceptInvitation(token, { ...installation('x'), now: NOW })).rejects.toThrow(
      'give one with --user <username>',
    );
  });
});

describe('invitation chains', () => {
  async function aliceProfile(): Promise<{ profile: Profile; key: SigningKey }> {
    const { token } = createInvitation(admin, adminKey, request(), NOW);
    const invitee = installation('alice');
    const accepted = await acceptInvitation(token, { ...invitee, now: NOW });
    const installationKey = await loadOrCreateSigningKey(invitee.stateDir);
    return { profile: accepted.profile, key: invitationSigningKey(accepted.profile, installationKey) };
  }

  it('lets an invitee hand on a narrower policy, and the chain records both links', async () => {
    const alice = await aliceProfile();
    const narrower = { instance_types: { allow: ['t3.*'] }, max_vcpus: 4, spot: 'required' as const };
    const { token } = createInvitation(
      alice.profile,
      alice.key,
      request({ profile_name: 'student', username: 'bob', policy: narrower, can_invite: false }),
      NOW,
    );
    const accepted = await acceptInvitation(token, { ...installation('bob'), now: NOW });
    expect(accepted.profile.policy).toEqual(narrower);
    expect(accepted.profile.policy_chain.map((link) => link.issuer)).toEqual(['admin', 'alice']);
    expect(accepted.root_fingerprint).toBe(adminKey.fingerprint);
    expect(accepted.issuer_fingerprint).toBe(alice.key.fingerprint);
    expect(verifyPolicyChain(accepted.profile.policy_chain)).toEqual([]);
  });

  it("hands on the invitee's own policy when none is given", async () => {
    const alice = await aliceProfile();
    const { username: _u, policy: _p, ...rest } = request({ profile_name: 'student' });
    const { payload } = createInvitation(alice.profile, alice.key, rest, NOW);
    expect(payload.policy).toEqual(labPolicy);
  });

  it('refuses to let an invitee widen the policy, naming each widening', async () => {
    const alice = await aliceProfile();
    const wider = { instance_types: { allow: ['t3.*', 'p5.*'] }, max_vcpus: 64 };
    expect(() => createInvitation(alice.profile, alice.key, request({ policy: wider }), NOW)).toThrow(
      /widens it:\n {2}instance_types.allow: 'p5.\*' is not within the parent's t3.\*, m7i.\*\n {2}max_vcpus: 64 is above the parent's 16/,
    );
  });

  it('refuses a token whose chain was widened by a forged link', async () => {
    const alice = await aliceProfile();
    const { payload } = createInvitation(
      alice.profile,
      alice.key,
      request({ policy: { ...labPolicy, max_vcpus: 4 } }),
      NOW,
    );
    const forgedChain = payload.policy_chain.map((link, index) =>
      index === 1 ? { ...link, policy: { ...labPolicy, max_vcpus: 64 } } : link,
    );
    const forged = encodeInvitationToken(
      { ...payload, policy: { ...labPolicy, max_vcpus: 64 }, policy_chain: forgedChain },
      alice.key.privateKey,
    );
    expect(() => decodeInvitationToken(forged, NOW)).toThrow(
      /link 2 \(issued by alice\): the signature does not match.*link 2 \(issued by alice\) widens the policy before it/s,
    );
  });

  it('refuses an invitation from an invitee who may not invite', async () => {
    const alice = await aliceProfile();
    expect(() =>
      createInvitation({ ...alice.profile, can_invite: false }, alice.key, request(), NOW),
    ).toThrow("the profile 'lab' may not invite others");
  });
});

describe('verifyProfilePolicy', () => {
  it('accepts an accepted profile and flags a policy widened by hand', async () => {
    const { token } = createInvitation(admin, adminKey, request(), NOW);
    const accepted = await acceptInvitation(token, { ...installation('alice'), now: NOW });
    expect(verifyProfilePolicy(accepted.profile)).toEqual([]);
    expect(verifyProfilePolicy({ ...accepted.profile, policy: {} })).toEqual([
      "the profile's policy is not the one its invitation signed; the config file was changed by hand",
    ]);
    expect(verifyProfilePolicy(admin)).toEqual([]);
  });
});
