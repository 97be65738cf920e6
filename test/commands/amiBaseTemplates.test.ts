import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runTemplatesCommand } from '../../source/commands/templatesCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

const fixtures = fileURLToPath(new URL('../fixtures/cloudworkstation/bases', import.meta.url));
const environment = () => ({ ...testEnvironment(), CWS_TEMPLATE_PATH: fixtures });

const slugs = [
  'aws-deep-learning-ami-ami',
  'amazon-linux-2023-server',
  'rocky-9-lab-image',
  'al2023-ssm',
  'dlami-pytorch',
  'dlami-al2023-batch',
];

describe('AMI-based CloudWorkstation templates on the demo account', () => {
  it.each(slugs)('%s shows', async (slug) => {
    const { code, stdout } = await runCommand(runTemplatesCommand, ['show', slug], environment(), {
      json: true,
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ slug });
  });

  it('launches an AMI-based template with the AMI it names for the region and architecture', async () => {
    const env = environment();
    const { code, stdout } = await runCommand(runLaunchCommand, ['aws-deep-learning-ami-ami', 'dl'], env, {
      type: 'g4dn.xlarge',
      json: true,
    });
    expect(code).toBe(0);
    expect(stdout).toContain('ami-0c02fb55956c7d316');
  });

  it('launches a Deep Learning AMI base looked up through its public parameter', async () => {
    const { code } = await runCommand(runLaunchCommand, ['dlami-pytorch', 'torch'], environment(), {
      json: true,
    });
    expect(code).toBe(0);
  });

  it('stops at the image step with the fix when the template has no AMI for the architecture', async () => {
    await expect(
      runCommand(runLaunchCommand, ['aws-deep-learning-ami-ami', 'dl2'], environment(), {
        type: 't4g.medium',
        region: 'us-west-2',
      }),
    ).rejects.toThrow(/has no arm64 AMI for us-west-2.*add ami_config\.amis\.us-west-2\.arm64/);
  });
});
