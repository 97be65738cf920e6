import type {
  _InstanceType,
  InstanceMarketOptionsRequest,
  RunInstancesCommandInput,
  TagSpecification,
} from '@aws-sdk/client-ec2';
import { type ResourceTags, type RunInstanceRequest, TAG } from '../core/ports.js';
import { EC2_TAG } from './ec2Tags.js';
import { toTagList } from './tagList.js';

/**
 * How long a persistent Spot request stays valid. EC2 API Reference, SpotMarketOptions: a persistent
 * request "remains active until the ValidUntil date"; the launch-template variant documents a default
 * of 7 days, and once the request has lapsed EC2 no longer restarts an interrupted (stopped or
 * hibernated) instance. The reference states no maximum, so the safe choice is an explicit, long date:
 * the workstation stays restartable for as long as anyone plausibly keeps one.
 */
export const SPOT_REQUEST_VALID_DAYS = 5 * 365;
const DAY_MS = 86_400_000;

/**
 * The RunInstances request of a launch: tagged (instance, volume, Spot request), an encrypted root
 * volume on the image's root device, IMDSv2 only, in the subnet or zone asked for. `now` dates the
 * Spot request's validity.
 */
export function runInstancesInput(
  request: RunInstanceRequest,
  rootDeviceName: string,
  now: number,
): RunInstancesCommandInput {
  const tags: ResourceTags = {
    ...request.tags,
    [TAG.managed]: 'true',
    [TAG.name]: request.name,
    [TAG.launchId]: request.tags[TAG.launchId] ?? request.client_token,
    [EC2_TAG.rootVolumeGb]: String(request.root_volume_gb),
    [EC2_TAG.rootVolumeType]: request.root_volume_type,
  };
  const tagSpecifications: TagSpecification[] = [
    { ResourceType: 'instance', Tags: toTagList(tags) },
    { ResourceType: 'volume', Tags: toTagList(tags) },
  ];
  if (request.spot) tagSpecifications.push({ ResourceType: 'spot-instances-request', Tags: toTagList(tags) });
  const profile = request.iam_instance_profile;
  return {
    ImageId: request.image_id,
    InstanceType: request.instance_type as _InstanceType,
    MinCount: 1,
    MaxCount: 1,
    ClientToken: request.client_token,
    UserData: request.user_data_base64,
    TagSpecifications: tagSpecifications,
    BlockDeviceMappings: [
      {
        DeviceName: rootDeviceName,
        Ebs: {
          VolumeSize: request.root_volume_gb,
          VolumeType: request.root_volume_type,
          Encrypted: true,
          DeleteOnTermination: true,
        },
      },
    ],
    MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 2 },
    ...(request.hibernation ? { HibernationOptions: { Configured: true } } : {}),
    ...(request.spot ? { InstanceMarketOptions: spotMarketOptions(request, now) } : {}),
    ...(request.key_name ? { KeyName: request.key_name } : {}),
    ...(request.security_group_ids?.length ? { SecurityGroupIds: request.security_group_ids } : {}),
    ...(request.subnet_id ? { SubnetId: request.subnet_id } : {}),
    ...(!request.subnet_id && request.availability_zone
      ? { Placement: { AvailabilityZone: request.availability_zone } }
      : {}),
    ...(profile
      ? { IamInstanceProfile: profile.startsWith('arn:') ? { Arn: profile } : { Name: profile } }
      : {}),
  };
}

/**
 * A persistent request (a one-time Spot instance could never be stopped) that keeps the instance on
 * interruption. EC2 API Reference, SpotMarketOptions: with HibernationOptions.Configured the
 * interruption behaviour must be `hibernate` ("If you set it to stop or terminate, you'll get an
 * error"); without it `stop`, since persistent requests from RunInstances accept only those two.
 */
function spotMarketOptions(request: RunInstanceRequest, now: number): InstanceMarketOptionsRequest {
  return {
    MarketType: 'spot',
    SpotOptions: {
      SpotInstanceType: 'persistent',
      InstanceInterruptionBehavior: request.hibernation ? 'hibernate' : 'stop',
      ValidUntil: new Date(now + SPOT_REQUEST_VALID_DAYS * DAY_MS),
    },
  };
}
