import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDemoAccount, type DemoAccount } from '../../../source/aws/demo/createDemoAccount.js';
import { CloudError } from '../../../source/core/CloudError.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import type { ResearchUser } from '../../../source/core/identity/ResearchUser.js';
import { LaunchDeniedError, LaunchError } from '../../../source/core/launch/LaunchError.js';
import type { LaunchProgress } from '../../../source/core/launch/LaunchProgress.js';
import { LaunchRecordStore } from '../../../source/core/launch/LaunchRecordStore.js';
import type { LaunchRequest } from '../../../source/core/launch/LaunchRequest.js';
import { type LaunchContext, launchWorkstation } from '../../../source/core/launch/launchWorkstation.js';
import type { RunInstanceRequest } from '../../../source/core/ports.js';
import type { UserData } from '../../../source/core/provisioning/UserData.js';
import type { ResolvedTemplate } from '../../../source/core/templates/templateSchema.js';

const template: ResolvedTemplate = {
  name: 'Python ML',
  slug: 'python-ml',
  description: 'Conda, JupyterLab',
  base: 'ubuntu-24.04',
  connection_type: 'web',
  services: [{ name: 'jupyter', port: 8888, enable: true }],
  sizes: { S: 't3.large', M: 'm7i.xlarge', GPU: 'g5.xlarge' },
  instance_defaults: { type: 't3.large', root_volume_gb: 40 },
  inheritance_chain: ['ubuntu-24-04', 'python-ml'],
  source: 'templates/python-ml.yml',
};

const user: ResearchUser = {
  username: 'alice',
  uid: 5000,
  gid: 5000,
  groups: ['admin'],
  shell: '/bin/bash',
  ssh_public_keys: [
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE0000000000000000000000000000000000000000000 alice',
  ],
  created_at: '2026-11-01T00:00:00Z',
};

function fakeUserData(): UserData {
  const script = '#!/bin/bash\ncws_mark started\ncws_mark packages\ncws_mark ready\n';
  return {
    script,
    bytes: script.length,
    compressed: false,
    payload: Buffer.from(script),
    sections: [],
    service_secrets: ['jupyter'],
    diagnostics: [],
  };
}

describe('launchWorkstation on the demo account', () => {
  let stateDir: string;
  let account: DemoAccount;
  let audits: Parameters<LaunchContext['audit']>[0][];
  let context: LaunchContext;

  beforeEach(() => {
    stateDir = mkdtempSync(join(tmpdir(), 'cws-launch-'));
    account = createDemoAccount({ stateDir, env: { CWS_DEMO_SPEED: '0' } });
    audits = [];
    context = {
      account,
      profile: { name: 'lab', policy: {}, role: 'member' },
      owner: 'arn:aws:iam::123456789012:user/alice',
      researchUser: user,
      resolveTemplate: (slug) => {
        if (slug !== 'python-ml') throw new Error(`no template '${slug}'`);
        return template;
      },
      renderUserData: fakeUserData,
      prices: snapshotPriceCatalog,
      records: new LaunchRecordStore(stateDir),
      audit: async (event) => {
        audits.push(event);
      },
      dryRun: true,
      polling: { intervalMs: 1, runningTimeoutMs: 2_000, readyTimeoutMs: 2_000 },
    };
  });

  const request = (overrides: Partial<LaunchRequest> = {}): LaunchRequest => ({
    template: 'python-ml',
    name: 'thesis',
    spot: false,
    hibernation: false,
    ...overrides,
  });

  it('runs every step in order and tags the instance', async () => {
    const progress: LaunchProgress[] = [];
    const result = await launchWorkstation(request({ wait_ready: true }), context, (p) => progress.push(p));
    expect(result.instance.state).toBe('running');
    expect(result.resumed).toBe(false);
    const done = progress.filter((p) => p.status === 'done').map((p) => p.step);
    expect(done).toEqual([
      'resolve-template',
      'estimate-cost',
      'check-policy',
      'resolve-image',
      'prepare-network',
      'render-user-data',
      'run-instance',
      'wait-running',
      'wait-ready',
    ]);
    expect(result.instance.instance_type).toBe('t3.large');
    expect(result.instance.root_volume_gb).toBe(40);
    expect(result.instance.tags).toMatchObject({
      'cws:managed': 'true',
      'cws:template': 'python-ml',
      'cws:owner': 'arn:aws:iam::123456789012:user/alice',
      'cws:research-user': 'alice',
      'cws:profile': 'lab',
      'cws:connect': 'web :8888',
      Name: 'thesis',
    });
    expect(result.estimate.hourly).toBeGreaterThan(0);
    expect(progress.find((p) => p.step === 'estimate-cost' && p.status === 'done')?.detail).toMatch(
      /t3\.large in us-east-1: \$0\.\d{4}\/h/,
    );
    expect(result.record.status).toBe('launched');
    expect(result.instance.client_token).toBe(result.record.id);
  });

  it('keeps its launch record where only its owner can read it, with no service secret in it', async () => {
    const result = await launchWorkstation(request(), context);
    const file = join(stateDir, 'launches', `${result.record.id}.json`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).service_tokens).toBeUndefined();
  });

  it("mounts an existing EFS file system through the research user's own access point", async () => {
    const fs = await account.storage.createFileSystem('us-east-1', 'lab-share', { 'cws:managed': 'true' });
    const rendered: Array<Parameters<LaunchContext['renderUserData']>[0]> = [];
    context.renderUserData = (input) => {
      rendered.push(input);
      return fakeUserData();
    };
    await launchWorkstation(request({ efs: { file_system_id: fs.id } }), context);
    const [accessPoint] = await account.storage.listAccessPoints('us-east-1', fs.id);
    expect(accessPoint).toMatchObject({ uid: 5000, gid: 5000, root_directory: '/home/alice' });
    expect(rendered[0]?.efs).toEqual({
      file_system_id: fs.id,
      access_point_id: accessPoint?.id,
      region: 'us-east-1',
    });
    await expect(
      launchWorkstation(request({ name: 'other', efs: { file_system_id: 'fs-0000missing' } }), context),
    ).rejects.toThrow(/the EFS file system fs-0000missing does not exist in us-east-1/);
  });

  it('picks the instance type of the size asked for', async () => {
    const result = await launchWorkstation(request({ size: 'm' }), context);
    expect(result.instance.instance_type).toBe('m7i.xlarge');
    await expect(launchWorkstation(request({ name: 'other', size: 'XXL' }), context)).rejects.toThrow(
      /python-ml has no size 'XXL'/,
    );
  });

  it('stops at the policy and launches nothing when it denies', async () => {
    context.profile.policy = { instance_types: { allow: ['t3.*'] }, max_hourly_cost: 0.05 };
    const error = await launchWorkstation(request({ size: 'M' }), context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LaunchDeniedError);
    const denied = error as LaunchDeniedError;
    expect(denied.verdict.violations.map((v) => v.rule)).toContain('instance_types.allow');
    expect(denied.message).toMatch(/the policy denies this launch/);
    const { items } = await account.compute.listInstances({ regions: account.regions });
    expect(items).toEqual([]);
    expect(readdirSync(stateDir).includes('launches')).toBe(false);
  });

  it('lets only an admin override a denial, with an audited reason and a tag', async () => {
    context.profile.policy = { instance_types: { deny: ['t3.*'] } };
    await expect(launchWorkstation(request({ override_reason: 'deadline' }), context)).rejects.toThrow(
      /only a profile with the admin role/,
    );
    context.profile.role = 'admin';
    const result = await launchWorkstation(
      request({ override_reason: 'grant deadline; approved by PI' }),
      context,
    );
    expect(result.verdict.allowed).toBe(false);
    expect(result.instance.tags['cws:policy-override']).toBe('grant deadline approved by PI');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'policy-override', reason: 'grant deadline; approved by PI' });
  });

  it('refuses a name already used by a live workstation of the profile', async () => {
    await launchWorkstation(request(), context);
    await expect(launchWorkstation(request(), context)).rejects.toThrow(
      /a workstation named 'thesis' already exists/,
    );
  });

  it('refuses a name that could not be a tag or a shell argument', async () => {
    await expect(launchWorkstation(request({ name: 'x; rm -rf /' }), context)).rejects.toThrow(
      /is not valid/,
    );
    await expect(launchWorkstation(request({ tags: { grant: '$(reboot)' } }), context)).rejects.toThrow(
      /the value of tag 'grant' is not valid/,
    );
  });

  it('refuses hibernation early for a type that cannot hibernate or a root volume too small for RAM', async () => {
    await expect(
      launchWorkstation(
        request({ hibernation: true, instance_type: 'p3.2xlarge', root_volume_gb: 200 }),
        context,
      ),
    ).rejects.toThrow(/p3\.2xlarge cannot hibernate/);
    await expect(
      launchWorkstation(
        request({ hibernation: true, instance_type: 'm7i.2xlarge', root_volume_gb: 20 }),
        context,
      ),
    ).rejects.toThrow(/hibernation needs a root volume of at least 40 GB/);
  });

  it('leaves exactly one instance when RunInstances times out after it was sent and the launch is retried', async () => {
    const realRun = account.compute.runInstance.bind(account.compute);
    let calls = 0;
    account.compute.runInstance = async (runRequest) => {
      calls++;
      await realRun(runRequest);
      if (calls === 1) {
        throw new CloudError({
          kind: 'network',
          code: 'TimeoutError',
          message: 'the request timed out',
          hint: 'retry',
        });
      }
      return realRun(runRequest);
    };
    await expect(launchWorkstation(request(), context)).rejects.toBeInstanceOf(LaunchError);
    const retried = await launchWorkstation(request(), context);
    expect(retried.resumed).toBe(true);
    const { items } = await account.compute.listInstances({ regions: account.regions });
    expect(items).toHaveLength(1);
    expect(items[0]?.id).toBe(retried.instance.id);
    expect(calls).toBe(1);
  });

  it('refuses to resume an unfinished launch with other arguments, showing both, until it is abandoned', async () => {
    const realRun = account.compute.runInstance.bind(account.compute);
    account.compute.runInstance = async () => {
      throw new CloudError({
        kind: 'network',
        code: 'Timeout',
        message: 'the request timed out',
        hint: 'retry',
      });
    };
    await expect(launchWorkstation(request(), context)).rejects.toBeInstanceOf(LaunchError);
    account.compute.runInstance = realRun;
    const refused = await launchWorkstation(request({ spot: true, root_volume_gb: 60 }), context).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(LaunchError);
    expect((refused as LaunchError).message).toMatch(
      /an unfinished launch of thesis \(cws-[0-9a-f-]+, started .*\) asked for python-ml, \S+, us-east-1, on demand, 40 GB root; this one asks for python-ml, \S+, us-east-1, spot, 60 GB root/,
    );
    expect((refused as LaunchError).hint).toMatch(
      /Finish the earlier one with `cws-tui launch python-ml thesis --type \S+ --root-volume 40 --region us-east-1`, or abandon it with `--abandon-unfinished`/,
    );
    const fresh = await launchWorkstation(
      request({ spot: true, root_volume_gb: 60, abandon_unfinished: true }),
      context,
    );
    expect(fresh.resumed).toBe(false);
    expect(fresh.instance.spot).toBe(true);
  });

  it('will not abandon an unfinished launch whose instance is running', async () => {
    const realRun = account.compute.runInstance.bind(account.compute);
    account.compute.runInstance = async (runRequest) => {
      await realRun(runRequest);
      throw new CloudError({
        kind: 'network',
        code: 'Timeout',
        message: 'the request timed out',
        hint: 'retry',
      });
    };
    await expect(launchWorkstation(request(), context)).rejects.toBeInstanceOf(LaunchError);
    const refused = await launchWorkstation(request({ spot: true, abandon_unfinished: true }), context).catch(
      (e: unknown) => e,
    );
    expect((refused as LaunchError).message).toMatch(/the unfinished launch cws-\S+ started i-0[0-9a-f]+/);
    expect((refused as LaunchError).hint).toContain('cws-tui terminate thesis');
  });

  it('refuses reserved tag keys instead of dropping them', async () => {
    for (const key of ['cws:managed', 'Name', 'CWS:owner']) {
      await expect(launchWorkstation(request({ tags: { [key]: 'x' } }), context)).rejects.toThrow(
        new RegExp(`the tag key '${key}' is reserved for cws-tui`),
      );
    }
  });

  it('turns a cloud error into a launch error at its step, with the hint', async () => {
    const faulty = createDemoAccount({
      stateDir,
      env: { CWS_DEMO_SPEED: '0', CWS_DEMO_FAULTS: 'capacity=us-east-1a,us-east-1b,us-east-1c' },
    });
    const progress: LaunchProgress[] = [];
    const error = await launchWorkstation(request(), { ...context, account: faulty }, (p) =>
      progress.push(p),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LaunchError);
    expect((error as LaunchError).step).toBe('run-instance');
    expect((error as LaunchError).hint).toMatch(/Try t2\.large or t3a\.large, another size/);
    expect(progress.at(-1)).toMatchObject({ step: 'run-instance', status: 'failed' });
  });

  it('launches with the workstation instance profile, ensured while preparing the network', async () => {
    const sent: RunInstanceRequest[] = [];
    const runInstance = account.compute.runInstance.bind(account.compute);
    account.compute.runInstance = async (runRequest) => {
      sent.push(runRequest);
      return runInstance(runRequest);
    };
    const progress: LaunchProgress[] = [];
    await launchWorkstation(request(), context, (p) => progress.push(p));
    const profileArn = 'arn:aws:iam::123456789012:instance-profile/cws-tui/cws-tui-workstation';
    expect(sent.map((runRequest) => runRequest.iam_instance_profile)).toEqual([profileArn]);
    const network = progress.find((p) => p.step === 'prepare-network' && p.status === 'done');
    expect(network?.detail).toContain(`instance profile ${profileArn}`);
  });

  it('stops at prepare-network, launching nothing, when the instance profile cannot be ensured', async () => {
    account.roles.ensureWorkstationInstanceProfile = async () => {
      throw new CloudError({
        kind: 'unauthorized',
        code: 'AccessDenied',
        message: 'Not permitted: iam:CreateRole.',
        hint: 'Ask your AWS administrator to allow iam:CreateRole for your role.',
      });
    };
    const error = await launchWorkstation(request(), context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LaunchError);
    expect((error as LaunchError).step).toBe('prepare-network');
    expect((error as LaunchError).message).toContain('iam:CreateRole');
    const { items } = await account.compute.listInstances({ regions: account.regions });
    expect(items).toHaveLength(0);
  });

  it('refuses a web service template: it launches through the services layer', async () => {
    context.resolveTemplate = () => ({
      ...template,
      base: undefined,
      service_config: { kind: 'sagemaker-studio' },
    });
    await expect(launchWorkstation(request(), context)).rejects.toThrow(/is a sagemaker-studio web service/);
  });
});
