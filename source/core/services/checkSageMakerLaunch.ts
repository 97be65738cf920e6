import { findInstanceType, listInstanceTypes } from '../catalog/instanceTypes.js';
import { LaunchDeniedError, LaunchError } from '../launch/LaunchError.js';
import type { LaunchRequest } from '../launch/LaunchRequest.js';
import { evaluatePolicy } from '../policy/evaluatePolicy.js';
import type { PolicyVerdict } from '../policy/PolicyVerdict.js';
import { type ResourceTags, TAG } from '../ports.js';
import { templatePolicyFacts } from '../templates/templatePolicyFacts.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import type { Workstation } from '../workstations/Workstation.js';
import type { SageMakerLaunchHost } from './SageMakerLaunchHost.js';
import type { ManagedServiceKind } from './ServiceKind.js';
import { studioSpaceName } from './sageMakerNames.js';

export interface SageMakerLaunchFacts {
  request: LaunchRequest;
  template: ResolvedTemplate;
  kind: ManagedServiceKind;
  region: string;
  instanceType: string;
  hourly: number;
  researchUser: string;
  owner: string;
  launchTags: ResourceTags;
}

/**
 * A Studio space's or Canvas app's launch checks: names unique among workstations and services, one
 * Canvas app per user, then the one policy evaluation (service type `sagemaker`), with an admin's
 * override audited. Returns the verdict and the same user's service of that name to resume.
 */
export async function checkSageMakerLaunch(
  host: SageMakerLaunchHost,
  facts: SageMakerLaunchFacts,
): Promise<{ verdict: PolicyVerdict; existing: Workstation | undefined }> {
  const { request, template, kind, region, instanceType, hourly, owner, launchTags } = facts;
  const canvas = kind === 'sagemaker-canvas';
  const rows = await host.list([region]);
  const live = rows.filter((row) => row.state !== 'terminated');
  const workstations = await host.liveWorkstations();
  const clash = workstations.find((instance) => instance.name === request.name);
  if (clash) {
    throw new LaunchError(
      'check-policy',
      `a workstation named '${request.name}' already exists (${clash.id}, ${clash.state})`,
      'Choose another name: names are unique among workstations and services.',
    );
  }
  const sameName = live.find((row) => row.name === request.name);
  const reusable =
    sameName &&
    sameName.kind === kind &&
    sameName.template === template.slug &&
    sameName.research_user === facts.researchUser;
  if (sameName && !reusable) {
    throw new LaunchError(
      'check-policy',
      `a service named '${request.name}' already exists (${sameName.kind}, ${sameName.state})`,
      'Choose another name, or terminate the existing one first.',
    );
  }
  if (canvas) {
    const ownCanvas = live.find(
      (row) => row.kind === 'sagemaker-canvas' && row.research_user === facts.researchUser,
    );
    if (ownCanvas && ownCanvas.name !== request.name) {
      throw new LaunchError(
        'check-policy',
        `${facts.researchUser} already has a Canvas app ('${ownCanvas.name}', ${ownCanvas.state}): SageMaker allows one per user profile`,
        `Connect to '${ownCanvas.name}' instead, or terminate it first.`,
      );
    }
  }
  const result = evaluatePolicy(
    host.context.profile.policy,
    {
      template_slug: template.slug,
      instance_type: instanceType,
      region,
      spot: false,
      hibernation: false,
      service_type: 'sagemaker',
      root_volume_gb: 0,
      tags: launchTags,
      ...templatePolicyFacts(template),
    },
    {
      ...(canvas ? {} : { instance_type_info: sageMakerTypeInfo(instanceType) }),
      hourly_cost: hourly,
      // One count across kinds: the policy's per-user limit covers workstations and services.
      running_count_for_user:
        live.filter(
          (row) =>
            row.research_user === facts.researchUser && (row.state === 'running' || row.state === 'pending'),
        ).length +
        workstations.filter(
          (instance) =>
            instance.tags[TAG.researchUser] === facts.researchUser &&
            (instance.state === 'running' || instance.state === 'pending'),
        ).length,
      candidate_instance_types: listInstanceTypes(),
      candidate_hourly_cost: (type) => host.context.prices.instanceHourly(`ml.${type}`, region)?.usd_per_hour,
    },
  );
  if (!result.allowed) {
    if (!request.override_reason) throw new LaunchDeniedError(result);
    if (host.context.profile.role !== 'admin') {
      throw new LaunchError('check-policy', 'only a profile with the admin role can override the policy');
    }
    // The same audit record as an EC2 override; the service's row id stands in for a launch id.
    await host.context.audit({
      action: 'policy-override',
      profile: host.context.profile.name,
      owner,
      template: template.slug,
      instance_type: instanceType,
      reason: request.override_reason,
      violations: result.violations.map((violation) => violation.message),
      launch_id: `sagemaker:${region}/${studioSpaceName(request.name)}`,
    });
  }
  return { verdict: result, existing: reusable ? sameName : undefined };
}

/** An `ml.*` type has the hardware of the EC2 type of the same name. */
function sageMakerTypeInfo(instanceType: string) {
  return findInstanceType(instanceType.replace(/^ml\./, ''));
}
