import { describe, expect, it, vi } from 'vitest';
import { FSX_MOUNT_TAG } from '../../../source/core/fsx/fsxTags.js';
import { TAG } from '../../../source/core/ports.js';
import { parseFsxCreateLine } from '../../../source/screens/Storage/parseFsxCreateLine.js';
import { openDemoSession, seedWorkstation } from '../../app/demoSession.js';
import { KEYS } from '../../app/fakeTerminal.js';
import { auditLog, openStoragePage } from './storagePage.js';

describe('parseFsxCreateLine', () => {
  it('takes the type and name, then a capacity and a deployment in either order', () => {
    expect(parseFsxCreateLine(' lustre  scratch persistent2 2.4TiB ')).toMatchObject({
      type: 'lustre',
      name: 'scratch',
      deployment: 'persistent2',
      capacity: '2.4TiB',
    });
    expect(parseFsxCreateLine('openzfs lab-data 256')).toMatchObject({ type: 'openzfs', capacity: '256' });
    expect(parseFsxCreateLine('lustre')).toMatch(/^Type the type and a name/);
    expect(parseFsxCreateLine('lustre x 1200 fast')).toMatch(/'fast' is neither a capacity nor a deployment/);
    expect(parseFsxCreateLine('lustre x 1200 2400')).toMatch(/'2400' is neither/);
  });
});

describe('the storage page lists FSx next to EFS and creates and deletes it, priced (issue 21)', () => {
  it('shows EFS, Lustre and OpenZFS side by side with type, size, throughput, price and mounts', async () => {
    const session = await openDemoSession();
    const region = session.info.region;
    const share = await session.account.storage.createFileSystem(region, 'lab-share', {
      [TAG.managed]: 'true',
    });
    const zfs = await session.account.fsx.createFileSystem(region, {
      name: 'lab-data',
      type: 'openzfs',
      deployment: 'single-az-1',
      capacity_gib: 256,
      throughput: 64,
      tags: { [TAG.managed]: 'true' },
    });
    await seedWorkstation(session, 'thesis', { tags: { [TAG.efs]: share.id, [FSX_MOUNT_TAG]: zfs.id } });
    await vi.waitFor(async () => expect((await session.listWorkstations())[0]?.state).toBe('running'));
    const view = await openStoragePage(session, 'File systems (2)');
    const frame = await view.waitFor(/lab-data .*OpenZFS/);
    expect(frame).toMatch(/NAME +TYPE +ID +REGION +STATE +SIZE +THROUGHPUT +\$\/MONTH +MOUNTED BY/);
    expect(frame).toMatch(
      /lab-share +EFS +fs-\w+ +us-east-1 +available +[\d.]+ \w?i?B +elastic +\d+\.\d\d +thesis/,
    );
    // 256 GiB × $0.09 + 64 MB/s × $0.26 + backups 256 GiB × $0.05 = $52.48 a month.
    expect(frame).toMatch(/lab-data +OpenZFS +fs-\w+ +us-east-1 +\w+ +256 GiB +64 MB\/s +52\.48 +thesis/);

    // Mounted: the delete is refused and says by whom.
    await view.type('j');
    await view.type('d');
    await view.waitFor('stops costing $52.48 a month');
    await view.type(`lab-data${KEYS.enter}`);
    await view.waitFor('is mounted by thesis: nothing was deleted');
    expect(await session.account.fsx.listFileSystems([region])).toHaveLength(1);
  });

  it('creates Lustre from one typed line: nearest valid capacity first, then the price, then the name', async () => {
    const session = await openDemoSession();
    const view = await openStoragePage(session, 'File systems (0)');
    await view.type('f');
    await view.waitFor('Create an FSx file system in us-east-1');
    await view.type(`lustre scratch 1000${KEYS.enter}`);
    await view.waitFor(/1200/);
    for (let i = 0; i < 4; i++) await view.type(KEYS.backspace);
    await view.type(`1200${KEYS.enter}`);
    // 1200 GiB × $0.14 = $168.00 a month (scratch2).
    await view.waitFor('$168.00 a month until deleted');
    expect(await session.account.fsx.listFileSystems([session.info.region])).toEqual([]);
    await view.type(`scratch${KEYS.enter}`);
    await view.waitFor(
      /scratch +Lustre scratch2 +fs-\w+ +us-east-1 +\w+ +1200 GiB +200 MB\/s\/TiB +168\.00 +-/,
    );
    expect(await auditLog(session)).toContain('"action":"fsx-create"');

    await view.type('d');
    await view.waitFor('stops costing $168.00 a month');
    await view.type(`scratch${KEYS.enter}`);
    await view.waitFor('is being deleted');
    expect(await auditLog(session)).toContain('"action":"fsx-delete"');
  });
});
