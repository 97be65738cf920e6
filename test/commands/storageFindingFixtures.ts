import { runStorageCommand } from '../../source/commands/storageCommand.js';
import { runCommand } from './commandHarness.js';

/**
 * Two demo file systems that each make a storage finding: `results`, a Lustre file system with
 * more throughput than it uses, and `homes`, an EFS file system without Infrequent Access.
 */
export async function createStorageWithFindings(
  env: NodeJS.ProcessEnv,
): Promise<{ results: { id: string }; homes: { id: string } }> {
  const created = async (name: string, flags: Parameters<typeof runCommand>[3]) =>
    JSON.parse(
      (await runCommand(runStorageCommand, ['create', name], env, { ...flags, json: true })).stdout,
    ) as {
      id: string;
    };
  const results = await created('results', {
    type: 'lustre',
    deployment: 'persistent2',
    capacity: '2400',
    throughput: '500',
  });
  const homes = await created('homes', {});
  return { results, homes };
}
