import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderUserData } from '../../../source/core/provisioning/renderUserData.js';
import { appControlledSettingProblem } from '../../../source/core/provisioning/scriptValueRules.js';
import { UnsafeScriptValueError } from '../../../source/core/provisioning/UnsafeScriptValueError.js';
import { builtinTemplatesDir } from '../../../source/core/templates/builtinTemplatesDir.js';
import { loadTemplateRegistry } from '../../../source/core/templates/loadTemplateRegistry.js';
import { resolveTemplate } from '../../../source/core/templates/resolveTemplate.js';
import { basicTemplate, researchUser } from './provisioningFixtures.js';

/** Each way repro 9 undid the localhost and auth guarantees, by service. */
const UNSAFE: [service: string, key: string, value: string][] = [
  ['jupyter', 'ServerApp.ip', '0.0.0.0'],
  ['jupyter', 'NotebookApp.ip', '*'],
  ['jupyter', 'ip', '::'],
  ['jupyter', 'ServerApp.token', ''],
  ['jupyter', 'IdentityProvider.token', 'x'],
  ['jupyter', 'ServerApp.password', ''],
  ['jupyter', 'ServerApp.allow_remote_access', 'true'],
  ['jupyter', 'ServerApp.allow_origin', '*'],
  ['jupyter', 'ServerApp.disable_check_xsrf', 'True'],
  ['code-server', 'auth', 'none'],
  ['code-server', 'bind-addr', '0.0.0.0:8080'],
  ['code-server', 'host', '0.0.0.0'],
  ['code-server', 'hashed-password', 'abc'],
  ['rstudio', 'www-address', '0.0.0.0'],
  ['rstudio', 'auth-none', '1'],
  ['rstudio', 'server-user', 'root'],
];

const SAFE: [key: string, value: string][] = [
  ['ip', '127.0.0.1'],
  ['bind-addr', '127.0.0.1:8080'],
  ['www-address', 'localhost'],
  ['auth', 'password'],
  ['auth-none', '0'],
  ['ServerApp.allow_remote_access', 'false'],
  ['ServerApp.root_dir', '/home/alice'],
  ['auth-timeout-minutes', '60'],
];

describe('settings the app controls (repro 9)', () => {
  it.each(UNSAFE)('%s %s=%j is refused by the rule, naming the setting', (_service, key, value) => {
    expect(appControlledSettingProblem(key, value)).toContain(key);
  });

  it.each(SAFE)('%s=%s keeps what the app sets and is allowed', (key, value) => {
    expect(appControlledSettingProblem(key, value)).toBeUndefined();
  });

  it.each(UNSAFE)('the boot script generation refuses %s %s=%j naming the field', (service, key, value) => {
    let error: unknown;
    try {
      renderUserData({
        template: { ...basicTemplate, services: [{ name: service, port: 8888, config: { [key]: value } }] },
        distro: 'ubuntu',
        user: researchUser,
        launch_id: 'req-1',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnsafeScriptValueError);
    expect((error as UnsafeScriptValueError).field).toBe(`services[0].config.${key}`);
  });

  it('template validation refuses them too, pointing at the line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cws-unsafe-service-'));
    await writeFile(
      join(dir, 'open-jupyter.yml'),
      [
        'name: Open Jupyter',
        'slug: open-jupyter',
        'description: listens on every interface',
        'inherits: [jupyter-server]',
        'services:',
        '  - name: jupyter',
        '    port: 8888',
        '    config:',
        '      ServerApp.ip: 0.0.0.0',
        '',
      ].join('\n'),
    );
    const registry = await loadTemplateRegistry({
      searchPath: [
        { directory: builtinTemplatesDir(), origin: 'builtin' },
        { directory: dir, origin: 'user' },
      ],
    });
    expect(() => resolveTemplate('open-jupyter', registry)).toThrow(
      /open-jupyter\.yml:\d+:\d+: error: services\[\d\]\.config: ServerApp\.ip is where the service listens/,
    );
  });
});
