import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openSession } from '../../../source/app/session/openSession.js';
import { auditLogPath } from '../../../source/core/audit/appendAuditEvent.js';
import { LaunchDeniedError, LaunchError } from '../../../source/core/launch/LaunchError.js';
import type { LaunchProgress } from '../../../source/core/launch/LaunchProgress.js';
import { tempEnv } from '../../app/demoSession.js';

const quiet = { spot: false, hibernation: false };

describe('services side by side on the demo account', () => {
  it('launches a Studio space, a Canvas app and a code-server workstation, lists them with their cost', async () => {
    const env = { ...tempEnv(), USER: 'alice' };
    const session = await openSession({ env, demo: true });
    const steps: LaunchProgress[] = [];
    const studio = await session.launchService(
      { ...quiet, template: 'sagemaker-studio', name: 'notebooks', size: 'M' },
      (progress) => steps.push(progress),
    );
    expect(studio.workstation).toMatchObject({
      name: 'notebooks',
      kind: 'sagemaker-studio',
      state: 'running',
      instance_type: 'ml.m5.xlarge',
      research_user: 'alice',
      template: 'sagemaker-studio',
      connect: 'browser',
    });
    expect(studio.hourly_cost).toBeGreaterThan(0);
    expect(steps.filter((step) => step.status === 'done').map((step) => step.step)).toEqual([
      'resolve-template',
      'estimate-cost',
      'check-policy',
      'ensure-domain',
      'ensure-user-profile',
      'create-space',
      'create-app',
      'wait-in-service',
    ]);

    const canvas = await session.launchService({ ...quiet, template: 'sagemaker-canvas', name: 'no-code' });
    expect(canvas.workstation).toMatchObject({
      kind: 'sagemaker-canvas',
      state: 'running',
      hourly_cost: 1.9,
    });
    const vscode = await session.launchService({ ...quiet, template: 'vscode-server', name: 'editor' });
    expect(vscode.workstation).toMatchObject({ kind: 'ec2', state: 'running' });

    const rows = await session.listWorkstations();
    expect(rows.map((row) => [row.name, row.kind, row.state]).sort()).toEqual([
      ['editor', 'ec2', 'running'],
      ['no-code', 'sagemaker-canvas', 'running'],
      ['notebooks', 'sagemaker-studio', 'running'],
    ]);
    for (const row of rows) expect(row.hourly_cost).toBeGreaterThan(0);
    expect(await session.serviceHealth(rows.find((row) => row.name === 'notebooks')!)).toEqual({
      status: 'healthy',
      detail: 'JupyterLab app in service',
    });
  });

  it('stops and starts a space (the space stays), then terminates it: app first, then the space', async () => {
    const session = await openSession({ env: { ...tempEnv(), USER: 'bob' }, demo: true });
    const { workstation } = await session.launchService({
      ...quiet,
      template: 'sagemaker-studio',
      name: 'lab',
    });
    await session.stopWorkstation(workstation, { hibernate: false });
    expect((await session.refreshWorkstation(workstation))?.state).toBe('stopped');
    expect(await session.serviceHealth(workstation)).toMatchObject({ status: 'stopped' });
    await session.startWorkstation(workstation);
    const started = await session.refreshWorkstation(workstation);
    expect(started?.state).toBe('running');
    await session.terminateWorkstation(workstation);
    expect((await session.refreshWorkstation(workstation))?.state).toBe('terminated');
    expect(await session.listWorkstations()).toEqual([]);
  });

  it('says what a kind cannot do instead of failing somewhere else', async () => {
    const session = await openSession({ env: { ...tempEnv(), USER: 'carol' }, demo: true });
    const { workstation } = await session.launchService({
      ...quiet,
      template: 'sagemaker-canvas',
      name: 'c',
    });
    await expect(session.stopWorkstation(workstation, { hibernate: false })).rejects.toThrow(
      /Canvas has no stopped state/,
    );
    await expect(session.stopWorkstation(workstation, { hibernate: true })).rejects.toThrow(
      /Canvas has no stopped/,
    );
    const lab = await session.launchService({ ...quiet, template: 'sagemaker-studio-lab', name: 'free' });
    expect(lab.workstation).toMatchObject({ kind: 'studio-lab', hourly_cost: 0, state: 'running' });
    await expect(session.startWorkstation(lab.workstation)).rejects.toThrow(/Studio Lab has no AWS API/);
  });

  it('runs the same policy check: service type and ml.* instance types', async () => {
    const env: NodeJS.ProcessEnv = { ...tempEnv(), USER: 'dave' };
    const { ConfigStore } = await import('../../../source/core/config/ConfigStore.js');
    const config = ConfigStore.open(String(env.CWS_CONFIG_DIR));
    config.addProfile({
      name: 'lab',
      aws_profile: 'lab',
      region: 'us-east-1',
      policy: { instance_types: { allow: ['ml.t3.*'] }, service_types: ['sagemaker'] },
      policy_chain: [],
      kind: 'personal',
      role: 'member',
      can_invite: false,
      created_at: new Date().toISOString(),
    });
    const session = await openSession({ env, demo: true, profile: 'lab' });
    const denied = session.launchService({
      ...quiet,
      template: 'sagemaker-studio',
      name: 'big',
      size: 'GPU',
    });
    await expect(denied).rejects.toBeInstanceOf(LaunchDeniedError);
    await expect(denied).rejects.toThrow(/ml\.g5\.xlarge/);
    const allowed = await session.launchService({ ...quiet, template: 'sagemaker-studio', name: 'small' });
    expect(allowed.verdict.allowed).toBe(true);
    await expect(
      session.launchService({ ...quiet, template: 'vscode-server', name: 'ec2-not-allowed' }),
    ).rejects.toThrow(/service type 'ec2' is not allowed/);
  });

  it('refuses a second Canvas for the same user and a name in use by another kind', async () => {
    const session = await openSession({ env: { ...tempEnv(), USER: 'erin' }, demo: true });
    await session.launchService({ ...quiet, template: 'sagemaker-canvas', name: 'first' });
    await expect(
      session.launchService({ ...quiet, template: 'sagemaker-canvas', name: 'second' }),
    ).rejects.toThrow(/already has a Canvas app \('first'/);
    await expect(
      session.launchService({ ...quiet, template: 'sagemaker-studio', name: 'first' }),
    ).rejects.toThrow(/a service named 'first' already exists/);
    const again = await session.launchService({ ...quiet, template: 'sagemaker-canvas', name: 'first' });
    expect(again.resumed).toBe(true);
  });

  it('reports a domain that ends in Failed, with its reason and what to do', async () => {
    const env = { ...tempEnv(), USER: 'frank', CWS_DEMO_STUDIO_FAULT: 'domain-failed' };
    const session = await openSession({ env, demo: true });
    const failure = session.launchService({ ...quiet, template: 'sagemaker-studio', name: 'x' });
    await expect(failure).rejects.toBeInstanceOf(LaunchError);
    await expect(failure).rejects.toMatchObject({
      step: 'ensure-domain',
      message: expect.stringMatching(/is Failed: The subnets have no route to the SageMaker API/),
      hint: expect.stringMatching(/services cleanup --domain/),
    });
  });

  it('turns ResourceLimitExceeded into a quota error at the create-app step', async () => {
    const env = { ...tempEnv(), USER: 'gina', CWS_DEMO_STUDIO_FAULT: 'app-limit' };
    const session = await openSession({ env, demo: true });
    await expect(
      session.launchService({ ...quiet, template: 'sagemaker-studio', name: 'y' }),
    ).rejects.toMatchObject({ step: 'create-app', message: expect.stringMatching(/service limit/) });
  });

  it('cleans up apps, then spaces, then profiles, then the domain when asked', async () => {
    const session = await openSession({ env: { ...tempEnv(), USER: 'hana' }, demo: true });
    await session.launchService({ ...quiet, template: 'sagemaker-studio', name: 'one' });
    await session.launchService({ ...quiet, template: 'sagemaker-canvas', name: 'two' });
    const lines: string[] = [];
    const results = await session.cleanupServices({ deleteDomain: true, onStep: (line) => lines.push(line) });
    expect(results.find((result) => result.region === 'us-east-1')).toMatchObject({
      domains: 1,
      apps: 2,
      spaces: 1,
      user_profiles: 1,
      domain_deleted: true,
    });
    expect(lines.map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual([
      'deleting 2 app(s)',
      'deleting 1 space(s)',
      'deleting 1 user',
      'deleting the domain',
      'kept its home',
    ]);
    expect(await session.listWorkstations()).toEqual([]);
    expect(await session.account.studio.listDomains('us-east-1')).toEqual([]);
    // The retained home EFS is listed in storage, noted as left by the domain, with its delete command.
    const storage = await session.listStorage();
    const home = storage.file_systems.find((fileSystem) => fileSystem.left_by_domain);
    expect(home?.note).toMatch(
      /^left by a deleted domain \(d-\w+\): delete with cws-tui storage delete fs-\w+ --region us-east-1 --yes$/,
    );
    await session.account.storage.deleteFileSystem('us-east-1', home?.id ?? '');
    expect((await session.listStorage()).file_systems).toEqual([]);
  });
});

describe('one namespace and one per-user count across workstations and services', () => {
  it('refuses a service named like a workstation, and counts both against max_running_per_user', async () => {
    const env: NodeJS.ProcessEnv = { ...tempEnv(), USER: 'ivan' };
    const { ConfigStore } = await import('../../../source/core/config/ConfigStore.js');
    ConfigStore.open(String(env.CWS_CONFIG_DIR)).addProfile({
      name: 'lab',
      aws_profile: 'lab',
      region: 'us-east-1',
      policy: { max_running_per_user: 1 },
      policy_chain: [],
      kind: 'personal',
      role: 'member',
      can_invite: false,
      created_at: new Date().toISOString(),
    });
    const session = await openSession({ env, demo: true, profile: 'lab' });
    await session.launchService({ ...quiet, template: 'ubuntu-24-04', name: 'shared' });
    await expect(
      session.launchService({ ...quiet, template: 'sagemaker-studio', name: 'shared' }),
    ).rejects.toThrow(/a workstation named 'shared' already exists/);
    await expect(
      session.launchService({ ...quiet, template: 'sagemaker-studio', name: 'other' }),
    ).rejects.toBeInstanceOf(LaunchDeniedError);
  });
});

describe('an admin override of the policy', () => {
  async function sessionWith(role: 'admin' | 'member') {
    const env: NodeJS.ProcessEnv = { ...tempEnv(), USER: 'jo' };
    const { ConfigStore } = await import('../../../source/core/config/ConfigStore.js');
    ConfigStore.open(String(env.CWS_CONFIG_DIR)).addProfile({
      name: 'lab',
      aws_profile: 'lab',
      region: 'us-east-1',
      policy: { instance_types: { allow: ['ml.t3.*'] } },
      policy_chain: [],
      kind: 'personal',
      role,
      can_invite: false,
      created_at: new Date().toISOString(),
    });
    return { env, session: await openSession({ env, demo: true, profile: 'lab' }) };
  }

  it('lets an admin launch past a denial with a reason, audited and tagged', async () => {
    const { env, session } = await sessionWith('admin');
    const steps: LaunchProgress[] = [];
    const result = await session.launchService(
      {
        ...quiet,
        template: 'sagemaker-studio',
        name: 'gpu',
        size: 'GPU',
        override_reason: 'grant 42 deadline',
      },
      (progress) => steps.push(progress),
    );
    expect(result.verdict.allowed).toBe(false);
    expect(steps.find((step) => step.step === 'check-policy' && step.status === 'done')?.detail).toBe(
      'denied, overridden by an admin: grant 42 deadline',
    );
    const events = readFileSync(auditLogPath(String(env.CWS_STATE_DIR)), 'utf8');
    expect(events).toContain('"reason":"grant 42 deadline"');
    expect(events).toContain('"instance_type":"ml.g5.xlarge"');
    const [space] = await session.account.studio.listSpaces(
      'us-east-1',
      result.workstation.id.split('/')[0] ?? '',
    );
    expect(space?.tags['cws:policy-override']).toBe('grant 42 deadline');
  });

  it('refuses an override from a member', async () => {
    const { session } = await sessionWith('member');
    await expect(
      session.launchService({
        ...quiet,
        template: 'sagemaker-studio',
        name: 'gpu',
        size: 'GPU',
        override_reason: 'x',
      }),
    ).rejects.toThrow('only a profile with the admin role can override the policy');
  });
});

describe('an account that may not list HPC clusters', () => {
  it('lists the rest, says why once, and stops asking CloudFormation until the profile changes', async () => {
    const { CloudError } = await import('../../../source/core/CloudError.js');
    const env = { ...tempEnv(), USER: 'kim' };
    const session = await openSession({ env, demo: true });
    await session.launchService({ ...quiet, template: 'ubuntu-24-04', name: 'box' });
    let asked = 0;
    const deny = async () => {
      asked++;
      throw new CloudError({
        kind: 'unauthorized',
        code: 'AccessDenied',
        message: 'User is not authorized to perform: cloudformation:DescribeStacks',
        hint: 'Ask your AWS administrator.',
      });
    };
    session.account.hpc.listClusters = deny;
    expect((await session.listWorkstations()).map((row) => row.name)).toEqual(['box']);
    expect((await session.listWorkstations()).map((row) => row.name)).toEqual(['box']);
    expect(asked).toBe(1);
    expect(session.info.notices).toEqual([
      'HPC clusters could not be listed: User is not authorized to perform: cloudformation:DescribeStacks (not asked again until the profile changes)',
    ]);
    // Another profile is another session: it asks again.
    const next = await openSession({ env, demo: true });
    next.account.hpc.listClusters = deny;
    await next.listWorkstations();
    expect(asked).toBe(2);
  });
});

describe('an account without SageMaker permissions', () => {
  it('still lists the workstations, says why once, and stops asking SageMaker', async () => {
    const { CloudError } = await import('../../../source/core/CloudError.js');
    const session = await openSession({ env: { ...tempEnv(), USER: 'kim' }, demo: true });
    await session.launchService({ ...quiet, template: 'ubuntu-24-04', name: 'box' });
    let asked = 0;
    session.account.studio.listDomains = async () => {
      asked++;
      throw new CloudError({
        kind: 'unauthorized',
        code: 'AccessDeniedException',
        message: 'Not permitted: sagemaker:ListDomains.',
        hint: 'Ask your AWS administrator.',
      });
    };
    expect((await session.listWorkstations()).map((row) => row.name)).toEqual(['box']);
    const askedFirst = asked;
    expect((await session.listWorkstations()).map((row) => row.name)).toEqual(['box']);
    expect(asked).toBe(askedFirst);
    expect(session.info.notices).toEqual([
      'SageMaker Studio and Canvas could not be listed: Not permitted: sagemaker:ListDomains. (not asked again until the profile changes)',
    ]);
  });
});
