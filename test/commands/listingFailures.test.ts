import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runListCommand } from '../../source/commands/listCommand.js';
import { runServicesCommand } from '../../source/commands/servicesCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

describe('a service that could not be listed', () => {
  const env = () => ({ ...testEnvironment(), CWS_DEMO_STUDIO_FAULT: 'list-denied' });

  it('list prints what it could read, warns once on stderr, marks the rows unknown and exits 4', async () => {
    const shared = env();
    await runCommand(runLaunchCommand, ['python-ml', 'thesis'], shared, { size: 'S' });
    const listed = await runCommand(runListCommand, [], shared);
    expect(listed.code).toBe(4);
    expect(listed.stdout).toContain('thesis');
    expect(listed.stdout).toContain('?  SageMaker Studio and Canvas: unknown (could not be listed)');
    const warnings = listed.stderr.match(/warning: SageMaker Studio and Canvas could not be listed/g) ?? [];
    expect(warnings).toHaveLength(1);
    expect(listed.stderr).toContain('Not permitted: sagemaker:ListDomains');
    const json = await runCommand(runListCommand, [], shared, { json: true });
    expect(json.code).toBe(4);
    expect(JSON.parse(json.stdout)).toContainEqual(
      expect.objectContaining({ kind: 'SageMaker Studio and Canvas', state: 'unknown' }),
    );
  });

  it('services list exits 4 too instead of an empty, successful list', async () => {
    const listed = await runCommand(runServicesCommand, ['list'], env());
    expect(listed.code).toBe(4);
    expect(listed.stdout).not.toContain('No services.');
  });

  it('without failures both exit 0', async () => {
    expect((await runCommand(runListCommand, [], testEnvironment())).code).toBe(0);
    expect((await runCommand(runServicesCommand, ['list'], testEnvironment())).code).toBe(0);
  });
});
