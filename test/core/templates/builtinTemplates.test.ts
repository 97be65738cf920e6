import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findInstanceType } from '../../../source/core/catalog/instanceTypes.js';
import { findBaseImage } from '../../../source/core/images/resolveImageSource.js';
import { builtinTemplatesDir } from '../../../source/core/templates/builtinTemplatesDir.js';
import { loadTemplateRegistry } from '../../../source/core/templates/loadTemplateRegistry.js';
import { resolveAll } from '../../../source/core/templates/resolveTemplate.js';
import { formatDiagnostic } from '../../../source/core/templates/TemplateDiagnostic.js';

async function builtins() {
  const registry = await loadTemplateRegistry({
    searchPath: [{ directory: builtinTemplatesDir({}), origin: 'builtin' }],
  });
  return { registry, ...resolveAll(registry) };
}

describe('built-in templates', () => {
  it('all load and resolve without a single diagnostic', async () => {
    const { registry, templates, diagnostics } = await builtins();
    expect([...registry.diagnostics, ...diagnostics].map(formatDiagnostic)).toEqual([]);
    expect(templates.length).toBeGreaterThanOrEqual(12);
  });

  it('cover the issue list: base systems, ML, R, bio, Jupyter, VS Code, desktop, SageMaker', async () => {
    const { templates } = await builtins();
    const bySlug = new Map(templates.map((template) => [template.slug, template]));
    expect(bySlug.get('ubuntu-24-04')?.base).toBe('ubuntu-24.04');
    expect(bySlug.get('ubuntu-22-04')?.base).toBe('ubuntu-22.04');
    expect(bySlug.get('rocky-linux-9')?.base).toBe('rocky-9');
    expect(bySlug.get('amazon-linux-2023')?.base).toBe('al2023');
    expect(bySlug.get('python-ml')?.packages?.conda).toContain('jupyterlab');
    expect(
      Object.values(bySlug.get('python-ml')?.sizes ?? {}).some(
        (type) => (findInstanceType(type)?.gpus ?? 0) > 0,
      ),
    ).toBe(true);
    expect(bySlug.get('r-research')?.services?.map((service) => service.name)).toEqual(['rstudio-server']);
    expect(bySlug.get('r-research')?.packages?.system).toContain('r-base');
    expect(bySlug.get('bioinformatics')?.packages?.conda).toContain('bioconda::samtools');
    expect(bySlug.get('jupyter-server')?.services?.[0]).toMatchObject({ name: 'jupyterlab', port: 8888 });
    expect(bySlug.get('vscode-server')?.services?.[0]).toMatchObject({ name: 'code-server', port: 8080 });
    expect(bySlug.get('desktop-workstation')?.connection_type).toBe('dcv');
    expect(bySlug.get('sagemaker-studio')?.service_config?.kind).toBe('sagemaker-studio');
    expect(bySlug.get('sagemaker-canvas')?.service_config?.kind).toBe('sagemaker-canvas');
    expect(bySlug.get('sagemaker-studio-lab')?.service_config).toEqual({
      kind: 'studio-lab',
      url: 'https://studiolab.sagemaker.aws',
    });
  });

  it('use inheritance in at least three templates', async () => {
    const { templates } = await builtins();
    const inheriting = templates.filter((template) => template.inheritance_chain.length > 1);
    expect(inheriting.length).toBeGreaterThanOrEqual(3);
    expect(templates.find((template) => template.slug === 'python-ml')?.inheritance_chain).toEqual([
      'ubuntu-24-04',
      'jupyter-server',
      'python-ml',
    ]);
  });

  it('declare real instance types: every size and default type is in the catalog, on an image the base has', async () => {
    const { templates } = await builtins();
    for (const template of templates) {
      const types = [
        ...Object.values(template.sizes ?? {}),
        ...(template.instance_defaults?.type ? [template.instance_defaults.type] : []),
      ];
      for (const type of types) {
        const info = findInstanceType(type);
        expect(info, `${template.slug}: ${type}`).toBeDefined();
        if (template.service_config) expect(type.startsWith('ml.'), `${template.slug}: ${type}`).toBe(true);
        else expect(findBaseImage(template.base ?? '')?.sources[info!.architecture]).toBeDefined();
      }
      // A cluster's instance types are its head node's and its queues' (no sizes to pick from).
      for (const type of [
        template.cluster_config?.head_node.instance_type,
        ...(template.cluster_config?.queues ?? []).flatMap((q) =>
          q.compute_resources.map((r) => r.instance_type),
        ),
      ].filter((type) => type !== undefined))
        expect(findInstanceType(type), `${template.slug}: ${type}`).toBeDefined();
      // Clusters, EMR applications and analytics services size themselves (queues, capacity), not from t-shirt sizes.
      const launchesInstances =
        template.cluster_config === undefined &&
        template.bigdata === undefined &&
        template.analytics === undefined &&
        (template.service_config === undefined || template.service_config.kind === 'sagemaker-studio');
      if (launchesInstances)
        expect(Object.keys(template.sizes ?? {}).length, template.slug).toBeGreaterThanOrEqual(3);
      if (template.minimum_size) expect(template.sizes).toHaveProperty(template.minimum_size);
    }
  });

  it('keep web servers off the internet: only SSH and DCV ports are opened', async () => {
    const { templates } = await builtins();
    for (const template of templates) {
      for (const port of template.instance_defaults?.ports ?? []) expect([22, 8443]).toContain(port);
    }
  });
});

describe('built-in post_install scripts', () => {
  it('are valid bash and clean under shellcheck', async () => {
    const { templates } = await builtins();
    const scripts = templates.filter((template) => template.post_install !== undefined);
    expect(scripts.length).toBeGreaterThan(0);
    for (const template of scripts) {
      const syntax = spawnSync('bash', ['-n'], { input: template.post_install, encoding: 'utf8' });
      expect(syntax.stderr, template.slug).toBe('');
      const lint = spawnSync('shellcheck', ['-s', 'bash', '-'], {
        input: template.post_install,
        encoding: 'utf8',
      });
      if (lint.error) continue; // shellcheck not installed: bash -n above still ran
      expect(lint.stdout, template.slug).toBe('');
    }
  });
});
