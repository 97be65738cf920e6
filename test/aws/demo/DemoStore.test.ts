import { mkdtempSync } from 'node:fs';
import { readFile, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoAccount } from '../../../source/aws/demo/createDemoAccount.js';
import { DemoStore } from '../../../source/aws/demo/DemoStore.js';

describe('DemoStore', () => {
  it("sees another process's write even when the file's mtime did not move (a coarse clock tick)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cws-demo-store-'));
    const mine = new DemoStore(dir);
    const other = new DemoStore(dir);
    await mine.update((state) => {
      state.next_serial = 1;
    });
    expect((await mine.read()).next_serial).toBe(1);
    const before = await stat(mine.path);
    await other.update((state) => {
      state.next_serial = 2;
    });
    // Within one tick of the kernel's clock, a write keeps the same mtime: only the inode differs.
    await utimes(mine.path, before.atime, before.mtime);
    expect((await mine.read()).next_serial).toBe(2);
  });

  it('keeps its own write when a read that loaded the file before it finishes after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cws-demo-store-'));
    const store = new DemoStore(dir);
    await store.update((state) => {
      state.next_serial = 1;
    });
    const slowRead = new DemoStore(dir);
    await slowRead.read();
    const [, written] = await Promise.all([
      store.read(),
      store.update((state) => {
        state.next_serial = 5;
        return state.next_serial;
      }),
    ]);
    expect(written).toBe(5);
    expect((await store.read()).next_serial).toBe(5);
  });

  it('writes one instance per line, which another process reads back as the same state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cws-demo-store-'));
    const account = createDemoAccount({ stateDir: dir, env: { CWS_DEMO_SPEED: '0' } });
    await account.compute.seed(
      [1, 2, 3].map((n) => ({
        region: 'us-east-1',
        name: `ws-${n}`,
        image_id: 'ami-0123456789abcdef0',
        instance_type: 't3.medium',
        user_data_base64: '',
        client_token: `seed-${n}`,
        tags: { 'cws:managed': 'true' },
        root_volume_gb: 30,
        root_volume_type: 'gp3',
        spot: false,
        hibernation: false,
      })),
    );
    const mine = new DemoStore(dir);
    const written = await mine.read();
    const text = await readFile(mine.path, 'utf8');
    expect(text.split('\n')).toHaveLength(3 + 3);
    expect(JSON.parse(text)).toEqual(written);
    expect(await new DemoStore(dir).read()).toEqual(written);
  });
});
