import { describe, expect, it } from 'vitest';
import { analyticsCostContributor } from '../../../source/core/analytics/analyticsCostContributor.js';
import type {
  DevEnvironment,
  DevEnvironmentUsage,
} from '../../../source/core/analytics/codeCatalystPorts.js';
import { devEnvironmentCostResources } from '../../../source/core/analytics/devEnvironmentCostResources.js';
import { CloudError } from '../../../source/core/CloudError.js';
import { buildCostReport } from '../../../source/core/cost/costReport.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import { timeWindow } from '../../../source/core/cost/TimeWindow.js';
import type { CloudAccount } from '../../../source/core/ports.js';

function environment(alias: string, instanceType: string): DevEnvironment {
  return {
    id: `id-${alias}`,
    space: 'lab-space',
    project: 'climate',
    alias,
    status: 'STOPPED',
    instance_type: instanceType,
    ides: ['VSCode'],
  };
}

function accountWith(usage: () => Promise<DevEnvironmentUsage[]>): CloudAccount {
  return {
    identity: {
      callerIdentity: async () => ({ account: '123456789012', arn: 'arn:aws:iam::123456789012:user/ana' }),
    },
    analytics: {
      athena: { listWorkgroups: async () => [] },
      databrew: { listJobs: async () => [] },
      dataprep: { glue: { listCrawlCharges: async () => [] } },
      quicksight: { subscription: async () => ({ status: 'none' }) },
      codecatalyst: { listDevEnvironmentUsage: usage },
    },
  } as unknown as CloudAccount;
}

// A start/stop history as the demo keeps it: two hours on a medium, then a large still running.
const HISTORY: DevEnvironmentUsage[] = [
  {
    environment: environment('notebook-env', 'dev.standard1.medium'),
    transitions: [
      { at: '2026-12-01T00:00:00.000Z', state: 'stopped' },
      { at: '2026-12-01T08:00:00.000Z', state: 'running' },
      { at: '2026-12-01T10:00:00.000Z', state: 'stopped' },
    ],
  },
  {
    environment: { ...environment('pipeline-env', 'dev.standard1.large'), status: 'RUNNING' },
    transitions: [{ at: '2026-12-06T03:00:00.000Z', state: 'running' }],
    partial_history: true,
  },
];

describe('CodeCatalyst dev environments in the cost report', () => {
  it('prices each environment per minute of running by its instance size', async () => {
    const { resources, warnings } = await analyticsCostContributor.list(
      accountWith(async () => HISTORY),
      ['us-east-1'],
    );
    expect(warnings).toEqual([]);
    expect(resources).toHaveLength(2);
    const [notebook, pipeline] = resources;
    expect(notebook).toMatchObject({
      kind: 'metered',
      service: 'CodeCatalyst',
      id: 'codecatalyst:lab-space/climate/id-notebook-env',
      name: 'notebook-env',
      usd_per_hour: 0.0134 * 60,
      transitions: HISTORY[0]?.transitions,
    });
    expect(notebook?.notes).toHaveLength(1);
    expect(pipeline?.usd_per_hour).toBeCloseTo(0.0268 * 60);
    expect(pipeline?.notes?.[1]).toMatch(
      /history before its last update is not available from the CodeCatalyst API/,
    );
    const report = buildCostReport({
      resources,
      now: new Date('2026-12-06T05:00:00Z'),
      catalog: snapshotPriceCatalog,
      timeZone: 'UTC',
      window: timeWindow('2026-12-01T00:00:00Z', '2026-12-06T05:00:00Z'),
    });
    const total = (name: string) => report.items.find((item) => item.name === name)?.window_total;
    // Two hours of a medium; two hours (03:00 to 05:00) of a large.
    expect(total('notebook-env')).toBeCloseTo(2 * 60 * 0.0134, 9);
    expect(total('pipeline-env')).toBeCloseTo(2 * 60 * 0.0268, 9);
  });

  it('counts nothing, silently, without a Builder ID sign-in, and warns on any other failure', async () => {
    const noToken = accountWith(async () => {
      throw new CloudError({
        kind: 'no-credentials',
        code: 'NoBuilderIdToken',
        message: 'no token',
        hint: 'sign in',
      });
    });
    expect(await devEnvironmentCostResources(noToken)).toEqual({ resources: [], warnings: [] });
    const denied = accountWith(async () => {
      throw new CloudError({
        kind: 'unauthorized',
        code: 'AccessDeniedException',
        message: 'Access denied',
        hint: 'ask',
      });
    });
    expect((await devEnvironmentCostResources(denied)).warnings).toEqual([
      'CodeCatalyst dev environments not counted: Access denied',
    ]);
  });

  it('names an instance size it has no price for instead of counting it as free', async () => {
    const odd: DevEnvironmentUsage = {
      environment: environment('gpu-env', 'dev.gpu1.large'),
      transitions: [{ at: '2026-12-06T03:00:00.000Z', state: 'running' }],
    };
    const { resources, warnings } = await devEnvironmentCostResources(accountWith(async () => [odd]));
    expect(resources).toEqual([]);
    expect(warnings).toEqual(['CodeCatalyst: no price for instance size dev.gpu1.large of gpu-env']);
  });
});
