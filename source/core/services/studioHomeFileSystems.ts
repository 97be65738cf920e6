import type { StudioPort } from '../ports.js';
import { STUDIO_DOMAIN_NAME } from './sageMakerNames.js';

/** The EFS file system SageMaker made for the app's domain: the Studio users' home directories. */
export interface StudioHomeFileSystem {
  region: string;
  domain_id: string;
  file_system_id: string;
}

/**
 * The home EFS of the app's SageMaker domain in each region, for the Storage screen. SageMaker
 * creates and owns it (it is not tagged as the app's), and keeps it when the domain is deleted.
 */
export async function studioHomeFileSystems(
  studio: StudioPort,
  regions: readonly string[],
): Promise<StudioHomeFileSystem[]> {
  const perRegion = await Promise.all(
    regions.map(async (region) =>
      (await studio.listDomains(region))
        .filter((domain) => domain.name === STUDIO_DOMAIN_NAME && domain.home_efs_file_system_id)
        .map((domain) => ({
          region,
          domain_id: domain.id,
          file_system_id: domain.home_efs_file_system_id ?? '',
        })),
    ),
  );
  return perRegion.flat();
}
