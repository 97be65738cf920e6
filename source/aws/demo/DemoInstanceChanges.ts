import { CloudError } from '../../core/CloudError.js';
import { findInstanceType } from '../../core/catalog/instanceTypes.js';
import type { InstanceChangePort } from '../../core/ports.js';
import type { DemoStore } from './DemoStore.js';
import type { DemoInstance, DemoState } from './demoState.js';

/** Type changes and tags on the demo account's instances. */
export class DemoInstanceChanges implements InstanceChangePort {
  constructor(
    private readonly store: DemoStore,
    private readonly now: () => number = Date.now,
  ) {}

  async modifyInstanceType(region: string, instanceId: string, instanceType: string): Promise<void> {
    const info = findInstanceType(instanceType);
    if (!info) {
      throw new CloudError({
        kind: 'invalid-parameter',
        code: 'InvalidInstanceAttributeValue',
        message: `Value (${instanceType}) for parameter instanceType is invalid.`,
        hint: 'Pick a type the region offers, e.g. t3.large or m7i.xlarge.',
      });
    }
    await this.store.update((state) => {
      const instance = find(state, region, instanceId);
      const current = [...instance.transitions].reverse().find((t) => Date.parse(t.at) <= this.now())?.state;
      if (current !== 'stopped' && current !== 'hibernated') {
        throw new CloudError({
          kind: 'conflict',
          code: 'IncorrectInstanceState',
          message: `The instance '${instanceId}' is not in the 'stopped' state.`,
          hint: 'Stop it first; EC2 changes the type of stopped instances only.',
        });
      }
      instance.instance_type = instanceType;
    });
  }

  async tagInstances(region: string, instanceIds: string[], tags: Record<string, string>): Promise<void> {
    await this.store.update((state) => {
      for (const id of instanceIds) Object.assign(find(state, region, id).tags, tags);
    });
  }

  async untagInstances(region: string, instanceIds: string[], keys: string[]): Promise<void> {
    await this.store.update((state) => {
      for (const id of instanceIds) {
        const instance = find(state, region, id);
        for (const key of keys) delete instance.tags[key];
      }
    });
  }
}

function find(state: DemoState, region: string, id: string): DemoInstance {
  const instance = state.instances.find((i) => i.id === id && i.region === region);
  if (!instance) {
    throw new CloudError({
      kind: 'not-found',
      code: 'InvalidInstanceID.NotFound',
      message: `The instance ID '${id}' does not exist`,
      hint: 'It may have been terminated; refresh the list.',
    });
  }
  return instance;
}
