import { type Instance, TAG } from '../../core/ports.js';
import { demoDelayMs } from './demoPace.js';
import type { DemoInstance } from './demoState.js';
import { currentState, lastRunningSince } from './demoTimeline.js';

/** The boot script's stages that have run by `now`, since the instance last started. */
export function demoStagesReached(raw: DemoInstance, now: number, speed: number): string[] {
  const runningSince = lastRunningSince(raw, now);
  if (runningSince === undefined) return [];
  const stageMs = demoDelayMs('provisioningStage', speed);
  return raw.progress_stages.filter((_, index) => runningSince + (index + 1) * stageMs <= now);
}

/** A demo instance as DescribeInstances shows it at `now`: its state, address and progress tag. */
export function demoInstanceView(raw: DemoInstance, now: number, speed: number): Instance {
  const { state, hibernated } = currentState(raw, now);
  // As on AWS, where the boot script tags its instance with each stage through its role.
  const stage = demoStagesReached(raw, now, speed).at(-1);
  // Optional fields are spread into the literal rather than set after it: V8 then makes room for
  // them in the object itself instead of a side array for each of 10,000 instances (48 bytes each).
  return {
    id: raw.id,
    name: raw.tags[TAG.name] ?? raw.id,
    region: raw.region,
    availability_zone: raw.availability_zone,
    state,
    instance_type: raw.instance_type,
    architecture: raw.architecture,
    image_id: raw.image_id,
    launched_at: raw.launched_at,
    private_ip: raw.private_ip,
    spot: raw.spot,
    hibernation_configured: raw.hibernation_configured,
    hibernated,
    root_volume_gb: raw.root_volume_gb,
    root_volume_type: raw.root_volume_type,
    client_token: raw.client_token,
    // The state's own tags and history when nothing is added or left out: 10,000 rows then hold no
    // copies of them (the demo store never changes a state it has handed out; it reads a fresh one).
    tags: stage ? { ...raw.tags, [TAG.progress]: stage } : raw.tags,
    transitions: pastTransitions(raw, now),
    ...(state === 'running' && raw.public_ip ? { public_ip: raw.public_ip } : {}),
    ...(raw.key_name ? { key_name: raw.key_name } : {}),
  };
}

/** The transitions that have happened by `now` (they are in time order): the same array when all have. */
function pastTransitions(raw: DemoInstance, now: number): DemoInstance['transitions'] {
  const last = raw.transitions.at(-1);
  if (last === undefined || Date.parse(last.at) <= now) return raw.transitions;
  return raw.transitions.filter((t) => Date.parse(t.at) <= now);
}
