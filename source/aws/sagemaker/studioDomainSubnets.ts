import type { Subnet } from '@aws-sdk/client-ec2';

/**
 * Zone ids a Studio domain avoids. No SageMaker API says which zones Studio supports, and the
 * documentation consulted does not list them (inconclusive), so the safe choice is to skip the two
 * legacy zone ids known to lack many newer services (ids are the same in every account, unlike zone
 * names) and to take the rest as supported; a domain that still fails says why in FailureReason.
 */
export const STUDIO_UNSUPPORTED_ZONE_IDS: ReadonlySet<string> = new Set(['use1-az3', 'usw1-az2']);

/** SageMaker API Reference, CreateDomain: SubnetIds has at most 16 members. */
export const STUDIO_MAX_SUBNETS = 16;

/**
 * The subnets a new domain uses: one per supported Availability Zone (the domain's home EFS gets one
 * mount target per zone, so a second subnet in a zone adds nothing), default-for-zone subnets first,
 * then the rest by id so the choice is stable, at most CreateDomain's limit.
 */
export function studioDomainSubnets(subnets: readonly Subnet[]): string[] {
  const byZone = new Map<string, Subnet>();
  const ranked = [...subnets].sort(
    (a, b) =>
      Number(b.DefaultForAz ?? false) - Number(a.DefaultForAz ?? false) ||
      (a.SubnetId ?? '').localeCompare(b.SubnetId ?? ''),
  );
  for (const subnet of ranked) {
    const zone = subnet.AvailabilityZoneId ?? subnet.AvailabilityZone;
    if (!subnet.SubnetId || !zone || STUDIO_UNSUPPORTED_ZONE_IDS.has(zone)) continue;
    if (subnet.State && subnet.State !== 'available') continue;
    if (!byZone.has(zone)) byZone.set(zone, subnet);
  }
  return [...byZone.values()]
    .map((subnet) => subnet.SubnetId ?? '')
    .sort()
    .slice(0, STUDIO_MAX_SUBNETS);
}
