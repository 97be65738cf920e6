import { type CloudAccount, TAG } from '../ports.js';
import { type CostResource, costResourceFromFileSystem, costResourceFromInstance } from './CostResource.js';

/**
 * The app's resources that cost money, from the account's ports: every managed instance (terminated
 * ones too, while AWS still lists them, so that their spend this month counts) and every managed EFS
 * file system in the regions.
 */
export async function listCostResources(
  account: CloudAccount,
  regions: readonly string[],
): Promise<CostResource[]> {
  const [instances, fileSystems] = await Promise.all([
    account.compute.listInstances({ regions: [...regions] }),
    account.storage.listFileSystems([...regions]),
  ]);
  return [
    ...instances.items.map((instance) => costResourceFromInstance(instance)),
    ...fileSystems
      .filter((fileSystem) => fileSystem.tags[TAG.managed] === 'true' && fileSystem.state !== 'deleted')
      .map(costResourceFromFileSystem),
  ];
}
