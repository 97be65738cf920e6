import { CloudError } from '../../core/CloudError.js';
import type { InstanceTypeInfo } from '../../core/catalog/InstanceTypeInfo.js';
import { findInstanceType } from '../../core/catalog/instanceTypes.js';
import type { InstanceState, RunInstanceRequest } from '../../core/ports.js';
import { alternativeInstanceTypes } from '../alternativeInstanceTypes.js';
import type { DemoFaults } from './demoFaults.js';
import type { DemoInstance, DemoState } from './demoState.js';

const ZONE_SUFFIXES = ['a', 'b', 'c'];

/** The type's facts, or EC2's InvalidParameterValue for a type it does not know. */
export function requireInstanceType(name: string): InstanceTypeInfo {
  // ml.* types are SageMaker's: EC2 knows no such type.
  const info = name.startsWith('ml.') ? undefined : findInstanceType(name);
  if (!info) {
    throw new CloudError({
      kind: 'invalid-parameter',
      code: 'InvalidParameterValue',
      message: `the instance type '${name}' does not exist`,
      hint: 'Pick a type from the size list of the template, e.g. t3.medium or m7i.large.',
    });
  }
  return info;
}

/** The requested zone or the region's first with capacity (the faults can take it away). */
export function pickDemoZone(request: RunInstanceRequest, faults: DemoFaults): string {
  const zones = request.availability_zone
    ? [request.availability_zone]
    : ZONE_SUFFIXES.map((suffix) => `${request.region}${suffix}`);
  const zone = zones.find((z) => !faults.capacityZones.includes(z));
  if (!zone) {
    throw new CloudError({
      kind: 'capacity',
      code: 'InsufficientInstanceCapacity',
      message: `there is not enough ${request.instance_type} capacity in ${zones.join(', ')}`,
      hint: capacityHint(request.instance_type),
      retryable: true,
    });
  }
  return zone;
}

export function findDemoInstance(state: DemoState, region: string, id: string): DemoInstance {
  const raw = state.instances.find((i) => i.id === id && i.region === region);
  if (!raw) {
    throw new CloudError({
      kind: 'not-found',
      code: 'InvalidInstanceID.NotFound',
      message: `the instance ${id} does not exist in ${region}`,
      hint: 'It may have been terminated; refresh the list.',
    });
  }
  return raw;
}

export function incorrectState(id: string, state: InstanceState, action: string): CloudError {
  return new CloudError({
    kind: 'conflict',
    code: 'IncorrectInstanceState',
    message: `cannot ${action} ${id}: it is ${state}`,
    hint: 'Wait for the current transition to finish, then try again.',
  });
}

/** Like EC2's adapter: name the neighbouring types the catalog has, with the same architecture. */
function capacityHint(instanceType: string): string {
  const architecture = findInstanceType(instanceType)?.architecture;
  const similar = alternativeInstanceTypes(instanceType).filter(
    (candidate) => findInstanceType(candidate)?.architecture === architecture,
  );
  return similar.length > 0
    ? `Try ${similar.join(' or ')}, another size, or try again later.`
    : 'Try another instance type or size, or try again later.';
}
