import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  GetInstanceProfileCommand,
  type IAMClient,
  type InstanceProfile,
} from '@aws-sdk/client-iam';
import { CloudError } from '../core/CloudError.js';
import { leftHalfMade } from '../core/leftHalfMade.js';
import { TAG } from '../core/ports.js';
import { callAws } from './callAws.js';
import { findIamEntity, isEntityAlreadyExists } from './ensureServiceRole.js';
import { toTagList } from './tagList.js';
import type { AwsCallContext } from './translateAwsError.js';

export interface InstanceProfileSpec {
  /** The instance profile and the role it carries share this name. */
  name: string;
  path: string;
  /** What to do when the profile carries another role (an instance profile holds one). */
  conflictHint: (otherRole: string) => string;
  /** What a half-made profile tells the user. */
  finishHint: string;
}

function emptyIam(message: string): CloudError {
  return new CloudError({
    kind: 'unknown',
    code: 'EmptyIamResponse',
    message,
    hint: 'Retry in a moment; if it persists, check the instance profile in the IAM console.',
  });
}

async function findOrCreate(
  iam: IAMClient,
  spec: InstanceProfileSpec,
  context: (action: string) => AwsCallContext,
): Promise<InstanceProfile> {
  const read = () =>
    iam
      .send(new GetInstanceProfileCommand({ InstanceProfileName: spec.name }))
      .then((response) => response.InstanceProfile);
  const existing = await findIamEntity(context('iam:GetInstanceProfile'), read);
  if (existing) return existing;
  const created = await iam
    .send(
      new CreateInstanceProfileCommand({
        InstanceProfileName: spec.name,
        Path: spec.path,
        Tags: toTagList({ [TAG.managed]: 'true' }),
      }),
    )
    .then(
      (response) => response.InstanceProfile,
      (error: unknown) =>
        isEntityAlreadyExists(error)
          ? callAws(context('iam:GetInstanceProfile'), read)
          : callAws(context('iam:CreateInstanceProfile'), () => Promise.reject(error)).catch(
              (failure: unknown) => {
                throw leftHalfMade(
                  failure,
                  `The role ${spec.name} is ready but has no instance profile yet.`,
                  spec.finishHint,
                );
              },
            ),
    );
  if (!created) throw emptyIam(`IAM returned no instance profile ${spec.name}.`);
  return created;
}

/**
 * The instance profile named after its role, made if missing and given the role; its ARN. Another
 * role already in it is refused: replacing someone's choice is not ours to do.
 */
export async function ensureInstanceProfile(
  iam: IAMClient,
  spec: InstanceProfileSpec,
  context: (action: string) => AwsCallContext,
): Promise<string> {
  const instanceProfile = await findOrCreate(iam, spec, context);
  const roles = instanceProfile.Roles ?? [];
  if (!roles.some((role) => role.RoleName === spec.name)) {
    const other = roles[0]?.RoleName;
    if (other)
      throw new CloudError({
        kind: 'conflict',
        code: 'InstanceProfileHasOtherRole',
        message: `The instance profile ${spec.name} already carries the role ${other}.`,
        hint: spec.conflictHint(other),
      });
    await callAws(context('iam:AddRoleToInstanceProfile'), () =>
      iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: spec.name, RoleName: spec.name })),
    ).catch((error: unknown) => {
      throw leftHalfMade(
        error,
        `The instance profile ${spec.name} exists without its role.`,
        spec.finishHint,
      );
    });
  }
  if (!instanceProfile.Arn) throw emptyIam(`IAM returned no ARN for the instance profile ${spec.name}.`);
  return instanceProfile.Arn;
}
