import type { PolicyDocument } from '../../core/iam/PolicyDocument.js';
import {
  type S3ObjectRef,
  templateFilesPolicyName,
  templateFilesReadPolicy,
} from '../../core/iam/templateFilesReadPolicy.js';
import type { InstanceRolePort } from '../../core/ports.js';
import {
  configuredInstanceProfile,
  INSTANCE_PROFILE_ENV,
  WORKSTATION_ROLE_NAME,
  WORKSTATION_ROLE_PATH,
} from '../workstationInstanceProfile.js';
import { DEMO_ACCOUNT_ID } from './demoState.js';

/**
 * The demo account's workstation instance profile: the one the app would create on AWS (same
 * name and path, in the demo account), or the one CWS_INSTANCE_PROFILE names, checked the same way.
 */
export class DemoRoles implements InstanceRolePort {
  /** The inline policies the demo role carries, by name, as the AWS adapter would write them. */
  readonly inlinePolicies = new Map<string, PolicyDocument>();

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  async grantTemplateFiles(slug: string, objects: readonly S3ObjectRef[]): Promise<string> {
    if (objects.length === 0) return 'no S3 files';
    const configured = configuredInstanceProfile(this.env[INSTANCE_PROFILE_ENV]);
    if (configured)
      return `${configured} is an admin's instance profile: its role must allow s3:GetObject on them`;
    const name = templateFilesPolicyName(slug);
    const existing = this.inlinePolicies.get(name)?.Statement[0]?.Resource;
    this.inlinePolicies.set(
      name,
      templateFilesReadPolicy(objects, 'aws', Array.isArray(existing) ? existing : []),
    );
    return `${WORKSTATION_ROLE_NAME} may read ${objects.length} S3 object${objects.length === 1 ? '' : 's'} (${name})`;
  }

  async ensureWorkstationInstanceProfile(): Promise<string> {
    return (
      configuredInstanceProfile(this.env[INSTANCE_PROFILE_ENV]) ??
      `arn:aws:iam::${DEMO_ACCOUNT_ID}:instance-profile${WORKSTATION_ROLE_PATH}${WORKSTATION_ROLE_NAME}`
    );
  }
}
