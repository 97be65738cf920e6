import type { InstanceTypeInfo } from '../../core/catalog/InstanceTypeInfo.js';
import { nodeCrypto } from '../../core/crypto/nodeCrypto.js';
import { type RunInstanceRequest, TAG } from '../../core/ports.js';
import { demoIdFor } from './demoIds.js';
import { demoDelayMs } from './demoPace.js';
import type { DemoInstance, DemoState } from './demoState.js';
import { progressStagesOf, serviceSecretsOf, userDataScript } from './demoUserData.js';

/** A new instance in the demo state (its serial taken), pending now and running after the delay. */
export function newDemoInstance(
  state: DemoState,
  request: RunInstanceRequest,
  info: InstanceTypeInfo,
  zone: string,
  at: number,
  speed: number,
): DemoInstance {
  const serial = state.next_serial++;
  const script = userDataScript(request.user_data_base64);
  const instance: DemoInstance = {
    id: demoIdFor('i', state.account, serial),
    region: request.region,
    availability_zone: zone,
    instance_type: request.instance_type,
    architecture: info.architecture,
    image_id: request.image_id,
    launched_at: new Date(at).toISOString(),
    private_ip: `172.31.${(serial >> 8) & 255}.${serial & 255}`,
    public_ip: `3.${80 + (serial % 100)}.${(serial >> 8) & 255}.${serial & 255}`,
    spot: request.spot,
    hibernation_configured: request.hibernation,
    root_volume_gb: request.root_volume_gb,
    root_volume_type: request.root_volume_type,
    client_token: request.client_token,
    tags: { ...request.tags, [TAG.name]: request.name },
    transitions: [
      { at: new Date(at).toISOString(), state: 'pending' },
      { at: new Date(at + demoDelayMs('pendingToRunning', speed)).toISOString(), state: 'running' },
    ],
    progress_stages: progressStagesOf(script),
  };
  // Only an instance whose boot makes secrets has the field: 10,000 empty ones are 10,000 objects.
  const secrets = serviceSecretsOf(script);
  if (secrets.length > 0) {
    instance.service_secrets = Object.fromEntries(
      secrets.map((name) => [name, nodeCrypto().randomBytes(24).toString('hex')]),
    );
  }
  if (request.key_name) instance.key_name = request.key_name;
  return instance;
}
