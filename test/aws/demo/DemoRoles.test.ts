import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoAccount } from '../../../source/aws/demo/createDemoAccount.js';
import { DemoRoles } from '../../../source/aws/demo/DemoRoles.js';
import { DEMO_ACCOUNT_ID } from '../../../source/aws/demo/demoState.js';
import { CloudError } from '../../../source/core/CloudError.js';

describe('DemoRoles', () => {
  it('answers the profile the app would create on AWS, in the demo account', async () => {
    const roles = new DemoRoles({});
    expect(await roles.ensureWorkstationInstanceProfile()).toBe(
      `arn:aws:iam::${DEMO_ACCOUNT_ID}:instance-profile/cws-tui/cws-tui-workstation`,
    );
  });

  it('takes the instance profile CWS_INSTANCE_PROFILE names, as the AWS account does', async () => {
    const roles = new DemoRoles({ CWS_INSTANCE_PROFILE: 'lab-workstations' });
    expect(await roles.ensureWorkstationInstanceProfile()).toBe('lab-workstations');
  });

  it('refuses a CWS_INSTANCE_PROFILE that is not a profile name or ARN, saying which setting', async () => {
    const roles = new DemoRoles({ CWS_INSTANCE_PROFILE: 'lab workstations' });
    const error = await roles.ensureWorkstationInstanceProfile().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(CloudError);
    expect((error as CloudError).kind).toBe('invalid-parameter');
    expect((error as CloudError).message).toContain('CWS_INSTANCE_PROFILE="lab workstations"');
  });

  it('is the roles port of the demo account', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'cws-demo-roles-'));
    const account = createDemoAccount({ stateDir, env: { CWS_INSTANCE_PROFILE: 'lab-workstations' } });
    expect(await account.roles.ensureWorkstationInstanceProfile()).toBe('lab-workstations');
  });
});
