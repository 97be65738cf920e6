import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTemplateRegistry } from '../../../source/core/templates/loadTemplateRegistry.js';
import { resolveAll, resolveTemplate } from '../../../source/core/templates/resolveTemplate.js';
import { formatDiagnostic } from '../../../source/core/templates/TemplateDiagnostic.js';

const fixtures = fileURLToPath(new URL('../../fixtures/templates/cloudworkstation', import.meta.url));

describe('CloudWorkstation templates', () => {
  it('load unchanged, inherit by name, and only ami_config and passwords are set aside', async () => {
    const registry = await loadTemplateRegistry({ searchPath: [{ directory: fixtures, origin: 'env' }] });
    expect(registry.diagnostics.map(formatDiagnostic)).toEqual([]);
    // Set aside with a warning: the AMIs of a base that looks up its own image, and the users'
    // passwords (a password in user data is readable by anyone on the instance).
    expect(resolveAll(registry).diagnostics.map(formatDiagnostic).sort()).toEqual([
      expect.stringMatching(
        /rocky9-base\.yml:26:15: warning: \(inherited by rocky-linux-9-conda-stack\) users\[0\]\.password: the password of rocky is not set/,
      ),
      expect.stringMatching(
        /rocky9-base\.yml:26:15: warning: users\[0\]\.password: the password of rocky is not set/,
      ),
      expect.stringMatching(
        /rocky9-conda-stack\.yml:21:15: warning: users\[1\]\.password: the password of datascientist is not set/,
      ),
      expect.stringMatching(
        /rocky9-conda-stack\.yml:61:3: warning: ami_config is ignored: base rocky-9 looks up its current image/,
      ),
    ]);
    const stack = resolveTemplate('Rocky Linux 9 + Conda Stack', registry);
    expect(stack.slug).toBe('rocky-linux-9-conda-stack');
    expect(stack.inheritance_chain).toEqual(['rocky9-base', 'rocky-linux-9-conda-stack']);
    expect(stack.base).toBe('rocky-9');
    expect(stack.package_manager).toBe('conda');
    expect(stack.users?.map((user) => user.name)).toEqual(['rocky', 'datascientist']);
    expect(stack.packages).toEqual({
      system: ['gcc', 'make', 'git', 'vim-enhanced'],
      conda: ['python=3.11', 'numpy', 'pandas', 'jupyterlab'],
      pip: ['plotly'],
    });
    expect(stack.services).toEqual([
      {
        name: 'jupyter',
        port: 8888,
        config: ['ip=127.0.0.1', 'ServerApp.root_dir=/home/datascientist'],
        enable: true,
      },
    ]);
    expect(stack.instance_defaults?.ports).toEqual([22, 8888]);
    expect(stack.idle_detection?.check_interval_minutes).toBe(2);
    expect(stack.tags).toEqual({ os: 'rocky', tier: 'base' });
    expect(stack.ami_config?.ssh_user).toBe('rocky');
  });
});
