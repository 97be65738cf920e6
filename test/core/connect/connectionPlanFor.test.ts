import { describe, expect, it } from 'vitest';
import { CloudError } from '../../../source/core/CloudError.js';
import { type ConnectionSources, connectionPlanFor } from '../../../source/core/connect/connectionPlanFor.js';
import type { Instance } from '../../../source/core/ports.js';
import type { ResolvedTemplate } from '../../../source/core/templates/templateSchema.js';
import type { Workstation } from '../../../source/core/workstations/Workstation.js';

const instance: Instance = {
  id: 'i-0abc',
  name: 'stats',
  region: 'eu-west-1',
  state: 'running',
  instance_type: 't3.large',
  architecture: 'x86_64',
  image_id: 'ami-1',
  launched_at: '2026-11-26T00:00:00.000Z',
  public_ip: '3.1.2.3',
  private_ip: '172.31.0.9',
  spot: false,
  hibernation_configured: false,
  hibernated: false,
  root_volume_gb: 20,
  root_volume_type: 'gp3',
  tags: { 'cws:launch-id': 'req-1' },
  transitions: [],
};

const row: Workstation = {
  id: 'i-0abc',
  name: 'stats',
  kind: 'ec2',
  template: 'r-research',
  region: 'eu-west-1',
  state: 'running',
  hibernated: false,
  instance_type: 't3.large',
  launched_at: instance.launched_at,
  connect: 'web :8787',
  research_user: 'ana',
  instance,
};

const template = {
  slug: 'r-research',
  name: 'R',
  description: 'R',
  base: 'ubuntu-24.04',
  connection_type: 'web',
  services: [{ name: 'rstudio-server', port: 8787 }],
  inheritance_chain: ['r-research'],
  source: 'r-research.yml',
} as ResolvedTemplate;

function sources(serviceSecret: ConnectionSources['serviceSecret']): ConnectionSources & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    env: {},
    platform: 'linux',
    ssm: { aws_cli: true, plugin: true },
    template: async () => template,
    researchUser: async () => undefined,
    tokens: async () => undefined,
    serviceSecret: (workstation, service) => {
      asked.push(`${workstation.region} ${workstation.instance?.id} ${service}`);
      return serviceSecret(workstation, service);
    },
    endpoint: async () => {
      throw new Error('not a managed service');
    },
  };
}

describe('connectionPlanFor', () => {
  it("reads the service's secret from where the instance stored it, and shows it in the note", async () => {
    const from = sources(async () => 'c0ffee');
    const plan = await connectionPlanFor(row, from);
    expect(from.asked).toEqual(['eu-west-1 i-0abc rstudio']);
    expect(plan).toMatchObject({ kind: 'url', note: expect.stringContaining('with password c0ffee') });
  });

  it('says why there is no secret when Parameter Store refuses, and still plans the way in', async () => {
    const denied = new CloudError({
      kind: 'unauthorized',
      code: 'AccessDeniedException',
      message: 'ssm:GetParameter was denied',
      hint: 'Ask your admin',
    });
    const plan = await connectionPlanFor(
      row,
      sources(async () => {
        throw denied;
      }),
    );
    expect(plan).toMatchObject({
      kind: 'url',
      note: expect.stringMatching(
        /could not be read from Parameter Store \(ssm:GetParameter was denied\); on the instance it is in ~\/\.cws-tui\/rstudio\.secret/,
      ),
    });
  });

  it('asks nothing of a stopped workstation', async () => {
    const from = sources(async () => 'c0ffee');
    await connectionPlanFor({ ...row, state: 'stopped' }, from);
    expect(from.asked).toEqual([]);
  });
});
