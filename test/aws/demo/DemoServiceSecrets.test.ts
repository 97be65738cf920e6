import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoAccount } from '../../../source/aws/demo/createDemoAccount.js';
import { renderUserData } from '../../../source/core/provisioning/renderUserData.js';
import { researchUser, rResearchTemplate } from '../../core/provisioning/provisioningFixtures.js';

describe("the demo account's Parameter Store for service secrets", () => {
  it('holds the secret the boot script makes, from the services stage on, as on AWS', async () => {
    let clock = Date.parse('2026-11-02T10:00:00Z');
    const account = createDemoAccount({
      stateDir: mkdtempSync(join(tmpdir(), 'cws-demo-secrets-')),
      env: { CWS_DEMO_SPEED: '1' },
      now: () => clock,
    });
    const userData = renderUserData({
      template: rResearchTemplate,
      distro: 'ubuntu',
      user: researchUser,
      launch_id: 'req-demo',
    });
    const { id } = await account.compute.runInstance({
      region: 'us-east-1',
      name: 'stats',
      image_id: 'ami-0123456789abcdef0',
      instance_type: 't3.medium',
      user_data_base64: userData.payload.toString('base64'),
      client_token: 'req-demo',
      tags: { 'cws:managed': 'true' },
      root_volume_gb: 30,
      root_volume_type: 'gp3',
      spot: false,
      hibernation: false,
    });
    expect(await account.secrets.readServiceSecret('us-east-1', id, 'rstudio')).toBeUndefined();
    clock += 10 * 60_000;
    const secret = await account.secrets.readServiceSecret('us-east-1', id, 'rstudio');
    expect(secret).toMatch(/^[0-9a-f]{48}$/);
    expect(userData.script).not.toContain(secret);
    expect(await account.secrets.readServiceSecret('us-east-1', id, 'rstudio')).toBe(secret);
    expect(await account.secrets.readServiceSecret('us-east-1', id, 'jupyter')).toBeUndefined();
  });

  it('keeps no secrets field for an instance whose boot makes none', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'cws-demo-secrets-'));
    const account = createDemoAccount({ stateDir, env: { CWS_DEMO_SPEED: '0' } });
    const { id } = await account.compute.runInstance({
      region: 'us-east-1',
      name: 'plain',
      image_id: 'ami-0123456789abcdef0',
      instance_type: 't3.medium',
      user_data_base64: '',
      client_token: 'req-plain',
      tags: { 'cws:managed': 'true' },
      root_volume_gb: 30,
      root_volume_type: 'gp3',
      spot: false,
      hibernation: false,
    });
    const state = JSON.parse(readFileSync(join(stateDir, 'demo-account.json'), 'utf8'));
    const [stored] = state.instances;
    expect(stored.id).toBe(id);
    expect(stored).not.toHaveProperty('service_secrets');
    expect(await account.secrets.readServiceSecret('us-east-1', id, 'rstudio')).toBeUndefined();
  });
});
