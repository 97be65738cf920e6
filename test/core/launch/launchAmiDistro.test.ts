import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../../source/aws/demo/createDemoAccount.js';
import { LaunchError } from '../../../source/core/launch/LaunchError.js';
import { type LaunchContext, launchWorkstation } from '../../../source/core/launch/launchWorkstation.js';
import type { ImagePort } from '../../../source/core/ports.js';
import type { UserDataInput } from '../../../source/core/provisioning/UserDataInput.js';
import { parseTemplate } from '../../../source/core/templates/parseTemplate.js';
import { buildTemplateRegistry } from '../../../source/core/templates/TemplateRegistry.js';
import { demoLaunch } from './launchFixtures.js';

// A lab's own AMI, named per region and architecture, that says nothing of its Linux.
const labImage = parseTemplate(
  'name: Lab image\nslug: lab-image\nbase: ami-based\nami_config:\n  amis:\n    us-east-1: {x86_64: ami-0123456789abcdef0}\nservices:\n  - name: jupyter\n',
  { file: '/t/lab-image.yml' },
).loaded!;
// The same lab publishing its current image under its own SSM parameter.
const labParameter = parseTemplate(
  'name: Lab parameter\nslug: lab-parameter\nbase: ami-based\nami_config:\n  ssm_parameter: /lab/images/current\nservices:\n  - name: jupyter\n',
  { file: '/t/lab-parameter.yml' },
).loaded!;
const registry = buildTemplateRegistry([labImage, labParameter]);
const request = { template: 'lab-image', name: 'lab', spot: false, hibernation: false, region: 'us-east-1' };

describe('launching AMIs whose template names no Linux', () => {
  let account: DemoAccount;
  let inputs: UserDataInput[];
  let context: LaunchContext;

  beforeEach(() => {
    ({ account, inputs, context } = demoLaunch({ registry }));
  });

  it('makes the boot script for the Linux the image says it runs', async () => {
    const asked: string[] = [];
    (account.images as ImagePort).imageDistro = async (region, imageId) => {
      asked.push(`${region} ${imageId}`);
      return 'rocky';
    };
    await launchWorkstation({ ...request, instance_type: 'm7i.large' }, context);
    expect(asked).toEqual(['us-east-1 ami-0123456789abcdef0']);
    expect(inputs.map((input) => input.distro)).toEqual(['rocky']);
  });

  it('asks the image an SSM parameter resolves to, when the parameter names no Linux', async () => {
    const asked: string[] = [];
    (account.images as ImagePort).imageDistro = async (region, imageId) => {
      asked.push(`${region} ${imageId}`);
      return 'ubuntu';
    };
    await launchWorkstation({ ...request, template: 'lab-parameter', instance_type: 'm7i.large' }, context);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^us-east-1 ami-[0-9a-f]{8,17}$/);
    expect(inputs.map((input) => input.distro)).toEqual(['ubuntu']);
  });

  it('stops before anything is created when the image does not say, naming ami_config.distro', async () => {
    const failure = await launchWorkstation({ ...request, instance_type: 'm7i.large' }, context).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(LaunchError);
    expect((failure as LaunchError).step).toBe('resolve-image');
    expect((failure as LaunchError).message).toBe(
      'cannot tell which Linux the AMI ami-0123456789abcdef0 runs (its platform, name and description name none of Ubuntu, Rocky Linux, Amazon Linux 2023): add ami_config.distro: ubuntu, rocky or al2023 to the template',
    );
    expect(inputs).toEqual([]);
    expect((await account.compute.listInstances({ regions: ['us-east-1'] })).items).toEqual([]);
  });
});
