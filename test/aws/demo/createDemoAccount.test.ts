import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDemoAccount } from '../../../source/aws/demo/createDemoAccount.js';
import { CloudError } from '../../../source/core/CloudError.js';
import type { RunInstanceRequest } from '../../../source/core/ports.js';

function request(overrides: Partial<RunInstanceRequest> = {}): RunInstanceRequest {
  return {
    region: 'us-east-1',
    name: 'analysis-1',
    image_id: 'ami-0123456789abcdef0',
    instance_type: 't3.medium',
    user_data_base64: Buffer.from(
      '#!/bin/bash\ncws_mark packages\ncws_mark services\ncws_mark ready\n',
    ).toString('base64'),
    client_token: 'launch-1',
    tags: { 'cws:managed': 'true', 'cws:template': 'python-ml' },
    root_volume_gb: 30,
    root_volume_type: 'gp3',
    spot: false,
    hibernation: false,
    ...overrides,
  };
}

describe('the demo account', () => {
  let stateDir: string;
  let clock: number;
  const now = () => clock;

  beforeEach(() => {
    stateDir = mkdtempSync(join(tmpdir(), 'cws-demo-'));
    clock = Date.parse('2026-11-02T10:00:00Z');
  });

  const account = (env: NodeJS.ProcessEnv = { CWS_DEMO_SPEED: '1' }) =>
    createDemoAccount({ stateDir, env, now });

  it('moves an instance through pending, running, stopping, stopped at a realistic pace', async () => {
    const { compute } = account();
    const launched = await compute.runInstance(request());
    expect(launched.state).toBe('pending');
    expect(launched.name).toBe('analysis-1');
    expect(launched.id).toMatch(/^i-0[0-9a-f]{16}$/);
    clock += 19_000;
    expect((await compute.findByClientToken('us-east-1', 'launch-1'))?.state).toBe('pending');
    clock += 2_000;
    expect((await compute.findByClientToken('us-east-1', 'launch-1'))?.state).toBe('running');

    await compute.stopInstance('us-east-1', launched.id, { hibernate: false });
    expect((await compute.findByClientToken('us-east-1', 'launch-1'))?.state).toBe('stopping');
    clock += 15_000;
    const stopped = await compute.findByClientToken('us-east-1', 'launch-1');
    expect(stopped?.state).toBe('stopped');
    expect(stopped?.hibernated).toBe(false);
    expect(stopped?.transitions.map((t) => t.state)).toEqual(['pending', 'running', 'stopping', 'stopped']);
  });

  it('runs the whole cycle at once with CWS_DEMO_SPEED=0, including hibernation', async () => {
    const { compute } = account({ CWS_DEMO_SPEED: '0' });
    const { id } = await compute.runInstance(request({ hibernation: true, instance_type: 'm7i.large' }));
    const state = async () => (await compute.findByClientToken('us-east-1', 'launch-1'))?.state;
    expect(await state()).toBe('running');
    await compute.stopInstance('us-east-1', id, { hibernate: true });
    const hibernated = await compute.findByClientToken('us-east-1', 'launch-1');
    expect(hibernated?.state).toBe('stopped');
    expect(hibernated?.hibernated).toBe(true);
    await compute.startInstance('us-east-1', id);
    expect(await state()).toBe('running');
    await compute.terminateInstance('us-east-1', id);
    expect(await state()).toBe('terminated');
    await expect(compute.startInstance('us-east-1', id)).rejects.toMatchObject({
      code: 'IncorrectInstanceState',
    });
  });

  it('refuses to stop an instance that is still pending, as EC2 does', async () => {
    const { compute } = account();
    const { id } = await compute.runInstance(request());
    await expect(compute.stopInstance('us-east-1', id, { hibernate: false })).rejects.toBeInstanceOf(
      CloudError,
    );
  });

  it('terminating a pending instance cancels its scheduled start', async () => {
    const { compute } = account();
    const { id } = await compute.runInstance(request());
    await compute.terminateInstance('us-east-1', id);
    clock += 60_000;
    const found = await compute.findByClientToken('us-east-1', 'launch-1');
    expect(found?.state).toBe('terminated');
    expect(found?.transitions.map((t) => t.state)).toEqual(['pending', 'shutting-down', 'terminated']);
  });

  it('returns the same instance for a retried client token', async () => {
    const { compute } = account();
    const first = await compute.runInstance(request());
    const second = await compute.runInstance(request({ name: 'ignored-on-retry' }));
    expect(second.id).toBe(first.id);
    const { items } = await compute.listInstances({ regions: ['us-east-1'] });
    expect(items).toHaveLength(1);
  });

  it('refuses hibernation for a type that cannot hibernate', async () => {
    const { compute } = account();
    await expect(
      compute.runInstance(request({ hibernation: true, instance_type: 'p3.2xlarge' })),
    ).rejects.toMatchObject({ kind: 'invalid-parameter' });
  });

  it('refuses an instance type that does not exist', async () => {
    const { compute } = account();
    await expect(compute.runInstance(request({ instance_type: 'q9.huge' }))).rejects.toMatchObject({
      code: 'InvalidParameterValue',
    });
    await expect(compute.runInstance(request({ instance_type: 'ml.t3.medium' }))).rejects.toMatchObject({
      code: 'InvalidParameterValue',
    });
  });

  it('simulates capacity errors in chosen zones and uses the next zone', async () => {
    const { compute } = account({ CWS_DEMO_SPEED: '0', CWS_DEMO_FAULTS: 'capacity=us-east-1a' });
    const launched = await compute.runInstance(request());
    expect(launched.availability_zone).toBe('us-east-1b');
    const full = account({
      CWS_DEMO_SPEED: '0',
      CWS_DEMO_FAULTS: 'capacity=us-west-2a,us-west-2b,us-west-2c',
    });
    await expect(
      full.compute.runInstance(request({ region: 'us-west-2', client_token: 'x' })),
    ).rejects.toMatchObject({
      kind: 'capacity',
      code: 'InsufficientInstanceCapacity',
    });
  });

  it('persists its state across a restart', async () => {
    const first = account({ CWS_DEMO_SPEED: '0' });
    const { id } = await first.compute.runInstance(request());
    const second = account({ CWS_DEMO_SPEED: '0' });
    const { items } = await second.compute.listInstances({ regions: ['us-east-1'] });
    expect(items.map((i) => i.id)).toEqual([id]);
  });

  it('survives a torn state file: keeps it as a backup and starts fresh', async () => {
    const first = account({ CWS_DEMO_SPEED: '0' });
    await first.compute.runInstance(request());
    const path = join(stateDir, 'demo-account.json');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.slice(0, Math.floor(text.length / 2)));
    const second = account({ CWS_DEMO_SPEED: '0' });
    const { items } = await second.compute.listInstances({ regions: ['us-east-1'] });
    expect(items).toEqual([]);
    expect(second.store.recoveredFrom).toMatch(/unreadable .* moved to .*demo-account\.json\.bak-/);
    expect(readdirSync(stateDir).some((f) => f.startsWith('demo-account.json.bak-'))).toBe(true);
  });

  it('sees changes another process made to the state file', async () => {
    const tui = account({ CWS_DEMO_SPEED: '0' });
    expect((await tui.compute.listInstances({ regions: ['us-east-1'] })).items).toHaveLength(0);
    const cli = account({ CWS_DEMO_SPEED: '0' });
    await cli.compute.runInstance(request());
    expect((await tui.compute.listInstances({ regions: ['us-east-1'] })).items).toHaveLength(1);
  });

  it('counts one request per page per region', async () => {
    const { compute } = account({ CWS_DEMO_SPEED: '0' });
    for (let n = 0; n < 3; n++) await compute.runInstance(request({ client_token: `t${n}` }));
    const result = await compute.listInstances({ regions: ['us-east-1', 'us-west-2'] });
    expect(result.items).toHaveLength(3);
    expect(result.requests).toBe(2);
  });

  it('seeds many workstations in one write and pages them 1,000 at a time', async () => {
    const { compute } = account({ CWS_DEMO_SPEED: '0' });
    const regions = ['us-east-1', 'us-west-2'];
    await compute.seed(
      Array.from({ length: 2500 }, (_, n) =>
        request({ client_token: `seed-${n}`, region: regions[n % 2] ?? 'us-east-1' }),
      ),
    );
    const result = await compute.listInstances({ regions });
    expect(result.items).toHaveLength(2500);
    expect(new Set(result.items.map((i) => i.id)).size).toBe(2500);
    expect(result.requests).toBe(4);
  });

  it('filters by tag', async () => {
    const { compute } = account({ CWS_DEMO_SPEED: '0' });
    await compute.runInstance(
      request({ client_token: 'a', tags: { 'cws:managed': 'true', 'cws:profile': 'lab' } }),
    );
    await compute.runInstance(
      request({ client_token: 'b', tags: { 'cws:managed': 'true', 'cws:profile': 'other' } }),
    );
    const { items } = await compute.listInstances({ regions: ['us-east-1'], tags: { 'cws:profile': 'lab' } });
    expect(items.map((i) => i.client_token)).toEqual(['a']);
  });

  it('replays the provisioning markers of the real user data on the console, gzip or not', async () => {
    const { compute } = account();
    const script = '#!/bin/bash\ncws_mark users\ncws_mark packages\ncws_mark ready\n';
    const { id } = await compute.runInstance(
      request({ user_data_base64: gzipSync(Buffer.from(script)).toString('base64') }),
    );
    expect(await compute.consoleOutput('us-east-1', id)).toBe('');
    clock += 20_000 + 8_000;
    expect(await compute.consoleOutput('us-east-1', id)).toBe('CWS-PROGRESS users\nCWS-PROGRESS packages\n');
    expect((await compute.findByClientToken('us-east-1', 'launch-1'))?.tags['cws:progress']).toBe('packages');
    clock += 4_000;
    expect(await compute.consoleOutput('us-east-1', id)).toContain('CWS-PROGRESS ready');
    expect((await compute.findByClientToken('us-east-1', 'launch-1'))?.tags['cws:progress']).toBe('ready');
  });

  it('creates file systems and one access point per research user', async () => {
    const { storage } = account({ CWS_DEMO_SPEED: '0' });
    const fs = await storage.createFileSystem('us-east-1', 'lab-share', { 'cws:managed': 'true' });
    expect(fs.state).toBe('available');
    const again = await storage.createFileSystem('us-east-1', 'lab-share', { 'cws:managed': 'true' });
    expect(again.id).toBe(fs.id);
    const ap = await storage.ensureAccessPoint(
      'us-east-1',
      fs.id,
      { username: 'alice', uid: 5001, gid: 5001 },
      {},
    );
    const same = await storage.ensureAccessPoint(
      'us-east-1',
      fs.id,
      { username: 'alice', uid: 5001, gid: 5001 },
      {},
    );
    expect(same.id).toBe(ap.id);
    expect(ap).toMatchObject({ uid: 5001, gid: 5001, root_directory: '/home/alice' });
    await expect(
      storage.ensureAccessPoint('us-east-1', 'fs-missing', { username: 'a', uid: 1, gid: 1 }, {}),
    ).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('gives a stable AMI id per region and image source', async () => {
    const { images } = account();
    const source = {
      kind: 'ssm' as const,
      parameter: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
    };
    const a = await images.resolveImage('us-east-1', source);
    expect(a).toMatch(/^ami-0[0-9a-f]{16}$/);
    expect(await images.resolveImage('us-east-1', source)).toBe(a);
    expect(await images.resolveImage('eu-west-1', source)).not.toBe(a);
  });
});
