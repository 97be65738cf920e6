import { describe, expect, it } from 'vitest';
import { openSession } from '../../../source/app/session/openSession.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import { resourceRates } from '../../../source/core/cost/resourceRates.js';
import { studioCostResources } from '../../../source/core/services/studioCostResources.js';
import { tempEnv } from '../../app/demoSession.js';

describe('studioCostResources', () => {
  it('lists running SageMaker apps as ml.* instance hours, priced like EC2, and drops stopped ones', async () => {
    const session = await openSession({ env: { ...tempEnv(), USER: 'ana' }, demo: true });
    const quiet = { spot: false, hibernation: false };
    const { workstation } = await session.launchService({
      ...quiet,
      template: 'sagemaker-studio',
      name: 'nb',
      size: 'M',
    });
    await session.launchService({ ...quiet, template: 'sagemaker-canvas', name: 'cv' });
    const resources = await studioCostResources(session.account.studio, session.info.regions);
    expect(
      resources.map((resource) => [resource.name, resource.instance_type, resource.root_volume_gb]),
    ).toEqual([
      ['nb', 'ml.m5.xlarge', 0],
      ['cv', 'canvas-session', 0],
    ]);
    const priced = resourceRates(resources[0]!, snapshotPriceCatalog, {});
    expect(priced.rates.compute_per_hour).toBe(
      snapshotPriceCatalog.instanceHourly('ml.m5.xlarge', 'us-east-1')?.usd_per_hour,
    );
    await session.stopWorkstation(workstation, { hibernate: false });
    const afterStop = await studioCostResources(session.account.studio, session.info.regions);
    expect(afterStop.map((resource) => resource.name)).toEqual(['cv']);
  });
});
