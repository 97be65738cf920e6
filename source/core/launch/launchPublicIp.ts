import type { NetworkChoice } from '../network/NetworkChoice.js';
import type { NetworkPort } from '../ports.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';

/**
 * Whether a workstation launched now would get a public IP, for a template that promises none:
 * the recorded subnet's auto-assign setting, or the default VPC's default subnets when none is
 * recorded. Undefined (unknown, which the policy denies) when it cannot be told; not asked at all
 * for other templates.
 */
export async function launchPublicIp(
  template: Pick<ResolvedTemplate, 'compliance'>,
  region: string,
  network: NetworkPort,
  choice: (region: string) => Promise<NetworkChoice>,
): Promise<boolean | undefined> {
  if (!template.compliance?.controls?.includes('no_public_ip')) return undefined;
  try {
    const [{ subnet_id: subnetId }, overview] = await Promise.all([
      choice(region),
      network.describeNetworks(region),
    ]);
    const subnets = overview.vpcs.flatMap((vpc) =>
      subnetId === undefined
        ? vpc.is_default
          ? vpc.subnets
          : []
        : vpc.subnets.filter((s) => s.id === subnetId),
    );
    if (subnets.length === 0) return undefined;
    return subnets.some((subnet) => subnet.auto_public_ip);
  } catch {
    return undefined;
  }
}
