import { describe, expect, it } from 'vitest';
import { openSession } from '../../../source/app/session/openSession.js';
import type { Workstation } from '../../../source/core/workstations/Workstation.js';
import { tempEnv } from '../demoSession.js';

const row = (progress: string): Workstation => ({
  id: 'i-0abc',
  name: 'ml',
  kind: 'ec2',
  template: 'python-ml',
  region: 'us-east-1',
  state: 'running',
  hibernated: false,
  instance_type: 'g5.xlarge',
  launched_at: '2026-11-26T00:00:00.000Z',
  connect: 'web :8888',
  progress,
});

describe("a workstation's setup, as the dashboard shows it", () => {
  it('is degraded, naming the parts that failed, when the boot finished without them', async () => {
    const session = await openSession({ env: { ...tempEnv(), USER: 'alice' }, demo: true });
    expect(await session.serviceHealth(row('degraded:conda,pip'))).toEqual({
      status: 'unhealthy',
      detail: 'setup finished without conda, pip (see /var/log/cws-setup.log)',
    });
    expect(await session.serviceHealth(row('failed:packages'))).toEqual({
      status: 'unhealthy',
      detail: 'failed:packages',
    });
    expect(await session.serviceHealth(row('ready'))).toMatchObject({ status: 'healthy' });
    expect(await session.serviceHealth(row('gpu-driver'))).toMatchObject({
      status: 'starting',
      detail: 'setup: gpu-driver',
    });
  });
});
