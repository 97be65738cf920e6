import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runTemplatesCommand } from '../../../source/commands/templatesCommand.js';
import { renderUserData } from '../../../source/core/provisioning/renderUserData.js';
import { supportedDistros } from '../../../source/core/provisioning/supportedDistros.js';
import type { UserDataInput } from '../../../source/core/provisioning/UserDataInput.js';
import { loadTemplateRegistry } from '../../../source/core/templates/loadTemplateRegistry.js';
import { resolveAll, resolveTemplate } from '../../../source/core/templates/resolveTemplate.js';
import { formatDiagnostic } from '../../../source/core/templates/TemplateDiagnostic.js';
import { runCommand, testEnvironment } from '../../commands/commandHarness.js';
import {
  type BootScriptSandbox,
  callsOf,
  createBootScriptSandbox,
  hasBubblewrap,
  hasCall,
} from '../provisioning/bootScriptSandbox.js';
import { researchUser } from '../provisioning/provisioningFixtures.js';
import { bashSyntaxErrors, hasShellcheck, shellcheckFiles } from '../provisioning/scriptChecks.js';

const content = fileURLToPath(new URL('../../fixtures/cloudworkstation/content', import.meta.url));
const registry = await loadTemplateRegistry({ searchPath: [{ directory: content, origin: 'env' }] });
const { templates, diagnostics } = resolveAll(registry);
const template = (slug: string) => resolveTemplate(slug, registry);
const input = (slug: string, overrides: Partial<UserDataInput> = {}): UserDataInput => ({
  template: template(slug),
  distro: supportedDistros(template(slug))[0]!,
  user: researchUser,
  launch_id: 'req-content',
  ...overrides,
});
const scripts = templates.flatMap((resolved) =>
  supportedDistros(resolved).map((distro) => ({
    name: `${resolved.slug}-${distro}.sh`,
    userData: renderUserData({ template: resolved, distro, user: researchUser, launch_id: 'req-content' }),
  })),
);

describe('CloudWorkstation content templates (parameters, service config, S3 files, users)', () => {
  it('validate with no error; the warnings are the ones the templates earn', () => {
    expect(registry.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(templates.map((resolved) => resolved.slug)).toEqual([
      'code-server-settings',
      'jupyter-parameters',
      'rstudio-users',
      's3-datasets',
    ]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        /jupyter-parameters\.yml:51:9: warning: services\[0\]\.config\[5\]: 'jupyter lab --no-browser' is a command line/,
      ),
    ]);
  });

  it('show, with their parameters or users', async () => {
    const env = { ...testEnvironment(), CWS_TEMPLATE_PATH: content };
    for (const slug of ['jupyter-parameters', 's3-datasets', 'rstudio-users', 'code-server-settings']) {
      const shown = await runCommand(runTemplatesCommand, ['show', slug], env);
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toContain(`slug: ${slug}`);
      expect(shown.stdout).toMatch(slug === 'rstudio-users' ? /^users:/m : /^parameters:/m);
    }
  });

  it('generate user data that parses with bash -n for every distro each declares', () => {
    expect(scripts.map(({ name }) => name)).toEqual(
      expect.arrayContaining([
        'code-server-settings-al2023.sh',
        'jupyter-parameters-ubuntu.sh',
        'rstudio-users-ubuntu.sh',
        's3-datasets-rocky.sh',
      ]),
    );
    for (const { name, userData } of scripts) expect(bashSyntaxErrors(userData.script), name).toBe('');
  });

  it.skipIf(!hasShellcheck)(
    'generate user data with no shellcheck finding',
    () => {
      const directory = mkdtempSync(join(tmpdir(), 'cws-content-'));
      try {
        const files = scripts.map(({ name, userData }) => {
          writeFileSync(join(directory, name), userData.script);
          return join(directory, name);
        });
        expect(shellcheckFiles(files)).toBe('');
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
    90_000,
  );

  it('fill parameters from defaults, or from launch values checked against their declarations', () => {
    const defaults = renderUserData(input('jupyter-parameters')).script;
    expect(defaults).toContain("'pandas==2.2.2'");
    expect(defaults).toContain("'/opt/notebooks/README.md'");
    expect(defaults).toContain('c.ContentsManager.allow_hidden = False');
    expect(defaults).toContain('c.ServerApp.max_buffer_size = 64000000');
    expect(defaults).toContain('c.NotebookNotary.data_dir = "/opt/notebooks/.notary"');
    expect(defaults).not.toContain('{{');
    const chosen = renderUserData(
      input('jupyter-parameters', {
        parameters: { project_dir: 'genomics', pandas_version: '2.1.4', show_hidden: 'yes' },
      }),
    ).script;
    expect(chosen).toContain("'pandas==2.1.4'");
    expect(chosen).toContain('mkdir -p "/opt/genomics"');
    expect(chosen).toContain('c.ContentsManager.allow_hidden = True');
    for (const [parameters, message] of [
      [{ pandas_version: '1.0' }, /parameter pandas_version: '1.0' is not one of 2.1.4, 2.2.2/],
      [{ max_buffer_mb: '8' }, /parameter max_buffer_mb: '8' is below 16/],
      [{ max_buffer_mb: 'lots' }, /is not a whole number/],
      [{ show_hidden: 'maybe' }, /is not true or false/],
      [{ project_dir: 'Bad Dir' }, /does not match .* \(lowercase letters, digits, _ and -\)/],
      [{ projectdir: 'x' }, /no parameter 'projectdir' \(closest: 'project_dir'\)/],
    ] as const) {
      expect(() => renderUserData(input('jupyter-parameters', { parameters }))).toThrow(message);
    }
  });

  it('never let a parameter inject: a value with shell syntax is refused where it would land', () => {
    const hostile = template('jupyter-parameters');
    const loose = {
      ...hostile,
      parameters: { ...hostile.parameters, project_dir: { type: 'string' as const, default: 'notebooks' } },
    };
    for (const value of ['x; touch /tmp/pwned', '$(id)', '`id`', 'a b', "it's", '-rf']) {
      expect(() =>
        renderUserData(input('jupyter-parameters', { template: loose, parameters: { project_dir: value } })),
      ).toThrow(/is not allowed in a boot script/);
    }
  });

  it('render service config in each file format: Python for Jupyter, YAML for code-server, key=value for RStudio', () => {
    const jupyter = renderUserData(input('jupyter-parameters')).script;
    expect(jupyter).toContain("cws_put 0644 /etc/cws/jupyter_server_config.py <<'CWS_SERVICE_CONFIG'");
    expect(jupyter).toContain('c.TerminalManager.cull_inactive_timeout = 3600');
    expect(jupyter).toMatch(
      /lab --config=\/etc\/cws\/jupyter_server_config\.py --no-browser --ip=127\.0\.0\.1/,
    );
    const code = renderUserData(input('code-server-settings')).script;
    expect(code).toContain('app-name: "Lab IDE"\ndisable-update-check: true\n');
    expect(code).toContain(
      '/usr/local/bin/code-server --config=/etc/cws/code-server.yaml --bind-addr=127.0.0.1:8080',
    );
    const rstudio = renderUserData(input('rstudio-users')).script;
    expect(rstudio).toContain(
      "'www-address=127.0.0.1' 'www-port=8787' 'auth-timeout-minutes=120' 'session-timeout-minutes=1440'",
    );
  });

  describe.skipIf(!hasBubblewrap)('run under the bubblewrap harness with stubs', () => {
    let sandbox: BootScriptSandbox | undefined;
    afterEach(() => {
      sandbox?.dispose();
      sandbox = undefined;
    });

    it('s3-datasets downloads its objects with the instance role, verifies them, and gives them to the research user', () => {
      sandbox = createBootScriptSandbox();
      sandbox.write(
        '/tmp/cws-s3/lab-data-example.s3.us-east-1.amazonaws.com/counts/brca.csv',
        'gene,count\nBRCA1,42\n',
      );
      sandbox.write(
        '/tmp/cws-s3/s3.us-east-1.amazonaws.com/lab.reference.example/genomes/GRCh38%20v1.txt',
        'reference genome v1\n',
      );
      const { status, output, calls } = sandbox.run(renderUserData(input('s3-datasets')).script);
      expect(status, output).toBe(0);
      expect(sandbox.read('/opt/data/counts.csv')).toBe('gene,count\nBRCA1,42\n');
      expect(sandbox.read('/opt/data/reference/genome.txt')).toBe('reference genome v1\n');
      expect(sandbox.read('/opt/data/README')).toBe('Downloaded at first boot.\n');
      expect(callsOf(calls, 'aws-s3').map((call) => call[1])).toEqual([
        'https://lab-data-example.s3.us-east-1.amazonaws.com/counts/brca.csv',
        'https://s3.us-east-1.amazonaws.com/lab.reference.example/genomes/GRCh38%20v1.txt',
      ]);
      expect(output).toContain('CWS-PROGRESS ready');
    });

    it('s3-datasets stops the boot, naming the object, when a checksum does not match', () => {
      sandbox = createBootScriptSandbox();
      sandbox.write('/tmp/cws-s3/lab-data-example.s3.us-east-1.amazonaws.com/counts/brca.csv', 'tampered\n');
      const script = renderUserData(input('s3-datasets', { parameters: { with_reference: 'false' } })).script;
      const { status, output } = sandbox.run(script);
      expect(status).not.toBe(0);
      expect(output).toContain(
        'CWS-FAILED files checksum mismatch for s3://lab-data-example/counts/brca.csv',
      );
      expect(sandbox.exists('/opt/data/counts.csv')).toBe(false);
    });

    it('rstudio-users makes the template users with their groups before post_install uses them', () => {
      sandbox = createBootScriptSandbox();
      const { status, output, calls } = sandbox.run(renderUserData(input('rstudio-users')).script);
      expect(status, output).toBe(0);
      const passwd = sandbox.read('/etc/passwd');
      expect(passwd).toMatch(/^rstats:/m);
      expect(passwd).toMatch(/^etl:.*:\/bin\/sh$/m);
      // analyst is the research user under the template's name: no second account.
      expect(passwd).not.toMatch(/^analyst:/m);
      expect(sandbox.read('/etc/group')).toMatch(/^rstudio-users:/m);
      const usermods = callsOf(calls, 'usermod').map((call) => call.slice(1).join(' '));
      expect(usermods).toContain('--append --groups rstudio-users,analysts rstats');
      expect(usermods).toContain('--append --groups analysts alice');
      // post_install ran after them, with its usermod.
      const lastTemplateUser = usermods.indexOf('--append --groups analysts etl');
      expect(lastTemplateUser).toBeLessThan(usermods.indexOf('-aG rstudio-users rstats'));
      expect(hasCall(calls, ['usermod', '-aG', 'rstudio-users', 'rstats'])).toBe(true);
    });

    it('jupyter-parameters and code-server-settings boot to ready with their config files in place', () => {
      sandbox = createBootScriptSandbox();
      const jupyter = sandbox.run(renderUserData(input('jupyter-parameters')).script);
      expect(jupyter.status, jupyter.output).toBe(0);
      expect(sandbox.read('/etc/cws/jupyter_server_config.py')).toContain('c.ServerApp.ip = "127.0.0.1"');
      expect(sandbox.read('/opt/notebooks/README.md')).toContain('# Project notebooks');
      sandbox.dispose();
      sandbox = createBootScriptSandbox();
      const code = sandbox.run(renderUserData(input('code-server-settings')).script);
      expect(code.status, code.output).toBe(0);
      expect(sandbox.read('/etc/cws/code-server.yaml')).toBe(
        'app-name: "Lab IDE"\ndisable-update-check: true\ndisable-workspace-trust: true\n',
      );
    });
  });
});
