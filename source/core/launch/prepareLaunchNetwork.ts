import { prepareFsxMount } from '../fsx/prepareFsxMount.js';
import { TAG } from '../ports.js';
import { templateS3Objects } from '../provisioning/templateS3Objects.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import type { LaunchContext } from './LaunchContext.js';
import { LaunchError } from './LaunchError.js';
import type { LaunchRequest } from './LaunchRequest.js';

/** Where the instance goes and what it mounts, as the launch's later steps need them. */
export interface PreparedNetwork {
  securityGroup: string;
  keyName: string | undefined;
  instanceProfile: string;
  efs: { file_system_id: string; access_point_id: string } | undefined;
  fsx: Awaited<ReturnType<typeof prepareFsxMount>> | undefined;
  subnetId: string | undefined;
}

/**
 * The launch's prepare-network step: the profile's subnet and security group, the user's key pair,
 * the workstation role (with a read grant for the template's S3 files), and the EFS or FSx it mounts.
 */
export async function prepareLaunchNetwork(
  context: LaunchContext,
  region: string,
  template: ResolvedTemplate,
  request: LaunchRequest,
): Promise<[PreparedNetwork, string]> {
  const { account } = context;
  const choice = (await context.network?.(region)) ?? {};
  const securityGroup = await account.network.ensureSecurityGroup(region, choice);
  const publicKey = context.researchUser.ssh_public_keys[0];
  const keyName = publicKey
    ? await account.network.ensureKeyPair(region, `cws-${context.researchUser.username}`, publicKey)
    : undefined;
  // The boot script tags its progress and the idle agent stops the instance through this role.
  const instanceProfile = await account.roles.ensureWorkstationInstanceProfile();
  // The template's S3 files: the role may read exactly those objects (the policy checked the buckets).
  const s3Objects = templateS3Objects(template, request.parameters);
  const filesGrant =
    s3Objects.length > 0 ? await account.roles.grantTemplateFiles(template.slug, s3Objects) : undefined;
  const efs = request.efs
    ? await prepareFileSystem(context, region, request.efs, choice.subnet_id)
    : undefined;
  const fsx = request.fsx ? await prepareFsxMount(account, region, request.fsx.file_system_id) : undefined;
  return [
    { securityGroup, keyName, instanceProfile, efs, fsx, subnetId: choice.subnet_id },
    `${choice.subnet_id ? `subnet ${choice.subnet_id}, ` : ''}security group ${securityGroup}${keyName ? `, key ${keyName}` : ''}, instance profile ${instanceProfile}` +
      (efs ? `, ${efs.file_system_id} through access point ${efs.access_point_id}` : '') +
      (fsx ? `, FSx ${fsx.type} ${fsx.file_system_id} at /fsx` : '') +
      (filesGrant ? `; ${filesGrant}` : ''),
  ];
}

/**
 * The EFS file system a launch mounts: it must exist in the region; it gets a mount target (in the
 * default subnets) and the research user's access point, so that files carry the user's identity.
 */
async function prepareFileSystem(
  context: LaunchContext,
  region: string,
  efs: NonNullable<LaunchRequest['efs']>,
  subnetId: string | undefined,
): Promise<{ file_system_id: string; access_point_id: string }> {
  const { storage } = context.account;
  const found = (await storage.listFileSystems([region])).find((fs) => fs.id === efs.file_system_id);
  if (!found) {
    throw new LaunchError(
      'prepare-network',
      `the EFS file system ${efs.file_system_id} does not exist in ${region}`,
      'See :storage, or create one with cws-tui storage create <name>.',
    );
  }
  await storage.ensureMountTarget(region, found.id, subnetId);
  if (efs.access_point_id) return { file_system_id: found.id, access_point_id: efs.access_point_id };
  const user = context.researchUser;
  const accessPoint = await storage.ensureAccessPoint(
    region,
    found.id,
    { username: user.username, uid: user.uid, gid: user.gid },
    { [TAG.managed]: 'true', [TAG.profile]: context.profile.name },
  );
  return { file_system_id: found.id, access_point_id: accessPoint.id };
}
