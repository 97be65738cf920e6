import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderUserData } from '../../source/core/provisioning/renderUserData.js';
import { supportedDistros } from '../../source/core/provisioning/supportedDistros.js';
import { builtinTemplatesDir } from '../../source/core/templates/builtinTemplatesDir.js';
import { loadTemplateRegistry } from '../../source/core/templates/loadTemplateRegistry.js';
import { resolveAll } from '../../source/core/templates/resolveTemplate.js';
import { researchUser } from '../core/provisioning/provisioningFixtures.js';
import { bootArtifacts } from './bootArtifacts.js';
import { bootScript, ensureBootRoot, hasBootTools } from './bootHarness.js';
import { type BootStubServer, startBootStubServer } from './bootStubServer.js';

/**
 * CI boots the base template and one service template (`CWS_BOOT_MATRIX=ci`); `all`, the default,
 * boots every built-in workstation template's Ubuntu script; a comma-separated list boots those.
 */
const CI_TEMPLATES = ['ubuntu-24-04', 'jupyter-server'];
const matrix = process.env.CWS_BOOT_MATRIX ?? 'all';
const chosen = matrix === 'ci' ? CI_TEMPLATES : matrix.split(',');
const CACHE = join(import.meta.dirname, '..', '..', '.cache', 'boot');

const registry = await loadTemplateRegistry({
  searchPath: [{ directory: builtinTemplatesDir(), origin: 'builtin' }],
});
const templates = resolveAll(registry)
  .templates.filter((template) => template.base !== undefined)
  // Debian stands in for Ubuntu: templates with an Ubuntu script (Amazon Linux's has none).
  .filter((template) => supportedDistros(template).includes('ubuntu'))
  .filter((template) => matrix === 'all' || chosen.includes(template.slug));

describe.skipIf(!hasBootTools || process.getuid?.() !== 0)(
  'built-in templates booted in a Debian root under systemd-nspawn, twice each',
  () => {
    let root: string;
    let stubs: ReturnType<typeof bootArtifacts>;
    beforeAll(() => {
      root = ensureBootRoot(CACHE);
      stubs = bootArtifacts();
    });
    afterAll(() => stubs?.dispose());

    const boot = async (
      slug: string,
      configure: (server: BootStubServer) => void = () => {},
      boots = 2,
      light = false,
    ) => {
      const found = templates.find((candidate) => candidate.slug === slug) ?? templates[0]!;
      // A fault test needs the script's handling, not the template's compilers: its packages go.
      const template = light ? { ...found, packages: { ...found.packages, system: [] } } : found;
      const instanceId = `i-0boot${slug.replaceAll(/[^a-z0-9]/g, '').slice(0, 10)}`;
      const server = await startBootStubServer(instanceId, stubs.artifacts);
      configure(server);
      try {
        const { script, service_secrets } = renderUserData({
          template,
          distro: 'ubuntu',
          user: researchUser,
          launch_id: `req-boot-${slug}`,
        });
        const runs = await bootScript({
          root,
          script,
          server,
          boots,
          timeoutMs: 30 * 60_000,
          aptArchives: join(CACHE, 'apt-archives'),
        });
        return { runs, server, service_secrets, instanceId };
      } finally {
        await server.close();
      }
    };

    it.each(templates.map((template) => template.slug))(
      '%s reaches ready with the idle agent active, and again on a second boot',
      async (slug) => {
        const { runs, server, service_secrets, instanceId } = await boot(slug);
        for (const [index, run] of runs.entries()) {
          const where = `${slug}, boot ${index + 1}:\n${run.log.slice(-3000)}`;
          expect(run.progress.failed, where).toBeUndefined();
          expect(run.progress.degraded, where).toEqual([]);
          expect(run.progress.ready, where).toBe(true);
          expect(run.ready, where).toBe(true);
          expect(run.status, where).toBe('0');
          expect(run.agent, where).toBe('active');
        }
        const tags = server.progressTags();
        expect(tags[0]).toBe('started');
        expect(tags.at(-1)).toBe('ready');
        // Each web service's secret went to Parameter Store, made on the instance.
        for (const secret of service_secrets) {
          const stored = server.calls.filter((call) => call.action === 'AmazonSSM.PutParameter');
          expect(stored.map((call) => call.params.Name)).toContain(`/cws-tui/${instanceId}/${secret}`);
          expect(stored.every((call) => call.params.Type === 'SecureString')).toBe(true);
        }
      },
    );

    it.runIf(templates.some((template) => template.slug === 'jupyter-server'))(
      'a download that fails leaves the workstation degraded at that part, with the idle agent active',
      async () => {
        const { runs, server } = await boot(
          'jupyter-server',
          (stub) => stub.failDownloads.push('Miniforge3'),
          1,
          true,
        );
        for (const run of runs) {
          expect(run.progress.stage, run.log.slice(-3000)).toBe('degraded');
          expect(run.progress.degraded.map((part) => part.stage)).toContain('conda');
          expect(run.agent).toBe('active');
          expect(run.ready).toBe(false);
        }
        expect(server.progressTags().at(-1)).toMatch(/^degraded:conda/);
      },
    );
  },
);
