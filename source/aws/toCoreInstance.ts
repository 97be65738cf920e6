import type { Instance as Ec2Instance } from '@aws-sdk/client-ec2';
import { INSTANCE_STATES, type Instance, type InstanceState, TAG } from '../core/ports.js';
import { EC2_TAG } from './ec2Tags.js';
import { fromTagList } from './tagList.js';

function stateOf(name: string | undefined): InstanceState {
  return (INSTANCE_STATES as readonly string[]).includes(name ?? '') ? (name as InstanceState) : 'pending';
}

/** EC2 gives the time of the last change only inside a sentence: "User initiated (2026-11-26 02:50:01 GMT)". */
function lastTransitionTime(reason: string | undefined): string | undefined {
  const match = /\((\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) GMT\)/.exec(reason ?? '');
  return match ? `${match[1]}T${match[2]}.000Z` : undefined;
}

/**
 * The app's view of an EC2 instance. The root volume's size and type come from the tags written at
 * launch (0 and '' when the instance was not launched by cws-tui): reading them from EC2 would take
 * a DescribeVolumes call per refresh.
 */
export function toCoreInstance(instance: Ec2Instance, region: string): Instance {
  const tags = fromTagList(instance.Tags);
  const state = stateOf(instance.State?.Name);
  const hibernated =
    (state === 'stopped' || state === 'stopping') &&
    (instance.StateReason?.Code === 'Client.UserInitiatedHibernate' || tags[TAG.hibernated] === 'true');
  const launchedAt = instance.LaunchTime?.toISOString() ?? new Date(0).toISOString();
  const id = instance.InstanceId ?? '';
  // A launch moved to another zone carried "<token>-<zone>" (see Ec2Compute); the core knows the launch's own token.
  const launchId = tags[TAG.launchId];
  const clientToken =
    launchId && instance.ClientToken?.startsWith(`${launchId}-`) ? launchId : instance.ClientToken;
  return {
    id,
    name: tags[TAG.name] || id,
    region,
    ...(instance.Placement?.AvailabilityZone
      ? { availability_zone: instance.Placement.AvailabilityZone }
      : {}),
    state,
    instance_type: instance.InstanceType ?? '',
    architecture: instance.Architecture?.startsWith('arm64') ? 'arm64' : 'x86_64',
    image_id: instance.ImageId ?? '',
    launched_at: launchedAt,
    ...(instance.PublicIpAddress ? { public_ip: instance.PublicIpAddress } : {}),
    ...(instance.PrivateIpAddress ? { private_ip: instance.PrivateIpAddress } : {}),
    spot: instance.InstanceLifecycle === 'spot',
    hibernation_configured: instance.HibernationOptions?.Configured === true,
    hibernated,
    root_volume_gb: Number.parseInt(tags[EC2_TAG.rootVolumeGb] ?? '', 10) || 0,
    root_volume_type: tags[EC2_TAG.rootVolumeType] ?? '',
    ...(instance.KeyName ? { key_name: instance.KeyName } : {}),
    ...(clientToken ? { client_token: clientToken } : {}),
    tags,
    transitions: [
      {
        at: lastTransitionTime(instance.StateTransitionReason) ?? launchedAt,
        state: hibernated ? 'hibernated' : state,
      },
    ],
  };
}
