import type { NetworkPort } from '../../core/ports.js';
import type { DemoStore } from './DemoStore.js';
import { demoIdFor } from './demoIds.js';

export class DemoNetwork implements NetworkPort {
  constructor(private readonly store: DemoStore) {}

  async ensureSecurityGroup(region: string): Promise<string> {
    return this.store.update((state) => {
      const existing = state.security_groups[region];
      if (existing) return existing;
      const id = demoIdFor('sg', state.account, state.next_serial++);
      state.security_groups[region] = id;
      return id;
    });
  }

  async ensureKeyPair(region: string, name: string, publicKey: string): Promise<string> {
    return this.store.update((state) => {
      state.key_pairs[`${region}/${name}`] = publicKey;
      return name;
    });
  }
}
