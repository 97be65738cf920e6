import { describe, expect, it } from 'vitest';
import { openSession } from '../../../source/app/session/openSession.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import { resourceRates } from '../../../source/core/cost/resourceRates.js';
import { studioCostResources } from '../../../source/core/services/studioCostResources.js';
import { tempEnv } from '../../app/demoSession.js';

describe('studioCostResources', () => {
  it('lists spaces with their EBS volume and running apps as ml.* hours; a stopped space keeps its volume', async () => {
    const session = await openSession({ env: { ...tempEnv(), USER: 'ana' }, demo: true });
    const quiet = { spot: false, hibernation: false };
    const { workstation } = await session.launchService({
      ...quiet,
      template: 'sagemaker-studio',
      name: 'nb',
      size: 'M',
    });
    await session.launchService({ ...quiet, template: 'sagemaker-canvas', name: 'cv' });
    const { resources, warnings } = await studioCostResources(session.account.studio, session.info.regions);
    expect(warnings).toEqual([]);
    expect(
      resources.map((resource) => [
        resource.name,
        resource.instance_type,
        resource.root_volume_gb,
        resource.transitions.map((transition) => transition.state),
      ]),
    ).toEqual([
      ['nb', 'ml.m5.xlarge', 5, ['stopped', 'running']],
      ['cv', 'canvas-session', 0, ['running']],
    ]);
    const priced = resourceRates(resources[0]!, snapshotPriceCatalog, {});
    expect(priced.rates.compute_per_hour).toBe(
      snapshotPriceCatalog.instanceHourly('ml.m5.xlarge', 'us-east-1')?.usd_per_hour,
    );
    expect(priced.rates.storage_per_hour).toBeGreaterThan(0);
    await session.stopWorkstation(workstation, { hibernate: false });
    const afterStop = await studioCostResources(session.account.studio, session.info.regions);
    expect(
      afterStop.resources.map((resource) => [
        resource.name,
        resource.root_volume_gb,
        resource.transitions.map((transition) => transition.state),
      ]),
    ).toEqual([
      ['nb', 5, ['stopped']],
      ['cv', 0, ['running']],
    ]);
  });
});
