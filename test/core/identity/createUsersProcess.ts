// Run as a separate process by FileResearchUserStore.test.ts: creates `count` users named
// `<prefix>-<n>` in the store at `configDir`, as fast as it can, and prints their UIDs as JSON.
import { FileResearchUserStore } from '../../../source/core/identity/FileResearchUserStore.js';

const [configDir, prefix, count, accountKey] = process.argv.slice(2);
const store = new FileResearchUserStore(configDir ?? '');
const uids: number[] = [];
for (let index = 0; index < Number(count); index += 1) {
  const user = await store.create({ username: `${prefix}-${index}`, ssh_public_keys: [] }, accountKey ?? '');
  uids.push(user.uid);
}
process.stdout.write(JSON.stringify(uids));
