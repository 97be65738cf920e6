import type { IAMClient } from '@aws-sdk/client-iam';
import { CloudError } from '../core/CloudError.js';
import { partitionOf } from '../core/iam/PolicyDocument.js';
import type { S3ObjectRef } from '../core/iam/templateFilesReadPolicy.js';
import { workstationRolePolicy } from '../core/iam/workstationRolePolicy.js';
import type { InstanceRolePort } from '../core/ports.js';
import { ensureInstanceProfile } from './ensureInstanceProfile.js';
import { ensureServiceRole } from './ensureServiceRole.js';
import { grantTemplateFilesOnRole } from './iamTemplateFilesGrant.js';
import type { AwsCallContext } from './translateAwsError.js';
import {
  configuredInstanceProfile,
  INSTANCE_PROFILE_ENV,
  WORKSTATION_ROLE_NAME,
  WORKSTATION_ROLE_PATH,
} from './workstationInstanceProfile.js';

/** What the SSM agent needs to register the instance and carry Session Manager sessions. */
export const SSM_MANAGED_POLICY_ARN = 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore';
export const WORKSTATION_INLINE_POLICY_NAME = 'cws-tui-workstation-self';
const FINISH_PROFILE = 'The next launch finishes it (it keeps what is there and adds what is missing).';

/**
 * The inline policy in the commercial partition; the role gets the copy for its own partition
 * (see `workstationRolePolicy` for how "only itself" is said in IAM's grammar).
 */
export const WORKSTATION_INLINE_POLICY = JSON.stringify(workstationRolePolicy('aws'));

export interface IamWorkstationRoleOptions {
  iam: () => IAMClient;
  profile?: string;
  /** An admin's own instance profile (CWS_INSTANCE_PROFILE): used as is, nothing is created. */
  configured?: string;
}

/**
 * The workstations' instance profile on IAM: the role `cws-tui-workstation` (path `/cws-tui/`,
 * trusted by EC2, tagged cws:managed) with the SSM core policy and the self-only inline policy,
 * in an instance profile of the same name. Ensured once per session; a failure is retried on the
 * next launch.
 */
export class IamWorkstationRole implements InstanceRolePort {
  private ensured: Promise<string> | undefined;

  constructor(private readonly options: IamWorkstationRoleOptions) {}

  ensureWorkstationInstanceProfile(): Promise<string> {
    this.ensured ??= this.ensure();
    this.ensured.catch(() => {
      this.ensured = undefined;
    });
    return this.ensured;
  }

  async grantTemplateFiles(slug: string, objects: readonly S3ObjectRef[]): Promise<string> {
    if (objects.length === 0) return 'no S3 files';
    const configured = configuredInstanceProfile(this.options.configured);
    if (configured) {
      return `${configured} is an admin's instance profile: its role must allow s3:GetObject on ${objects.map((o) => `s3://${o.bucket}/${o.key}`).join(', ')}`;
    }
    const profileArn = await this.ensureWorkstationInstanceProfile();
    const policy = await grantTemplateFilesOnRole(
      this.options.iam(),
      {
        roleName: WORKSTATION_ROLE_NAME,
        slug,
        partition: partitionOf(profileArn),
        ...(this.options.profile ? { profile: this.options.profile } : {}),
      },
      objects,
    );
    return `${WORKSTATION_ROLE_NAME} may read ${objects.length} S3 object${objects.length === 1 ? '' : 's'} (${policy})`;
  }

  private context(action: string): AwsCallContext {
    return { action, ...(this.options.profile ? { profile: this.options.profile } : {}) };
  }

  private async ensure(): Promise<string> {
    const configured = configuredInstanceProfile(this.options.configured);
    if (configured) return configured;
    try {
      return await this.ensureOwn(this.options.iam());
    } catch (error) {
      // Members often may not touch IAM: an admin's profile is the other way to launch.
      if (error instanceof CloudError && error.kind === 'unauthorized') {
        throw new CloudError({
          kind: error.kind,
          code: error.code,
          message: error.message,
          hint: `${error.hint} Or have an admin create an instance profile for workstations and set ${INSTANCE_PROFILE_ENV} to its name.`,
          retryable: error.retryable,
        });
      }
      throw error;
    }
  }

  private async ensureOwn(iam: IAMClient): Promise<string> {
    await ensureServiceRole(
      iam,
      {
        name: WORKSTATION_ROLE_NAME,
        path: WORKSTATION_ROLE_PATH,
        description: 'cws-tui workstations: tag and stop themselves, SSM Session Manager',
        trustedService: 'ec2.amazonaws.com',
        managedPolicyArns: [SSM_MANAGED_POLICY_ARN],
        inlinePolicies: {
          [WORKSTATION_INLINE_POLICY_NAME]: (roleArn) =>
            JSON.stringify(workstationRolePolicy(partitionOf(roleArn))),
        },
      },
      this.options.profile,
    );
    return this.ensureProfileWithRole(iam);
  }

  /** The instance profile of the same name, made if missing, carrying the role. */
  private ensureProfileWithRole(iam: IAMClient): Promise<string> {
    return ensureInstanceProfile(
      iam,
      {
        name: WORKSTATION_ROLE_NAME,
        path: WORKSTATION_ROLE_PATH,
        conflictHint: (other) =>
          `Remove ${other} from it in the IAM console, or set CWS_INSTANCE_PROFILE=${WORKSTATION_ROLE_NAME} to launch with it as it is.`,
        finishHint: FINISH_PROFILE,
      },
      (action) => this.context(action),
    );
  }
}
