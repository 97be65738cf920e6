import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { listStorage } from '../../../source/app/session/listStorage.js';
import type { Session } from '../../../source/app/session/Session.js';
import { createTheme } from '../../../source/app/theme.js';
import { type CloudAccount, type StudioPort, TAG } from '../../../source/core/ports.js';
import { formatBytes } from '../../../source/core/text/formatBytes.js';
import { openDemoSession, seedWorkstation } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

async function seededSession(): Promise<Session> {
  const session = await openDemoSession();
  await seedWorkstation(session, 'thesis');
  const { region } = session.info;
  const share = await session.account.storage.createFileSystem(region, 'lab-share', {
    [TAG.managed]: 'true',
  });
  await session.account.storage.ensureAccessPoint(
    region,
    share.id,
    { username: 'alice', uid: 5001, gid: 5001 },
    {
      [TAG.managed]: 'true',
    },
  );
  await session.account.storage.ensureAccessPoint(
    region,
    share.id,
    { username: 'bob', uid: 5002, gid: 5002 },
    {
      [TAG.managed]: 'true',
    },
  );
  await session.account.storage.createFileSystem(region, 'not-ours', {});
  return session;
}

async function openStorage(session: Session, size: { columns: number; rows: number }): Promise<RenderedTui> {
  tui = renderTui(
    <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
    size,
  );
  await tui.waitFor('thesis');
  await tui.type(':');
  await tui.waitFor(':dashboard');
  await tui.type(`storage${KEYS.enter}`);
  await tui.waitFor('lab-share');
  return tui;
}

describe.each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
])('the storage screen at $columns x $rows', (size) => {
  it('lists managed file systems, their access points and the root volumes', async () => {
    const view = await openStorage(await seededSession(), size);
    let frame = view.lastFrame();
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
    expect(frame).toMatch(
      size.columns >= 120
        ? /lab-share +EFS +fs-\w+ +us-east-1 +available +6\.0 KiB +elastic +0\.00 +-/
        : /lab-share +EFS +available +6\.0 KiB +0\.00/,
    );
    expect(frame).not.toContain('not-ours');

    await view.type(KEYS.tab);
    frame = view.lastFrame();
    expect(frame).toContain('POSIX identity');
    expect(frame).toMatch(/alice +lab-share +5001 +5001 /);
    expect(frame).toMatch(/bob +lab-share +5002 +5002 /);

    await view.type('3');
    frame = view.lastFrame();
    expect(frame).toContain('and data volumes (cws-tui volumes create)');
    expect(frame).toMatch(/thesis .*us-east-1 +30 GiB gp3 +running/);
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
  });

  it('filters the current list with /', async () => {
    const view = await openStorage(await seededSession(), size);
    await view.type('2');
    await view.type('/');
    await view.type(`bob${KEYS.enter}`);
    const frame = view.lastFrame();
    expect(frame).toMatch(/bob +lab-share/);
    expect(frame).not.toMatch(/alice +lab-share/);
  });
});

describe('the storage screen when listing fails', () => {
  it('says why and lists again with r', async () => {
    const session = await seededSession();
    const failing: Session = Object.create(session);
    let calls = 0;
    failing.listStorage = async () => {
      calls += 1;
      if (calls === 1) throw new Error('AccessDenied: elasticfilesystem:DescribeFileSystems');
      return session.listStorage();
    };
    tui = renderTui(
      <App openSession={() => Promise.resolve(failing)} theme={createTheme(false)} refreshMs={60_000} />,
      { columns: 80, rows: 24 },
    );
    await tui.waitFor('thesis');
    await tui.type(':');
    await tui.type(`storage${KEYS.enter}`);
    await tui.waitFor('Could not list storage: AccessDenied');
    await tui.type('r');
    await tui.waitFor('lab-share');
  });
});

describe('SageMaker Studio home file systems', () => {
  it("lists the Studio domain's home EFS beside the app's own, and says when SageMaker refuses", async () => {
    const session = await seededSession();
    await session.launchService({
      template: 'sagemaker-canvas',
      name: 'cv',
      spot: false,
      hibernation: false,
    });
    const [domain] = await session.account.studio.listDomains('us-east-1');
    const view = await openStorage(session, { columns: 170, rows: 40 });
    await view.waitFor('Studio homes');
    const frame = view.lastFrame();
    expect(frame).toMatch(
      new RegExp(
        `Studio homes \\(${domain?.id}\\) +EFS +${domain?.home_efs_file_system_id} +us-east-1 +- +- +- +- +- +- SageMaker`,
      ),
    );
    expect(frame).toMatch(/lab-share .* cws-tui\s*$/m);
    view.unmount();

    const refusing: Session = Object.create(session);
    refusing.listStorage = () => {
      const studio: StudioPort = Object.create(session.account.studio);
      studio.listDomains = async () => {
        throw new Error('AccessDenied: sagemaker:ListDomains');
      };
      const account: CloudAccount = { ...session.account, studio };
      return listStorage(account, session.info.regions);
    };
    const denied = await openStorage(refusing, { columns: 80, rows: 24 });
    const deniedFrame = denied.lastFrame();
    expect(deniedFrame).toContain("SageMaker Studio's home file systems could not be listed: AccessDenied");
    expect(deniedFrame).toContain('lab-share');
  });
});

describe('formatBytes', () => {
  it('uses binary units with one decimal', () => {
    expect(formatBytes(6144)).toBe('6.0 KiB');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GiB');
  });
});
