/**
 * CodeCatalyst dev environment compute, billed per minute by instance size. Source: the Amazon
 * CodeCatalyst pricing page (https://codecatalyst.aws/explore/pricing), Standard tier usage beyond
 * the included hours; the included hours of a space's tier are not subtracted.
 */
const USD_PER_MINUTE: Readonly<Record<string, number>> = {
  'dev.standard1.small': 0.0067, // 2 vCPU, 4 GB
  'dev.standard1.medium': 0.0134, // 4 vCPU, 8 GB
  'dev.standard1.large': 0.0268, // 8 vCPU, 16 GB
  'dev.standard1.xlarge': 0.0536, // 16 vCPU, 32 GB
};

/** The hourly rate of a dev environment's instance size, undefined for a size this table lacks. */
export function devEnvironmentUsdPerHour(instanceType: string): number | undefined {
  const perMinute = USD_PER_MINUTE[instanceType];
  return perMinute === undefined ? undefined : perMinute * 60;
}
