import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globusAuthSettings } from '../../../source/aws/globus/globusAuthSettings.js';
import { openLoopbackReplyChannel } from '../../../source/aws/globus/loopbackReplyChannel.js';
import { OpenIdGlobusAuth } from '../../../source/aws/globus/OpenIdGlobusAuth.js';
import { ConfigStore } from '../../../source/core/config/ConfigStore.js';
import type { Profile } from '../../../source/core/config/profileSchema.js';
import { GlobusSessionStore } from '../../../source/core/globus/GlobusSessionStore.js';
import { researchUserGlobusIdentity } from '../../../source/core/globus/researchUserGlobusIdentity.js';
import { signInWithGlobus } from '../../../source/core/globus/signInWithGlobus.js';
import { acceptInvitation } from '../../../source/core/identity/acceptInvitation.js';
import { createInvitation } from '../../../source/core/identity/createInvitation.js';
import { FileResearchUserStore } from '../../../source/core/identity/FileResearchUserStore.js';
import { PinnedRootStore } from '../../../source/core/identity/PinnedRootStore.js';
import { loadOrCreateSigningKey } from '../../../source/core/identity/signingKey.js';
import {
  followSignIn,
  type GlobusLikeProvider,
  JDOE,
  startGlobusLikeProvider,
  TEST_CLIENT_ID,
} from '../../support/globusLikeProvider.js';

let server: GlobusLikeProvider;
beforeAll(async () => {
  server = await startGlobusLikeProvider();
});
afterAll(() => server.close());

const admin: Profile = {
  name: 'admin',
  aws_profile: 'lab-admin',
  region: 'us-east-1',
  policy: {},
  policy_chain: [],
  kind: 'personal',
  role: 'admin',
  can_invite: false,
  created_at: new Date().toISOString(),
};

/** An invitee's machine: accepts `token`, signing in to the loopback server through the browser flow. */
async function acceptThroughGlobus(token: string) {
  const dir = await mkdtemp(join(tmpdir(), 'cws-globus-accept-'));
  const config = ConfigStore.open(join(dir, 'config'));
  const users = new FileResearchUserStore(join(dir, 'config'));
  const port = new OpenIdGlobusAuth({
    settings: globusAuthSettings({ CWS_GLOBUS_AUTH_URL: server.url, CWS_GLOBUS_CLIENT_ID: TEST_CLIENT_ID }),
  });
  const store = new GlobusSessionStore(join(dir, 'state'));
  const accepting = acceptInvitation(token, {
    config,
    users,
    keysDir: join(dir, 'state', 'keys'),
    pins: new PinnedRootStore(join(dir, 'state')),
    env: { CWS_SYSTEM_CONFIG: join(dir, 'no-system-config.yaml') },
    verifyGlobus: async () => {
      const channel = await openLoopbackReplyChannel({
        show(start) {
          void followSignIn(start.url, start.flow.redirect_uri).then((landed) => fetch(landed));
        },
      });
      return researchUserGlobusIdentity(await signInWithGlobus(port, store, channel), new Date());
    },
  });
  return { accepting, config, users };
}

async function invitation(idpDomain: string): Promise<string> {
  const key = await loadOrCreateSigningKey(await mkdtemp(join(tmpdir(), 'cws-globus-admin-')));
  return createInvitation(admin, key, {
    profile_name: 'lab',
    aws_profile: 'lab',
    region: 'us-west-2',
    username: 'jdoe',
    policy: {},
    expires_at: new Date(Date.now() + 3_600_000),
    can_invite: false,
    require_globus: { idp_domain: idpDomain },
  }).token;
}

describe('accepting an invitation that requires Globus, against a loopback OpenID server', () => {
  it('signs in for real, links the verified identity to the research user and records it in the profile', async () => {
    server.signInAs(JDOE);
    const { accepting, config } = await acceptThroughGlobus(await invitation('uni.edu'));
    const accepted = await accepting;
    expect(accepted.user.globus).toMatchObject({
      sub: JDOE.sub,
      username: 'jdoe@uni.edu',
      institution: 'University of Example',
    });
    expect(config.getProfile('lab')?.globus_identity).toMatchObject({
      sub: JDOE.sub,
      username: 'jdoe@uni.edu',
    });
  });

  it('refuses an identity from another domain and writes nothing', async () => {
    server.signInAs({ ...JDOE, sub: '9f1e2d3c-0000-4000-8000-000000000002', username: 'mallory@other.org' });
    const { accepting, config, users } = await acceptThroughGlobus(await invitation('uni.edu'));
    await expect(accepting).rejects.toThrow(
      'the Globus identity mallory@other.org is not from uni.edu, which this invitation requires',
    );
    expect(config.getProfile('lab')).toBeUndefined();
    expect(await users.list()).toEqual([]);
  });
});
