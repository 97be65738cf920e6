import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NetworkSettingsStore } from '../../../source/core/network/NetworkSettingsStore.js';

const dir = () => mkdtempSync(join(tmpdir(), 'cws-net-'));

describe('NetworkSettingsStore', () => {
  it('records a subnet per profile and region, and the SSH CIDR per profile', async () => {
    const store = new NetworkSettingsStore(dir());
    await store.recordRegion('lab', 'eu-central-1', {
      subnet_id: 'subnet-0aaa1111',
      vpc_id: 'vpc-0lz',
      recorded_at: '2026-12-05T22:00:00.000Z',
    });
    await store.setSshCidr('lab', '203.0.113.0/24');
    expect(await store.choice('lab', 'eu-central-1')).toEqual({
      subnet_id: 'subnet-0aaa1111',
      ssh_cidr: '203.0.113.0/24',
    });
    expect(await store.choice('lab', 'us-east-1')).toEqual({ ssh_cidr: '203.0.113.0/24' });
    expect(await store.choice('other', 'eu-central-1')).toEqual({});
    expect(await store.forgetRegion('lab', 'eu-central-1')).toBe(true);
    expect(await store.choice('lab', 'eu-central-1')).toEqual({ ssh_cidr: '203.0.113.0/24' });
    await store.setSshCidr('lab', undefined);
    expect(await store.choice('lab', 'eu-central-1')).toEqual({});
  });

  it('refuses a CIDR wider than /16 unless forced, and keeps the forced one usable', async () => {
    const store = new NetworkSettingsStore(dir());
    await expect(store.setSshCidr('lab', '10.0.0.0/8')).rejects.toThrow(/wider than a \/16/);
    await store.setSshCidr('lab', '10.0.0.0/8', { force: true });
    expect(await store.choice('lab', 'us-east-1')).toEqual({ ssh_cidr: '10.0.0.0/8' });
  });

  it('fails closed on a CIDR edited into the file by hand', async () => {
    const configDir = dir();
    writeFileSync(
      join(configDir, 'network.json'),
      JSON.stringify({ profiles: { lab: { ssh_cidr: '0.0.0.0/0', regions: {} } } }),
    );
    await expect(new NetworkSettingsStore(configDir).choice('lab', 'us-east-1')).rejects.toThrow(
      /whole internet/,
    );
  });

  it('sets an unreadable file aside and says so', async () => {
    const configDir = dir();
    writeFileSync(join(configDir, 'network.json'), '{"profiles": ');
    const store = new NetworkSettingsStore(configDir);
    expect(await store.choice('lab', 'us-east-1')).toEqual({});
    expect(store.problem).toContain('kept as');
    expect(readdirSync(configDir).some((file) => file.startsWith('network.json.bak-'))).toBe(true);
    await store.setSshCidr('lab', '203.0.113.0/24');
    expect(JSON.parse(readFileSync(join(configDir, 'network.json'), 'utf8')).profiles.lab.ssh_cidr).toBe(
      '203.0.113.0/24',
    );
  });
});
