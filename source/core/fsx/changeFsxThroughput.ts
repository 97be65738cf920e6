import { OperationError } from '../operations/OperationError.js';
import type { OperationsContext } from '../operations/OperationsContext.js';
import type { FsxFileSystem } from './FsxFileSystem.js';
import { type FsxMonthlyCost, fsxMonthlyCost } from './fsxMonthlyCost.js';
import { fsxPolicyRequest } from './fsxOperations.js';
import { FSX_SHAPE_RULES, fsxShapeProblems } from './fsxShapeRules.js';
import { regionStoragePrices } from './regionStoragePrices.js';
import { requireStoragePolicy } from './requireStoragePolicy.js';

/**
 * Sets an FSx file system's provisioned throughput (the fix an over-provisioned finding proposes,
 * or a raise before a big run): a level FSx would refuse is refused first with the nearest ones,
 * the storage policy decides the new shape as it does a create, and the audit log records it.
 */
export async function changeFsxThroughput(
  context: OperationsContext,
  fileSystem: FsxFileSystem,
  throughput: number,
): Promise<{ before: FsxMonthlyCost; after: FsxMonthlyCost }> {
  const rule = FSX_SHAPE_RULES[fileSystem.deployment];
  if (!rule.throughput_settable) {
    throw new OperationError(
      'invalid',
      `${fileSystem.id} is ${fileSystem.deployment}: its throughput is fixed at ${rule.default_throughput} ${rule.throughput_unit}`,
    );
  }
  const problems = fsxShapeProblems(fileSystem.deployment, fileSystem.capacity_gib, throughput);
  if (problems.length > 0) throw new OperationError('invalid', problems.join('; '));
  if (fileSystem.state !== 'available') {
    throw new OperationError(
      'refused',
      `${fileSystem.id} is ${fileSystem.state}: its throughput can be changed once it is available`,
    );
  }
  const prices = await regionStoragePrices(context.account.storagePrices, fileSystem.region);
  const before = fsxMonthlyCost(fileSystem, prices);
  const after = fsxMonthlyCost({ ...fileSystem, throughput }, prices);
  requireStoragePolicy(
    context.profile.policy,
    context.profile.name,
    fsxPolicyRequest(fileSystem.region, { request: { ...fileSystem, throughput }, monthly: after }),
  );
  await context.account.fsx.updateThroughput(fileSystem.region, fileSystem, throughput);
  await context.audit({
    action: 'fsx-throughput',
    profile: context.profile.name,
    targets: [fileSystem.id],
    region: fileSystem.region,
    from: fileSystem.throughput,
    to: throughput,
    monthly_usd: Math.round(after.total_usd * 100) / 100,
  });
  return { before, after };
}
