import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runTemplatesCommand } from '../../source/commands/templatesCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

const fixtures = fileURLToPath(new URL('../fixtures/cloudworkstation/bases', import.meta.url));
const environment = () => ({ ...testEnvironment(), CWS_TEMPLATE_PATH: fixtures });

const slugs = [
  'data-analysis',
  'graviton-gpu',
  'memory-genomics',
  'vscode-julia',
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

  it('templates list finds the subfolders and shows each file by its path below the search folder', async () => {
    const env = environment();
    const table = await runCommand(runTemplatesCommand, ['list'], env);
    expect(table.stdout).toMatch(/^memory-genomics .* CWS_TEMPLATE_PATH sizes\/own-sizes\.yml$/m);
    expect(table.stdout).toMatch(
      /^data-analysis .* M-XL GPU-S-GPU-XL +CWS_TEMPLATE_PATH sizes\/cpu-global-sizes\.yml$/m,
    );
    expect(table.stdout).toMatch(/^python-ml .* built-in python-ml\.yml$/m);
    const json = JSON.parse(
      (await runCommand(runTemplatesCommand, ['list'], env, { json: true })).stdout,
    ) as {
      slug: string;
      path: string;
      sizes: Record<string, string>;
    }[];
    expect(json.find((entry) => entry.slug === 'graviton-gpu')).toMatchObject({
      path: 'sizes/gpu-arm64-sizes.yml',
      sizes: {
        'GPU-S': 'g5g.xlarge',
        'GPU-M': 'g5g.2xlarge',
        'GPU-L': 'g5g.4xlarge',
        'GPU-XL': 'g5g.16xlarge',
      },
    });
  });

  it('launches with a global size, refuses one below the minimum, and launches previous-generation types', async () => {
    const env = environment();
    const large = await runCommand(runLaunchCommand, ['data-analysis', 'big'], env, {
      size: 'L',
      json: true,
    });
    expect(large.stdout).toContain('t3.xlarge');
    await expect(
      runCommand(runLaunchCommand, ['data-analysis', 'small'], env, { size: 'S' }),
    ).rejects.toThrow("data-analysis needs at least size M, not 'S'");
    const genomics = await runCommand(runLaunchCommand, ['memory-genomics', 'genome'], env, { json: true });
    expect(genomics.stdout).toContain('r5.2xlarge');
    const old = await runCommand(runLaunchCommand, ['data-analysis', 'old'], env, {
      type: 'c5.2xlarge',
      json: true,
    });
    expect(old.code).toBe(0);
    expect(old.stdout).toContain('c5.2xlarge');
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
