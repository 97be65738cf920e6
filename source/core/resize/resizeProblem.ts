import type { InstanceTypeInfo } from '../catalog/InstanceTypeInfo.js';
import { OperationError } from '../operations/OperationError.js';
import type { Instance } from '../ports.js';

/** Families on the Xen hypervisor: no NVMe EBS and no ENA requirement, so an image built for Nitro may not boot there. */
const XEN_FAMILIES = new Set([
  't2',
  'm4',
  'm3',
  'c4',
  'c3',
  'r4',
  'r3',
  'x1',
  'x1e',
  'i3',
  'd2',
  'g3',
  'p2',
  'p3',
  'h1',
  'f1',
]);
/** Hibernation writes RAM to the root volume: memory plus room for the OS. */
const HIBERNATION_OS_HEADROOM_GB = 8;

function familyOf(type: string): string {
  return type.split('.')[0] ?? type;
}

/**
 * Why the instance cannot become the target type, or undefined: EC2 refuses a running or
 * hibernated instance, another architecture cannot boot the image, a hibernation-enabled instance
 * needs a type that hibernates with a root volume big enough, and an image on a Nitro type
 * (NVMe disks, ENA network) may not boot on a Xen type.
 */
export function resizeProblem(
  instance: Instance,
  current: InstanceTypeInfo | undefined,
  target: InstanceTypeInfo,
): OperationError | undefined {
  const name = instance.name;
  if (instance.state !== 'stopped') {
    return new OperationError(
      'refused',
      `${name} is ${instance.state}: resize a stopped workstation`,
      `cws-tui stop ${name}, then resize it (add --start to start it again afterwards).`,
    );
  }
  if (instance.hibernated) {
    return new OperationError(
      'refused',
      `${name} is hibernated: EC2 cannot change the type of a hibernated instance`,
      `Start it, then stop it (not hibernate): cws-tui start ${name} && cws-tui stop ${name}`,
    );
  }
  if (target.name === instance.instance_type) {
    return new OperationError('invalid', `${name} is already ${target.name}`);
  }
  if (target.architecture !== instance.architecture) {
    return new OperationError(
      'refused',
      `${target.name} is ${target.architecture} but ${name}'s image is ${instance.architecture}: it would not boot`,
      `Choose an ${instance.architecture} type${current ? ` like ${current.name.split('.')[0]}.*` : ''}.`,
    );
  }
  if (instance.hibernation_configured) {
    if (!target.hibernation_supported) {
      return new OperationError(
        'refused',
        `${name} was launched with hibernation, which ${target.name} does not support`,
        'Choose a type that hibernates (m7i, c7i, r7i, t3 ...).',
      );
    }
    const needed = Math.ceil(target.memory_gib) + HIBERNATION_OS_HEADROOM_GB;
    if (instance.root_volume_gb < needed) {
      return new OperationError(
        'refused',
        `${target.name} has ${target.memory_gib} GiB of RAM: hibernation needs a root volume of ${needed} GB, ${name} has ${instance.root_volume_gb} GB`,
        'Choose a type with less memory, or launch a new workstation with a bigger root volume.',
      );
    }
  }
  if (XEN_FAMILIES.has(familyOf(target.name)) && !XEN_FAMILIES.has(familyOf(instance.instance_type))) {
    return new OperationError(
      'refused',
      `${target.name} is a Xen type: ${name}'s image expects NVMe disks and the ENA network of Nitro types`,
      'Choose a current-generation (Nitro) type.',
    );
  }
  return undefined;
}
