import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../../source/aws/demo/createDemoAccount.js';
import type { DemoRoles } from '../../../source/aws/demo/DemoRoles.js';
import { LaunchDeniedError, LaunchError } from '../../../source/core/launch/LaunchError.js';
import type { LaunchProgress } from '../../../source/core/launch/LaunchProgress.js';
import { type LaunchContext, launchWorkstation } from '../../../source/core/launch/launchWorkstation.js';
import type { Policy } from '../../../source/core/policy/policySchema.js';
import type { UserDataInput } from '../../../source/core/provisioning/UserDataInput.js';
import { loadTemplateRegistry } from '../../../source/core/templates/loadTemplateRegistry.js';
import { demoLaunch } from './launchFixtures.js';

const content = fileURLToPath(new URL('../../fixtures/cloudworkstation/content', import.meta.url));
const registry = await loadTemplateRegistry({ searchPath: [{ directory: content, origin: 'env' }] });

describe('launching a CloudWorkstation template with parameters and S3 files on the demo account', () => {
  let account: DemoAccount;
  let inputs: UserDataInput[];
  let context: (policy?: Policy) => LaunchContext;

  beforeEach(() => {
    const launch = demoLaunch({ registry });
    ({ account, inputs } = launch);
    context = (policy = {}) => ({ ...launch.context, profile: { ...launch.context.profile, policy } });
  });

  it('grants the role exactly the objects this launch downloads, and passes --param values to the boot script', async () => {
    const progress: LaunchProgress[] = [];
    await launchWorkstation(
      {
        template: 's3-datasets',
        name: 'counts',
        spot: false,
        hibernation: false,
        instance_type: 'm7i.large',
        parameters: { dataset: 'tp53', with_reference: 'false' },
      },
      context(),
      (p) => progress.push(p),
    );
    const network = progress.find((p) => p.step === 'prepare-network' && p.status === 'done');
    expect(network?.detail).toContain('cws-tui-workstation may read 1 S3 object (cws-tui-files-s3-datasets)');
    const roles = account.roles as DemoRoles;
    expect(roles.inlinePolicies.get('cws-tui-files-s3-datasets')?.Statement[0]?.Resource).toEqual([
      'arn:aws:s3:::lab-data-example/counts/tp53.csv',
    ]);
    expect(inputs[0]?.parameters).toEqual({ dataset: 'tp53', with_reference: 'false' });
  });

  it('stops before any cost or grant when a --param value does not fit, naming it', async () => {
    const failure = await launchWorkstation(
      {
        template: 's3-datasets',
        name: 'counts',
        spot: false,
        hibernation: false,
        parameters: { dataset: 'kras' },
      },
      context(),
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LaunchError);
    expect((failure as LaunchError).step).toBe('resolve-template');
    expect((failure as LaunchError).message).toBe("parameter dataset: 'kras' is not one of brca, tp53");
    expect((account.roles as DemoRoles).inlinePolicies.size).toBe(0);
  });

  it('is denied when the policy does not allow the buckets its files come from', async () => {
    const failure = await launchWorkstation(
      {
        template: 's3-datasets',
        name: 'counts',
        spot: false,
        hibernation: false,
        instance_type: 'm7i.large',
      },
      context({ s3_file_buckets: { allow: ['lab-data-*'] } }),
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LaunchDeniedError);
    expect((failure as LaunchDeniedError).verdict.violations.map((v) => v.message)).toEqual([
      "the template 's3-datasets' downloads S3 files from 'lab.reference.example': the S3 bucket 'lab.reference.example' matches none of the allowed patterns (lab-data-*)",
    ]);
    expect((account.roles as DemoRoles).inlinePolicies.size).toBe(0);
  });
});
