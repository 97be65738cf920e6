import { describe, expect, it } from 'vitest';
import type { FsxFileSystem } from '../../../source/core/fsx/FsxFileSystem.js';
import { storageCostFindings } from '../../../source/core/fsx/storageCostFindings.js';
import type { Workstation } from '../../../source/core/workstations/Workstation.js';

const now = new Date('2026-12-06T00:00:00.000Z');
const fs = (overrides: Partial<FsxFileSystem>): FsxFileSystem => ({
  id: 'fs-0123456789abcdef0',
  name: 'scratch',
  region: 'us-east-1',
  type: 'lustre',
  deployment: 'scratch2',
  state: 'available',
  capacity_gib: 1200,
  throughput: 200,
  dns_name: 'fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com',
  backup_retention_days: 0,
  created_at: '2026-12-04T00:00:00.000Z',
  tags: { 'cws:managed': 'true' },
  ...overrides,
});
const mounting = (id: string) =>
  ({
    kind: 'ec2',
    name: 'box',
    region: 'us-east-1',
    state: 'running',
    instance: { tags: { 'cws:fsx': id } },
  }) as unknown as Workstation;

describe('storageCostFindings', () => {
  it('finds old scratch with the export-then-delete command, and idle file systems with their saving', () => {
    const old = fs({
      created_at: '2026-10-01T00:00:00.000Z',
      data_repository: {
        association_id: 'dra-1',
        s3_path: 's3://b/p/',
        file_system_path: '/data',
        auto_import: false,
        auto_export: false,
        state: 'available',
      },
    });
    const idle = fs({
      id: 'fs-0fedcba9876543210',
      name: 'lab-data',
      type: 'openzfs',
      deployment: 'single-az-1',
      capacity_gib: 512,
      throughput: 128,
      created_at: '2026-11-01T00:00:00.000Z',
      backup_retention_days: 7,
    });
    const used = fs({ id: 'fs-0aaaaaaaaaaaaaaaa', name: 'used', created_at: '2026-11-20T00:00:00.000Z' });
    const findings = storageCostFindings([old, idle, used], [mounting(old.id), mounting(used.id)], now);
    expect(findings).toEqual([
      {
        kind: 'old-scratch',
        file_system_id: old.id,
        name: 'scratch',
        monthly_saving_usd: 168,
        why: 'scratch file system 66 days old (scratch lives 30): its data is not replicated',
        command: `cws-tui storage task ${old.id} export && cws-tui storage delete ${old.id} --yes`,
      },
      {
        kind: 'idle-file-system',
        file_system_id: idle.id,
        name: 'lab-data',
        monthly_saving_usd: 104.96,
        why: 'no workstation mounts it, 35 days after it was created',
        command: `cws-tui storage delete ${idle.id} --yes`,
      },
    ]);
  });

  it('finds nothing for a new or mounted file system', () => {
    expect(storageCostFindings([fs({})], [], now)).toEqual([]);
  });
});
