import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliError, EXIT } from '../../source/commands/CliError.js';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runUserdataCommand } from '../../source/commands/userdataCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

const content = fileURLToPath(new URL('../fixtures/cloudworkstation/content', import.meta.url));
/** The CliError a command rejects with. */
async function rejection(promise: Promise<unknown>): Promise<CliError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
}

const env = () => ({ ...testEnvironment(), CWS_TEMPLATE_PATH: content });

describe('--param on the command line', () => {
  it('userdata fills the template with the values given, and refuses one that does not fit (exit 1)', async () => {
    const filled = await runCommand(runUserdataCommand, [], env(), {
      template: 'jupyter-parameters',
      param: ['project_dir=genomics', 'show_hidden=yes'],
    });
    expect(filled.code, filled.stderr).toBe(0);
    expect(filled.stdout).toContain("'/opt/genomics/README.md'");
    expect(filled.stdout).toContain('c.ContentsManager.allow_hidden = True');

    const refused = await rejection(
      runCommand(runUserdataCommand, [], env(), {
        template: 'jupyter-parameters',
        param: ['project_dir=$(id)'],
      }),
    );
    expect(refused.exitCode).toBe(EXIT.error);
    expect(refused.message).toMatch(/parameter project_dir: '\$\(id\)' does not match/);
  });

  it('launch takes repeated --param k=v; a malformed one is a usage error (exit 2), an unknown name an error', async () => {
    const environment = env();
    const bad = await rejection(
      runCommand(runLaunchCommand, ['s3-datasets', 'counts'], environment, { param: ['dataset'] }),
    );
    expect(bad.exitCode).toBe(EXIT.usage);
    expect(bad.message).toContain("--param takes name=value, got 'dataset'");

    const twice = await rejection(
      runCommand(runLaunchCommand, ['s3-datasets', 'counts'], environment, {
        param: ['dataset=brca', 'dataset=tp53'],
      }),
    );
    expect(twice.exitCode).toBe(EXIT.usage);
    expect(twice.message).toContain('--param dataset is given twice');

    const unknown = await rejection(
      runCommand(runLaunchCommand, ['s3-datasets', 'counts'], environment, { param: ['datset=brca'] }),
    );
    expect(unknown.exitCode).toBe(EXIT.error);
    expect(unknown.message).toContain("the template has no parameter 'datset' (closest: 'dataset')");

    const launched = await runCommand(runLaunchCommand, ['s3-datasets', 'counts'], environment, {
      param: ['dataset=tp53', 'with_reference=no'],
      type: 'm7i.large',
    });
    expect(launched.code, launched.stderr).toBe(0);
    expect(launched.stderr).toContain('cws-tui-workstation may read 1 S3 object (cws-tui-files-s3-datasets)');
  });
});
