import { describe, expect, it } from 'vitest';
import type { LoadedTemplate } from '../../../source/core/templates/LoadedTemplate.js';
import { parseTemplate } from '../../../source/core/templates/parseTemplate.js';
import {
  resolveAll,
  resolveTemplate,
  TemplateResolutionError,
  UnknownTemplateError,
} from '../../../source/core/templates/resolveTemplate.js';
import { formatDiagnostic } from '../../../source/core/templates/TemplateDiagnostic.js';
import { buildTemplateRegistry, findTemplate } from '../../../source/core/templates/TemplateRegistry.js';

/** A registry from in-memory files, in order: `{ 'a.yml': 'name: A ...' }`. */
function registryOf(files: Record<string, string>) {
  const loaded: LoadedTemplate[] = Object.entries(files).map(([file, text]) => {
    const result = parseTemplate(text, { file: `/t/${file}` });
    if (!result.loaded) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
    return result.loaded;
  });
  return buildTemplateRegistry(loaded);
}

function resolutionErrors(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof TemplateResolutionError) return error.diagnostics.map(formatDiagnostic);
    throw error;
  }
  throw new Error('expected a TemplateResolutionError');
}

const base =
  'name: Base\nslug: base\nbase: ubuntu-24.04\npackage_manager: apt\npackages:\n  system: [git]\nports: [22]\npost_install: echo base\n';

describe('resolveTemplate', () => {
  it('applies a chain of parents, root first', () => {
    const registry = registryOf({
      'base.yml': base,
      'mid.yml':
        'name: Mid\nslug: mid\ninherits: [base]\npackages:\n  conda: [numpy]\nports: [8888]\npost_install: echo mid\n',
      'leaf.yml':
        'name: Leaf\nslug: leaf\ninherits: [mid]\npackages:\n  system: [git, htop]\npost_install: echo leaf\n',
    });
    const leaf = resolveTemplate('leaf', registry);
    expect(leaf.inheritance_chain).toEqual(['base', 'mid', 'leaf']);
    expect(leaf.base).toBe('ubuntu-24.04');
    expect(leaf.packages).toEqual({ system: ['git', 'htop'], conda: ['numpy'] });
    expect(leaf.ports).toEqual([22, 8888]);
    expect(leaf.post_install).toBe('echo base\necho mid\necho leaf');
    expect(leaf.source).toBe('/t/leaf.yml');
    expect(leaf.description).toBe('');
    expect(leaf.inherits).toEqual(['mid']);
  });

  it('finds parents by name, and templates by slug or name', () => {
    const registry = registryOf({
      'rocky.yml': 'name: Rocky Linux 9 Base\nbase: rocky-9\npackage_manager: dnf\nusers:\n  - name: rocky\n',
      'stack.yml':
        'name: Rocky Linux 9 + Conda Stack\ninherits: ["Rocky Linux 9 Base"]\npackage_manager: conda\nusers:\n  - name: datascientist\n',
    });
    const stack = resolveTemplate('Rocky Linux 9 + Conda Stack', registry);
    expect(stack.slug).toBe('rocky-linux-9-conda-stack');
    expect(stack.package_manager).toBe('conda');
    expect(stack.users?.map((user) => user.name)).toEqual(['rocky', 'datascientist']);
    expect(findTemplate(registry, 'rocky-linux-9-base')?.template.name).toBe('Rocky Linux 9 Base');
  });

  it('applies an ancestor shared by two parents once', () => {
    const registry = registryOf({
      'base.yml': base,
      'gpu.yml':
        'name: GPU\nslug: gpu\ninherits: [base]\npost_install: echo gpu\nsizes: { GPU: g5.xlarge }\n',
      'web.yml': 'name: Web\nslug: web\ninherits: [base]\npost_install: echo web\nconnection_type: web\n',
      'both.yml': 'name: Both\nslug: both\ninherits: [gpu, web]\n',
    });
    const both = resolveTemplate('both', registry);
    expect(both.inheritance_chain).toEqual(['base', 'gpu', 'web', 'both']);
    expect(both.post_install).toBe('echo base\necho gpu\necho web');
    expect(both.sizes).toEqual({ GPU: 'g5.xlarge' });
    expect(both.connection_type).toBe('web');
  });

  it('memoizes: resolving twice returns the same object', () => {
    const registry = registryOf({ 'base.yml': base });
    expect(resolveTemplate('base', registry)).toBe(resolveTemplate('base', registry));
  });

  it('reports a template that inherits itself, at its inherits entry', () => {
    const registry = registryOf({
      'self.yml': 'name: Self\nslug: self\nbase: al2023\ninherits:\n  - self\n',
    });
    expect(resolutionErrors(() => resolveTemplate('self', registry))).toEqual([
      '/t/self.yml:5:5: error: inheritance cycle: self -> self',
    ]);
  });

  it('reports a longer cycle with the whole chain', () => {
    const registry = registryOf({
      'a.yml': 'name: A\nslug: a\ninherits: [b]\n',
      'b.yml': 'name: B\nslug: b\ninherits: [c]\n',
      'c.yml': 'name: C\nslug: c\ninherits: [a]\n',
    });
    const [message] = resolutionErrors(() => resolveTemplate('a', registry));
    expect(message).toBe(
      "/t/a.yml:3:12: error: cannot inherit from 'b': /t/b.yml:3:12: error: cannot inherit from 'c': /t/c.yml:3:12: error: inheritance cycle: a -> b -> c -> a",
    );
    const { diagnostics, templates } = resolveAll(registry);
    expect(templates).toEqual([]);
    expect(diagnostics).toHaveLength(3);
  });

  it('reports a missing parent with the chain and a close slug', () => {
    const registry = registryOf({
      'base.yml': base,
      'leaf.yml': 'name: Leaf\nslug: leaf\ninherits:\n  - bsae\n',
    });
    expect(resolutionErrors(() => resolveTemplate('leaf', registry))).toEqual([
      "/t/leaf.yml:4:5: error: parent 'bsae' is not a template on the search path (closest: 'base'); chain: leaf -> bsae",
    ]);
  });

  it('reports a child of a broken parent at its own inherits entry, naming the cause', () => {
    const registry = registryOf({
      'mid.yml': 'name: Mid\nslug: mid\ninherits: [gone]\n',
      'leaf.yml': 'name: Leaf\nslug: leaf\ninherits: [mid]\n',
    });
    const [message] = resolutionErrors(() => resolveTemplate('leaf', registry));
    expect(message).toBe(
      "/t/leaf.yml:3:12: error: cannot inherit from 'mid': /t/mid.yml:3:12: error: parent 'gone' is not a template on the search path; chain: leaf -> mid -> gone",
    );
  });

  it('checks the resolved template: base, web services, package manager, sizes', () => {
    const registry = registryOf({
      'nobase.yml': 'name: No Base\nslug: nobase\n',
      'badbase.yml': 'name: Bad Base\nslug: badbase\nbase: ubuntu-25.10\n',
      'web.yml': 'name: Web\nslug: web\nbase: al2023\nservice_config:\n  kind: studio-lab\n',
      'apt.yml': 'name: Apt\nslug: apt-on-rocky\nbase: rocky-9\npackage_manager: apt\n',
      'size.yml': 'name: Size\nslug: size\nbase: al2023\nsizes: { S: t3.small }\nminimum_size: M\n',
      'alias.yml': 'name: Alias\nslug: alias\nbase: amazon-linux-2023\npackage_manager: dnf\n',
    });
    const { templates, diagnostics } = resolveAll(registry);
    expect(templates.map((template) => template.slug)).toEqual(['alias']);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      '/t/apt.yml:4:18: error: package_manager apt does not fit base rocky-9 (Rocky Linux 9 uses dnf)',
      "/t/badbase.yml:3:7: error: unknown base 'ubuntu-25.10' (closest: 'ubuntu-24.04'); known bases: ubuntu-24.04, ubuntu-22.04, rocky-9, al2023, dlami-ubuntu-22.04, dlami-al2023, ami-based",
      '/t/nobase.yml:1:1: error: base is required (one of ubuntu-24.04, ubuntu-22.04, rocky-9, al2023, dlami-ubuntu-22.04, dlami-al2023, ami-based) unless the template is a web service with service_config',
      "/t/size.yml:5:15: error: minimum_size 'M' is not one of the sizes (S)",
      '/t/web.yml:3:7: error: a web service template (service_config.kind studio-lab) has no base',
    ]);
  });

  it("refuses post_install that calls another distribution's package manager, unless it checks the distro", () => {
    const registry = registryOf({
      'gpu.yml':
        'name: GPU\nslug: gpu\nbase: rocky-9\npost_install: |\n  if lspci | grep -qi nvidia; then\n    apt-get install -y ubuntu-drivers-common\n  fi\n',
      'aware.yml':
        'name: Aware\nslug: aware\nbase: rocky-9\npost_install: |\n  . /etc/os-release\n  if [ "$ID" = ubuntu ]; then apt-get install -y htop; else dnf install -y htop; fi\n',
      'comment.yml':
        'name: Comment\nslug: comment\nbase: al2023\npost_install: |\n  # not apt-get here\n  dnf install -y htop\n',
    });
    const { templates, diagnostics } = resolveAll(registry);
    expect(templates.map((template) => template.slug).sort()).toEqual(['aware', 'comment']);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      '/t/gpu.yml:4:15: error: post_install runs apt-get, which Rocky Linux 9 does not have: use dnf, or check /etc/os-release to support several distros',
    ]);
  });

  it('points an inherited contradiction at the file that set the field', () => {
    const registry = registryOf({
      'base.yml': base,
      'studio.yml':
        'name: Studio\nslug: studio\ninherits: [base]\nservice_config:\n  kind: sagemaker-studio\n',
    });
    expect(resolutionErrors(() => resolveTemplate('studio', registry))).toEqual([
      '/t/base.yml:3:7: error: (inherited by studio) a web service template (service_config.kind sagemaker-studio) has no base',
      '/t/base.yml:6:3: warning: (inherited by studio) packages is not used: a sagemaker-studio service has no instance to set up',
      '/t/base.yml:8:15: warning: (inherited by studio) post_install is not used: a sagemaker-studio service has no instance to set up',
    ]);
  });

  it('warns about idle thresholds in the wrong order but still resolves', () => {
    const registry = registryOf({
      'idle.yml':
        'name: Idle\nslug: idle\nbase: al2023\nidle_detection:\n  idle_threshold_minutes: 60\n  hibernate_threshold_minutes: 30\n',
    });
    const { templates, diagnostics } = resolveAll(registry);
    expect(templates).toHaveLength(1);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      '/t/idle.yml:6:32: warning: hibernate_threshold_minutes is below idle_threshold_minutes: the instance would hibernate before it counts as idle',
    ]);
  });

  it('throws UnknownTemplateError with a suggestion for an unknown slug', () => {
    const registry = registryOf({ 'base.yml': base });
    expect(() => resolveTemplate('bsae', registry)).toThrow(UnknownTemplateError);
    try {
      resolveTemplate('bsae', registry);
    } catch (error) {
      expect((error as UnknownTemplateError).suggestion).toBe('base');
    }
    expect(() => resolveTemplate('completely-different', registry)).toThrow(
      "no template 'completely-different'",
    );
  });

  it('suggests the template that runs a service of the name asked for (rstudio-server: r-research)', () => {
    const registry = registryOf({
      'base.yml': base,
      'r.yml':
        'name: R Research\nslug: r-research\ninherits: [base]\nservices:\n  - name: rstudio-server\n    port: 8787\nconnection_type: web\n',
    });
    expect(() => resolveTemplate('rstudio-server', registry)).toThrow(
      "no template 'rstudio-server' (closest: 'r-research')",
    );
  });

  it('resolves every other template when one is broken', () => {
    const registry = registryOf({
      'base.yml': base,
      'self.yml': 'name: Self\nslug: self\ninherits: [self]\n',
      'leaf.yml': 'name: Leaf\nslug: leaf\ninherits: [base]\n',
    });
    const { templates, diagnostics } = resolveAll(registry);
    expect(templates.map((template) => template.slug)).toEqual(['base', 'leaf']);
    expect(diagnostics).toHaveLength(1);
  });
});

describe('resolved template warnings', () => {
  it('warns about instance fields on a web service and a web template with no port', () => {
    const registry = registryOf({
      'studio.yml':
        'name: Studio\nslug: studio\nservice_config:\n  kind: sagemaker-canvas\npackages:\n  system: [git]\n',
      'web.yml': 'name: Web\nslug: web\nbase: al2023\nconnection_type: web\n',
    });
    const { templates, diagnostics } = resolveAll(registry);
    expect(templates).toHaveLength(2);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      '/t/studio.yml:6:3: warning: packages is not used: a sagemaker-canvas service has no instance to set up',
      '/t/web.yml:4:18: warning: connection_type is web, but no service declares a port to open',
    ]);
  });
});
