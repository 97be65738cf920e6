import { type FileSystem, type ResourceTags, type StudioPort, TAG } from '../ports.js';
import { STUDIO_DOMAIN_NAME } from './sageMakerNames.js';

/** The tag a home EFS gets when its domain is deleted: the id of the domain that left it. */
export const STUDIO_HOME_DOMAIN_TAG = 'cws:studio-domain';

/** The EFS file system SageMaker made for the app's domain: the Studio users' home directories. */
export interface StudioHomeFileSystem {
  region: string;
  domain_id: string;
  file_system_id: string;
}

/**
 * The tags a home EFS receives just before its domain is deleted with RetentionPolicy Retain: managed,
 * so that storage and the cost report keep listing it, and the domain it came from, so that it reads
 * as left behind rather than as a file system someone created.
 */
export function retainedStudioHomeTags(domainId: string): ResourceTags {
  return {
    [TAG.managed]: 'true',
    [TAG.name]: `studio-home-${domainId}`,
    [STUDIO_HOME_DOMAIN_TAG]: domainId,
  };
}

/** The domain a file system was left by, when it is a retained Studio home. */
export function leftByStudioDomain(fileSystem: FileSystem): string | undefined {
  return fileSystem.tags[STUDIO_HOME_DOMAIN_TAG];
}

/**
 * The home EFS of the app's SageMaker domain in each region, for the Storage screen. SageMaker
 * creates and owns it (it is not tagged as the app's while the domain lives); once the domain is
 * deleted it carries the tags above and is listed with the other file systems.
 */
export async function studioHomeFileSystems(
  studio: StudioPort,
  regions: readonly string[],
): Promise<StudioHomeFileSystem[]> {
  const perRegion = await Promise.all(
    regions.map(async (region) =>
      (await studio.listDomains(region))
        .filter(
          (domain) =>
            domain.name === STUDIO_DOMAIN_NAME &&
            domain.home_efs_file_system_id &&
            domain.status !== 'Deleting' &&
            domain.status !== 'Deleted',
        )
        .map((domain) => ({
          region,
          domain_id: domain.id,
          file_system_id: domain.home_efs_file_system_id ?? '',
        })),
    ),
  );
  return perRegion.flat();
}
