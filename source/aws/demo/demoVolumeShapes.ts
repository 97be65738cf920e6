import { CloudError } from '../../core/CloudError.js';
import type { Volume } from '../../core/ports.js';
import type { DemoOperationsState, DemoVolume } from './demoOperationsState.js';
import type { DemoInstance, DemoState } from './demoState.js';

/** The demo's EBS shapes and errors, as EC2 words them. */

export function operations(state: DemoState): DemoOperationsState {
  return state.operations;
}

/** The demo's root volume id is derived from the instance id, so it is stable without being stored. */
export function rootVolumeIdOf(instance: Pick<DemoInstance, 'id'>): string {
  return `vol-${instance.id.slice(2)}`;
}

export function rootVolumeOf(instance: DemoInstance): Volume {
  return {
    id: rootVolumeIdOf(instance),
    name: instance.tags.Name ?? instance.id,
    region: instance.region,
    availability_zone: instance.availability_zone,
    size_gb: instance.root_volume_gb,
    type: instance.root_volume_type,
    state: 'in-use',
    attachments: [{ instance_id: instance.id, device: '/dev/sda1', state: 'attached' }],
    created_at: instance.launched_at,
    tags: { ...instance.tags },
  };
}

export function isGone(instance: DemoInstance, now: number): boolean {
  const last = [...instance.transitions].reverse().find((t) => Date.parse(t.at) <= now);
  return last?.state === 'terminated' || last?.state === 'shutting-down';
}

export function toVolume(raw: DemoVolume): Volume {
  return {
    id: raw.id,
    name: raw.tags.Name ?? raw.id,
    region: raw.region,
    availability_zone: raw.availability_zone,
    size_gb: raw.size_gb,
    type: raw.type,
    ...(raw.iops !== undefined ? { iops: raw.iops } : {}),
    ...(raw.throughput_mbps !== undefined ? { throughput_mbps: raw.throughput_mbps } : {}),
    state: raw.attachment ? 'in-use' : 'available',
    attachments: raw.attachment ? [{ ...raw.attachment, state: 'attached' }] : [],
    ...(raw.snapshot_id ? { snapshot_id: raw.snapshot_id } : {}),
    created_at: raw.created_at,
    tags: { ...raw.tags },
  };
}

export function findVolume(state: DemoState, region: string, id: string): DemoVolume {
  const volume = operations(state).volumes.find((v) => v.id === id && v.region === region && !v.deleted_at);
  if (!volume) throw notFound('InvalidVolume.NotFound', `The volume '${id}' does not exist.`);
  return volume;
}

export function notFound(code: string, message: string): CloudError {
  return new CloudError({
    kind: 'not-found',
    code,
    message,
    hint: 'Refresh: it may have been deleted, or it lives in another region.',
  });
}

export function invalid(code: string, message: string): CloudError {
  return new CloudError({
    kind: 'invalid-parameter',
    code,
    message,
    hint: 'Check the ids and options named in the message.',
  });
}

export function conflict(code: string, message: string): CloudError {
  return new CloudError({
    kind: 'conflict',
    code,
    message,
    hint: 'Detach it first, or wait for the current change to finish.',
  });
}
