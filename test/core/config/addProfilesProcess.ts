// Run as a separate process by ConfigStore.test.ts: adds `count` profiles named `<prefix>-<n>` to the
// config in `configDir`, as fast as it can.
import { ConfigStore } from '../../../source/core/config/ConfigStore.js';

const [configDir, prefix, count] = process.argv.slice(2);
const store = ConfigStore.open(configDir ?? '');
for (let index = 0; index < Number(count); index += 1) {
  store.addProfile({
    name: `${prefix}-${index}`,
    aws_profile: 'default',
    region: 'us-east-1',
    policy: {},
    policy_chain: [],
    kind: 'personal',
    role: 'member',
    can_invite: false,
    created_at: new Date().toISOString(),
  });
}
