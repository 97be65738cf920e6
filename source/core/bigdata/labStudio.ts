import { TAG } from '../ports.js';
import type { BigDataContext } from './BigDataContext.js';
import { BigDataError } from './BigDataError.js';
import { pickSparkNetwork } from './pickSparkNetwork.js';
import type { EmrStudio } from './ports.js';

/** Where Studio keeps workspaces and notebooks, under the lab's staging bucket. */
export const STUDIO_WORKSPACE_PREFIX = 'studio/workspaces/';

/** The lab's Studio name: one per lab (the profile's project, else the profile) and region. */
export function labStudioName(context: Pick<BigDataContext, 'profile' | 'project'>): string {
  const lab = (context.project ?? context.profile).replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60);
  return `cws-tui-${lab}`;
}

/** The lab's Studio in a region, or undefined when there is none yet. */
export async function findLabStudio(context: BigDataContext, region: string): Promise<EmrStudio | undefined> {
  const name = labStudioName(context);
  const summary = (await context.bigdata.studio.listStudios(region)).find((studio) => studio.name === name);
  return summary && (await context.bigdata.studio.describeStudio(region, summary.id));
}

/** The lab's Studio, or a not-found error that says how to make it. */
export async function requireLabStudio(context: BigDataContext, region: string): Promise<EmrStudio> {
  const studio = await findLabStudio(context, region);
  if (!studio)
    throw new BigDataError(
      'not-found',
      `the lab has no EMR Studio in ${region}: create it with cws-tui bigdata studio create --region ${region}`,
    );
  return studio;
}

/**
 * Creates the lab's Studio once (a second call finds the first): IAM authentication, the VPC and
 * subnets the network settings give Spark, the Studio service role, and workspaces under the
 * staging bucket. The network is checked before anything is made.
 */
export async function ensureLabStudio(
  context: BigDataContext,
  region: string,
): Promise<{ studio: EmrStudio; created: boolean }> {
  const existing = await findLabStudio(context, region);
  if (existing) return { studio: existing, created: false };
  const network = pickSparkNetwork(await context.network.describeNetworks(region));
  if (!network)
    throw new BigDataError(
      'input',
      `there is no VPC with subnets in ${region} for EMR Studio: run cws-tui network create --region ${region}`,
    );
  const bucket = await context.bigdata.staging.ensureStagingBucket(region);
  const serviceRole = await context.bigdata.roles.ensureStudioServiceRole({
    bucket,
    key: STUDIO_WORKSPACE_PREFIX,
  });
  const studio = await context.bigdata.studio.createStudio({
    name: labStudioName(context),
    region,
    vpc_id: network.vpc_id,
    subnet_ids: network.subnet_ids,
    service_role_arn: serviceRole,
    workspace_location: `s3://${bucket}/${STUDIO_WORKSPACE_PREFIX}`,
    tags: {
      [TAG.managed]: 'true',
      [TAG.profile]: context.profile,
      ...(context.project ? { [TAG.project]: context.project } : {}),
    },
  });
  return { studio, created: true };
}
