import { describe, expect, it } from 'vitest';
import { launchChoices } from '../../../source/app/session/launchChoices.js';
import { previewLaunch } from '../../../source/app/session/previewLaunch.js';
import type { Session } from '../../../source/app/session/Session.js';
import { estimateCost } from '../../../source/core/cost/estimateCost.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import type { ResearchUser } from '../../../source/core/identity/ResearchUser.js';
import { LaunchDeniedError, LaunchError } from '../../../source/core/launch/LaunchError.js';
import { LaunchRecordStore } from '../../../source/core/launch/LaunchRecordStore.js';
import type { LaunchRequest } from '../../../source/core/launch/LaunchRequest.js';
import { parsePolicy } from '../../../source/core/policy/parsePolicy.js';
import { renderUserData } from '../../../source/core/provisioning/renderUserData.js';
import { resolveTemplate } from '../../../source/core/templates/resolveTemplate.js';
import { openDemoSession, tempEnv } from '../demoSession.js';

const request = (overrides: Partial<LaunchRequest> = {}): LaunchRequest => ({
  template: 'python-ml',
  name: 'preview-1',
  size: 'S',
  spot: false,
  hibernation: false,
  ...overrides,
});

function underPolicy(session: Session, policyYaml: string): Session {
  const restricted: Session = Object.create(session);
  Object.defineProperty(restricted, 'profile', {
    value: { ...session.profile, policy: parsePolicy(policyYaml) },
  });
  return restricted;
}

async function launchFailure(session: Session, launch: LaunchRequest): Promise<LaunchError> {
  const error = await session.launch(launch).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof LaunchError)) throw new Error(`expected a LaunchError, got ${String(error)}`);
  return error;
}

describe('previewLaunch', () => {
  it('prices, allows and renders the launch without launching anything', async () => {
    const session = await openDemoSession();
    const preview = await session.previewLaunch(request({ root_volume_gb: 60 }));
    expect(preview.instance_type).toBe('t3.large');
    expect(preview.root_volume_gb).toBe(60);
    expect(preview.estimate?.hourly).toBe(
      estimateCost(
        { instanceType: 't3.large', region: 'us-east-1', rootVolumeGb: 60, volumeType: 'gp3' },
        snapshotPriceCatalog,
      ).hourly,
    );
    expect(preview.verdict.allowed).toBe(true);
    expect(preview.problems).toEqual([]);
    expect(preview.user_data?.script).toMatch(/^#!\/bin\/bash/);
    // The Jupyter token is made on the instance: the script has none to show.
    expect(preview.user_data?.script).toContain('cws_service_secret jupyter');
    expect(preview.user_data?.script).not.toMatch(/JUPYTER_TOKEN=[0-9a-f]/);
    expect(await session.listWorkstations()).toEqual([]);
  });

  it('decides as the pipeline does when the policy denies', async () => {
    const session = underPolicy(
      await openDemoSession(),
      'instance_types:\n  allow: ["t3.*"]\nmax_hourly_cost: 0.5\n',
    );
    const denied = request({ size: 'GPU' });
    const preview = await session.previewLaunch(denied);
    const failure = await launchFailure(session, denied);
    expect(failure).toBeInstanceOf(LaunchDeniedError);
    expect(preview.verdict).toEqual((failure as LaunchDeniedError).verdict);
    expect(preview.verdict.violations.map((violation) => violation.rule)).toEqual([
      'instance_types.allow',
      'max_hourly_cost',
    ]);
  });

  it('checks the monthly budget rule with the spend the pipeline gets, and prices spot the same', async () => {
    const open = await openDemoSession();
    await open.launch(request({ name: 'big-spender', size: 'L' }));
    const session = underPolicy(open, 'monthly_budget: 1\n');
    const launch = request({ name: 'over-budget' });
    const preview = await session.previewLaunch(launch);
    const failure = await launchFailure(session, launch);
    expect(failure).toBeInstanceOf(LaunchDeniedError);
    expect(preview.verdict).toEqual((failure as LaunchDeniedError).verdict);
    expect(preview.verdict.violations[0]?.message).toMatch(
      /with this launch the month's spend is projected at/,
    );

    const spot = request({ name: 'spot-1', spot: true });
    const spotPreview = await open.previewLaunch(spot);
    const launched = await open.launch(spot);
    expect(spotPreview.estimate?.hourly).toBe(launched.estimate.hourly);
    expect(spotPreview.estimate?.note).toBe(launched.estimate.note);
  });

  it('reports a taken name and hibernation the type or the volume cannot do, in the pipeline words', async () => {
    const session = await openDemoSession();
    await session.launch(request());
    const cases = [
      request(),
      request({ name: 'big-1', instance_type: 'g5.12xlarge', hibernation: true, root_volume_gb: 500 }),
      request({ name: 'small-root', hibernation: true, root_volume_gb: 10 }),
    ];
    for (const launch of cases) {
      const preview = await session.previewLaunch(launch);
      const failure = await launchFailure(session, launch);
      expect(preview.problems).toEqual([failure.message]);
    }
  });

  it('shows what the launch does to the month against the budget, from the session cost report', async () => {
    const session = await openDemoSession();
    await session.launch(request({ name: 'already-running', size: 'L' }));
    const user: ResearchUser = {
      username: 'alice',
      uid: 5001,
      gid: 5001,
      groups: [],
      shell: '/bin/bash',
      ssh_public_keys: [],
      created_at: '2026-11-01T00:00:00Z',
    };
    const now = new Date();
    const { report } = await session.costReport({ fireAlerts: false, now });
    const registry = await session.templates();
    const preview = await previewLaunch(request(), {
      account: session.account,
      profile: session.profile,
      researchUser: user,
      prices: snapshotPriceCatalog,
      records: new LaunchRecordStore(tempEnv().CWS_STATE_DIR ?? ''),
      resolveTemplate: (slug) => resolveTemplate(slug, registry),
      renderUserData,
      costReport: () => session.costReport({ fireAlerts: false, now }),
      budget: {
        monthly_limit: report.projected_month * 1.5,
        thresholds: [50, 80, 100],
        actions: {},
        auto: false,
      },
      now,
    });
    const hourly = preview.estimate?.hourly ?? 0;
    const hoursLeft = (Date.parse(report.month.to) - now.getTime()) / 3_600_000;
    expect(report.projected_month).toBeGreaterThan(0);
    expect(preview.budget?.projected_before).toBeCloseTo(report.projected_month, 6);
    expect(preview.budget?.projected_after).toBeCloseTo(report.projected_month + hourly * hoursLeft, 6);
    expect(preview.budget?.percent_before).toBeCloseTo(100 / 1.5, 6);
  });
});

describe('launchChoices', () => {
  it('prices the template sizes and lists the catalog cheapest first', async () => {
    const session = await openDemoSession();
    const template = await session.resolveTemplate('python-ml');
    const choices = launchChoices(template, 'us-east-1', snapshotPriceCatalog, []);
    expect(choices.sizes.map((choice) => [choice.size, choice.instance_type, choice.hourly])).toEqual(
      Object.entries(template.sizes ?? {}).map(([size, type]) => [
        size,
        type,
        snapshotPriceCatalog.instanceHourly(type, 'us-east-1')?.usd_per_hour,
      ]),
    );
    const hourly = choices.instance_types.map((choice) => choice.hourly ?? Number.POSITIVE_INFINITY);
    expect(hourly).toEqual([...hourly].sort((a, b) => a - b));
    expect(choices.default_root_volume_gb).toBe(template.instance_defaults?.root_volume_gb);
    const studio = await session.launchChoices('sagemaker-studio');
    expect(studio.instance_types).toEqual([]);
    expect(studio.sizes[0]).toMatchObject({ size: 'S', instance_type: 'ml.t3.medium', info: { vcpus: 2 } });
  });

  it('describes every priced SageMaker size (ml.m5.xlarge is 4 vCPU, never "not in the catalog")', async () => {
    const session = await openDemoSession();
    const studio = await session.launchChoices('sagemaker-studio');
    expect(studio.sizes.find((choice) => choice.instance_type === 'ml.m5.xlarge')).toMatchObject({
      info: { vcpus: 4, memory_gib: 16 },
    });
    for (const choice of studio.sizes.filter((size) => size.hourly !== undefined))
      expect(choice.info, choice.instance_type).toBeDefined();
  });
});
