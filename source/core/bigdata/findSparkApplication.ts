import { BigDataError } from './BigDataError.js';
import type { EmrServerlessPort, SparkApplication } from './ports.js';

/** The live application of that name (or id) in the regions, or a not-found error naming them. */
export async function findSparkApplication(
  serverless: EmrServerlessPort,
  regions: readonly string[],
  nameOrId: string,
): Promise<SparkApplication> {
  const applications = await serverless.listApplications(regions);
  const found = applications.find(
    (application) =>
      application.state !== 'TERMINATED' && (application.name === nameOrId || application.id === nameOrId),
  );
  if (!found)
    throw new BigDataError(
      'not-found',
      `no EMR Serverless application '${nameOrId}' in ${regions.join(', ')}`,
    );
  return found;
}
