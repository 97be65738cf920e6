import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STUDIO_APPS_PER_TYPE } from '../../../source/aws/demo/checkAppCreation.js';
import { createDemoAccount } from '../../../source/aws/demo/createDemoAccount.js';
import { DEMO_STUDIO_DELAYS_SECONDS } from '../../../source/aws/demo/demoStudioDelays.js';
import { rejectionOf } from '../rejectionOf.js';

const R = 'us-west-2';

describe('SageMaker in the demo account', () => {
  let stateDir: string;
  let clock: number;
  const now = () => clock;
  const advance = (seconds: number) => {
    clock += seconds * 1000;
  };
  const account = (env: NodeJS.ProcessEnv = { CWS_DEMO_SPEED: '1' }) =>
    createDemoAccount({ stateDir, env, now });

  beforeEach(() => {
    stateDir = mkdtempSync(join(tmpdir(), 'cws-demo-studio-'));
    clock = Date.parse('2026-11-26T10:00:00Z');
  });

  async function domainInService() {
    const { studio } = account();
    const domain = await studio.ensureDomain(R, { name: 'cws-tui', tags: { 'cws:managed': 'true' } });
    advance(DEMO_STUDIO_DELAYS_SECONDS.domainCreation);
    await studio.ensureUserProfile(R, domain.id, 'cws-ana', {});
    advance(DEMO_STUDIO_DELAYS_SECONDS.profileCreation);
    return { studio, domain };
  }

  it('a domain goes from Pending to InService on the clock, with a home EFS and a Studio URL', async () => {
    const { studio } = account();
    const domain = await studio.ensureDomain(R, { name: 'cws-tui', tags: {} });
    expect(domain).toMatchObject({ status: 'Pending', name: 'cws-tui', region: R });
    expect(domain.id).toMatch(/^d-[0-9a-f]{12}$/);
    expect(domain.url).toBe(`https://${domain.id}.studio.${R}.sagemaker.aws`);
    expect(domain.home_efs_file_system_id).toMatch(/^fs-/);
    advance(DEMO_STUDIO_DELAYS_SECONDS.domainCreation - 1);
    expect((await studio.listDomains(R))[0]?.status).toBe('Pending');
    advance(1);
    expect((await studio.listDomains(R))[0]?.status).toBe('InService');
    // Found again rather than created twice; another region has none.
    expect((await studio.ensureDomain(R, { name: 'cws-tui', tags: {} })).id).toBe(domain.id);
    expect(await studio.listDomains('eu-west-1')).toEqual([]);
  });

  it('refuses a user profile while the domain is still Pending', async () => {
    const { studio } = account();
    const domain = await studio.ensureDomain(R, { name: 'cws-tui', tags: {} });
    const error = await rejectionOf(studio.ensureUserProfile(R, domain.id, 'cws-ana', {}));
    expect(error).toMatchObject({
      code: 'ResourceInUse',
      message: `the domain ${domain.id} is Pending, not InService`,
    });
  });

  it('apps go Pending -> InService, and Deleting -> Deleted, on the clock', async () => {
    const { studio, domain } = await domainInService();
    await studio.ensureSpace(R, {
      domain_id: domain.id,
      name: 'nb',
      owner_profile: 'cws-ana',
      app_type: 'JupyterLab',
      instance_type: 'ml.t3.medium',
      idle_timeout_minutes: 60,
      tags: {},
    });
    advance(DEMO_STUDIO_DELAYS_SECONDS.spaceCreation);
    const app = await studio.createApp(R, {
      domain_id: domain.id,
      type: 'JupyterLab',
      owner: { space: 'nb' },
      instance_type: 'ml.t3.medium',
      tags: {},
    });
    expect(app.status).toBe('Pending');
    advance(DEMO_STUDIO_DELAYS_SECONDS.appPending);
    expect((await studio.listApps(R, domain.id))[0]?.status).toBe('InService');
    await studio.deleteApp(R, app);
    expect((await studio.listApps(R, domain.id))[0]?.status).toBe('Deleting');
    advance(DEMO_STUDIO_DELAYS_SECONDS.appDeleting);
    expect((await studio.listApps(R, domain.id))[0]?.status).toBe('Deleted');
  });

  it('keeps SageMaker’s order: no space deleted with its app, no profile with its space, no domain with a profile', async () => {
    const { studio, domain } = await domainInService();
    await studio.ensureSpace(R, {
      domain_id: domain.id,
      name: 'nb',
      owner_profile: 'cws-ana',
      app_type: 'CodeEditor',
      instance_type: 'ml.t3.medium',
      idle_timeout_minutes: 60,
      tags: {},
    });
    advance(DEMO_STUDIO_DELAYS_SECONDS.spaceCreation);
    await studio.createApp(R, {
      domain_id: domain.id,
      type: 'CodeEditor',
      owner: { space: 'nb' },
      instance_type: 'ml.t3.medium',
      tags: {},
    });
    expect((await rejectionOf(studio.deleteSpace(R, domain.id, 'nb'))).message).toBe(
      'the space nb still has a CodeEditor app (Pending)',
    );
    expect((await rejectionOf(studio.deleteUserProfile(R, domain.id, 'cws-ana'))).message).toBe(
      'the user profile cws-ana still owns the space nb',
    );
    expect((await rejectionOf(studio.deleteDomain(R, domain.id))).message).toBe(
      `the domain ${domain.id} still has the user profile cws-ana`,
    );
  });

  it('answers ResourceLimitExceeded past the per-type limit, and for a second app of the same owner ResourceInUse', async () => {
    const { studio, domain } = await domainInService();
    for (let index = 0; index <= DEMO_STUDIO_APPS_PER_TYPE; index++) {
      await studio.ensureSpace(R, {
        domain_id: domain.id,
        name: `s${index}`,
        owner_profile: 'cws-ana',
        app_type: 'JupyterLab',
        instance_type: 'ml.g5.xlarge',
        idle_timeout_minutes: 60,
        tags: {},
      });
    }
    advance(DEMO_STUDIO_DELAYS_SECONDS.spaceCreation);
    const create = (space: string) =>
      studio.createApp(R, {
        domain_id: domain.id,
        type: 'JupyterLab',
        owner: { space },
        instance_type: 'ml.g5.xlarge',
        tags: {},
      });
    for (let index = 0; index < DEMO_STUDIO_APPS_PER_TYPE; index++) await create(`s${index}`);
    expect(await rejectionOf(create(`s${DEMO_STUDIO_APPS_PER_TYPE}`))).toMatchObject({
      kind: 'quota',
      code: 'ResourceLimitExceeded',
    });
    expect(await rejectionOf(create('s0'))).toMatchObject({ code: 'ResourceInUse' });
  });

  it('makes presigned URLs that look real, differ every time and expire in five minutes', async () => {
    const { studio, domain } = await domainInService();
    const first = await studio.presignedUrl(R, {
      domain_id: domain.id,
      profile: 'cws-ana',
      space: 'nb',
      landing: 'JupyterLab',
    });
    const second = await studio.presignedUrl(R, {
      domain_id: domain.id,
      profile: 'cws-ana',
      landing: 'Canvas',
    });
    expect(first.url).toMatch(
      new RegExp(
        `^https://${domain.id}\\.studio\\.${R}\\.sagemaker\\.aws/auth\\?token=[\\w-]{32}&space=nb&landing=app%3AJupyterLab%3A$`,
      ),
    );
    expect(new URL(second.url).searchParams.get('landing')).toBe('app:Canvas:');
    expect(new URL(first.url).searchParams.get('token')).not.toBe(
      new URL(second.url).searchParams.get('token'),
    );
    expect(Date.parse(first.expires_at) - clock).toBe(300_000);
    expect(
      await rejectionOf(
        studio.presignedUrl(R, { domain_id: domain.id, profile: 'cws-nobody', landing: 'Canvas' }),
      ),
    ).toMatchObject({
      kind: 'not-found',
    });
  });

  it('loads a state file written before SageMaker existed in the demo, and keeps its instances', async () => {
    const path = join(stateDir, 'demo-account.json');
    writeFileSync(
      path,
      JSON.stringify({
        version: 1,
        account: '123456789012',
        instances: [],
        file_systems: [],
        access_points: [],
        security_groups: { 'us-east-1': 'sg-1' },
        key_pairs: {},
        next_serial: 7,
      }),
    );
    const demo = account();
    expect(await demo.studio.listDomains(R)).toEqual([]);
    expect(demo.store.recoveredFrom).toBeUndefined();
    await demo.studio.ensureDomain(R, { name: 'cws-tui', tags: {} });
    const saved = JSON.parse(readFileSync(path, 'utf8')) as {
      security_groups: unknown;
      studio: { domains: unknown[] };
    };
    expect(saved.security_groups).toEqual({ 'us-east-1': 'sg-1' });
    expect(saved.studio.domains).toHaveLength(1);
  });
});
