import { describe, expect, it, vi } from 'vitest';
import { TAG } from '../../../source/core/ports.js';
import { openDemoSession, seedWorkstation } from '../../app/demoSession.js';
import { KEYS } from '../../app/fakeTerminal.js';
import { auditLog, openStoragePage } from './storagePage.js';

describe('the storage page changes EFS, each step confirmed (issue 19)', () => {
  it('labels tabs by name with their counts, and shows a hibernated workstation and a data volume', async () => {
    const session = await openDemoSession();
    await seedWorkstation(session, 'thesis', { hibernation: true });
    const [thesis] = await session.listWorkstations();
    await session.account.compute.stopInstance(session.info.region, thesis?.id ?? '', { hibernate: true });
    await session.account.blockStorage.createVolume({
      region: session.info.region,
      availability_zone: thesis?.instance?.availability_zone ?? 'us-east-1a',
      size_gb: 50,
      type: 'gp3',
      client_token: 'storage-page-data',
      tags: { [TAG.managed]: 'true', Name: 'scratch' },
    });
    const view = await openStoragePage(session, 'File systems (0)');
    expect(view.lastFrame()).toMatch(/File systems \(0\)\*? {2}EFS access points \(0\) {2}EBS volumes \(2\)/);
    await view.type('3');
    const frame = await view.waitFor(/thesis +root .* hibernated/);
    expect(frame).toMatch(/- +data +vol-\w+ +us-east-1 +50 GiB gp3 +available/);
  });

  it('creates a file system from a typed name, and deletes it only once its name is typed', async () => {
    const session = await openDemoSession();
    await seedWorkstation(session, 'thesis');
    const view = await openStoragePage(session, 'File systems (0)');
    await view.type('c');
    await view.waitFor('Create an EFS file system in us-east-1');
    await view.type(`bad name!${KEYS.enter}`);
    await view.waitFor("the name 'bad name!' is not valid");
    for (let i = 0; i < 9; i++) await view.type(KEYS.backspace);
    await view.type(`lab-share${KEYS.enter}`);
    await view.waitFor(/lab-share .* us-east-1 +available/);
    expect(view.lastFrame()).toContain('File systems (1)');
    expect(await auditLog(session)).toContain('"action":"efs-create"');

    await view.type('d');
    await view.waitFor('Every file on it is lost');
    await view.type(`lab${KEYS.enter}`);
    expect((await session.listStorage()).file_systems).toHaveLength(1);
    await view.type(`-share${KEYS.enter}`);
    await view.waitFor('is being deleted');
    await view.waitFor('File systems (0)');
    expect(await auditLog(session)).toContain('"action":"efs-delete"');
  });

  it('refuses to delete a mounted file system, unmounts it from a typed workstation, then deletes it', async () => {
    const session = await openDemoSession();
    const share = await session.account.storage.createFileSystem(session.info.region, 'lab-share', {
      [TAG.managed]: 'true',
    });
    await seedWorkstation(session, 'thesis', { tags: { [TAG.efs]: share.id } });
    await vi.waitFor(async () => expect((await session.listWorkstations())[0]?.state).toBe('running'));
    const view = await openStoragePage(session, 'lab-share');

    await view.type('d');
    await view.waitFor('Every file on it is lost');
    await view.type(`lab-share${KEYS.enter}`);
    await view.waitFor('is mounted by thesis: nothing was deleted');

    await view.type('u');
    await view.waitFor('Workstation (thesis):');
    await view.type(`other${KEYS.enter}`);
    await view.waitFor('Type one of: thesis');
    for (let i = 0; i < 5; i++) await view.type(KEYS.backspace);
    await view.type(`thesis${KEYS.enter}`);
    await view.waitFor('Unmounted lab-share from thesis');
    expect(await auditLog(session)).toContain('"action":"efs-unmount"');

    await view.type('d');
    await view.waitFor('Every file on it is lost');
    await view.type(`lab-share${KEYS.enter}`);
    await view.waitFor('is being deleted');
  });
});
