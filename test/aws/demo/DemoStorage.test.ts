import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoAccount } from '../../../source/aws/demo/createDemoAccount.js';
import { CloudError } from '../../../source/core/CloudError.js';
import { TAG } from '../../../source/core/ports.js';

function demoAccount() {
  const stateDir = mkdtempSync(join(tmpdir(), 'cws-demo-storage-'));
  return createDemoAccount({ stateDir, env: { CWS_DEMO_SPEED: '0' } });
}

describe('DemoStorage deletion', () => {
  it('deletes a file system with its mount targets and access points, then says it is gone', async () => {
    const { storage } = demoAccount();
    const created = await storage.createFileSystem('us-east-1', 'lab-share', { [TAG.managed]: 'true' });
    await storage.ensureMountTarget('us-east-1', created.id, undefined);
    await storage.ensureAccessPoint('us-east-1', created.id, { username: 'alice', uid: 2001, gid: 2001 }, {});
    const other = await storage.createFileSystem('us-east-1', 'keep', { [TAG.managed]: 'true' });

    await storage.deleteFileSystem('us-east-1', created.id);

    expect((await storage.listFileSystems(['us-east-1'])).map((fs) => fs.id)).toEqual([other.id]);
    expect(await storage.listAccessPoints('us-east-1', created.id)).toEqual([]);
    const again = await storage.deleteFileSystem('us-east-1', created.id).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(CloudError);
    expect(again).toMatchObject({ code: 'FileSystemNotFound', kind: 'not-found' });
  });

  it('refuses a file system in another region, leaving it', async () => {
    const { storage } = demoAccount();
    const created = await storage.createFileSystem('us-east-1', 'lab-share', { [TAG.managed]: 'true' });
    await expect(storage.deleteFileSystem('eu-west-1', created.id)).rejects.toMatchObject({
      code: 'FileSystemNotFound',
    });
    expect(await storage.listFileSystems(['us-east-1'])).toHaveLength(1);
  });
});
