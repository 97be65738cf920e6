import { describe, expect, it } from 'vitest';
import type { FsxFileSystem } from '../../../source/core/fsx/FsxFileSystem.js';
import {
  efsWithoutIaFindings,
  overProvisionedThroughputFindings,
  storageCostFindings,
} from '../../../source/core/fsx/storageCostFindings.js';
import type { FileSystem } from '../../../source/core/ports.js';
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

  it('proposes the lowest throughput that carries the busiest hour with half again to spare', () => {
    const zfs = fs({
      id: 'fs-0fedcba9876543210',
      name: 'lab-data',
      type: 'openzfs',
      deployment: 'single-az-1',
      capacity_gib: 512,
      throughput: 1024,
    });
    const persistent = fs({ deployment: 'persistent2', capacity_gib: 2400, throughput: 1000 });
    const findings = overProvisionedThroughputFindings([
      // 150 MB/s × 1.5 = 225 MB/s: 256 MB/s carries it, saving (1024 - 256) × $0.26.
      { file_system: zfs, peak_mbps: 150 },
      // 2400 GiB: 250 MB/s/TiB carries 586 MB/s ≥ 380 × 1.5; $0.60 -> $0.21 a GB-month.
      { file_system: persistent, peak_mbps: 380 },
      // Scratch's throughput is fixed; no metrics says nothing.
      { file_system: fs({}), peak_mbps: 1 },
      {
        file_system: fs({ id: 'fs-0bbbbbbbbbbbbbbbb', deployment: 'persistent2', throughput: 500 }),
        peak_mbps: undefined,
      },
    ]);
    expect(findings.map((f) => [f.file_system_id, f.monthly_saving_usd, f.command])).toEqual([
      [persistent.id, 936, `cws-tui storage throughput ${persistent.id} 250 --region us-east-1`],
      [zfs.id, 199.68, `cws-tui storage throughput ${zfs.id} 256 --region us-east-1`],
    ]);
    expect(findings[1]?.why).toContain('moved 150 MB/s of the 1024 MB/s it pays for: 256 MB/s');
    // Busy enough for what it has: nothing to lower.
    expect(overProvisionedThroughputFindings([{ file_system: zfs, peak_mbps: 900 }])).toEqual([]);
  });

  it("finds EFS without a lifecycle to IA, with the most it saves at today's size", () => {
    const efs = (id: string, gib: number): FileSystem => ({
      id,
      name: id,
      region: 'eu-west-1',
      state: 'available',
      size_bytes: gib * 1024 ** 3,
      created_at: '2026-11-01T00:00:00.000Z',
      tags: { 'cws:managed': 'true' },
    });
    const findings = efsWithoutIaFindings([
      { file_system: efs('fs-0000000000000000a', 100), ia_days: undefined },
      { file_system: efs('fs-0000000000000000b', 500), ia_days: 30 },
    ]);
    expect(findings).toEqual([
      {
        kind: 'efs-without-ia',
        file_system_id: 'fs-0000000000000000a',
        name: 'fs-0000000000000000a',
        // 100 GiB × ($0.30 - $0.016)
        monthly_saving_usd: 28.4,
        why: expect.stringContaining('reads from IA are billed per GB'),
        command: 'cws-tui storage lifecycle fs-0000000000000000a 30 --region eu-west-1',
      },
    ]);
  });
});
