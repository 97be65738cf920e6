import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTemplateRegistry } from '../../../source/core/templates/loadTemplateRegistry.js';
import { resolveTemplate } from '../../../source/core/templates/resolveTemplate.js';
import type { ResolvedTemplate } from '../../../source/core/templates/templateSchema.js';
import { templateDetailsSections } from '../../../source/screens/Templates/templateDetailsSections.js';
import {
  describeTemplateSource,
  type TemplateListRow,
  templateListRows,
} from '../../../source/screens/Templates/templateListRows.js';

const template: ResolvedTemplate = {
  slug: 'lab-r',
  name: 'Lab R',
  description: 'R for the lab\u001b]0;owned\u0007',
  inheritance_chain: ['ubuntu-24-04', 'r-research', 'lab-r'],
  source: '/home/me/.config/cws-tui/templates/lab-r.yml',
  base: 'ubuntu-24.04',
  packages: { system: ['r-base'], r: ['tidyverse', 'lme4'] },
  services: [
    { name: 'rstudio-server', port: 8787 },
    { name: 'cron', enable: false },
  ],
  instance_defaults: { ports: [22, 8787], root_volume_gb: 50 },
  ports: [8787, 443],
  sizes: { S: 't3.large' },
  idle_detection: { enabled: true, idle_threshold_minutes: 30, hibernate_threshold_minutes: 60 },
  users: [{ name: 'rstudio', groups: ['admin'] }],
};

const row: TemplateListRow = {
  template,
  origin: 'user',
  shadows: ['/opt/cws/templates/lab-r.yml'],
  access: { allowed: false, reason: "the template 'lab-r' is not allowed" },
};

describe('the resolved template page', () => {
  it('shows origin, inheritance, packages, services, ports, priced sizes, idle detection and users', () => {
    const sections = templateDetailsSections(row, {
      region: 'us-east-1',
      sizes: [
        {
          size: 'S',
          instance_type: 't3.large',
          hourly: 0.0832,
          info: {
            name: 't3.large',
            vcpus: 2,
            memory_gib: 8,
            gpus: 0,
            architecture: 'x86_64',
            hibernation_supported: true,
          },
        },
      ],
      instance_types: [],
      default_instance_type: 't3.large',
      default_root_volume_gb: 50,
      file_systems: [],
    });
    const rows = Object.fromEntries(sections.map((section) => [section.title, section.rows]));
    expect(rows.Template).toContainEqual(['Inheritance', 'ubuntu-24-04 > r-research > lab-r']);
    expect(rows.Template).toContainEqual(['Shadows', '/opt/cws/templates/lab-r.yml']);
    expect(rows.Template).toContainEqual(['Policy', "forbidden: the template 'lab-r' is not allowed"]);
    // What a template file says is drawn without its escape sequences.
    expect(rows.Template).toContainEqual(['Description', 'R for the lab']);
    expect(rows.Packages).toEqual([
      ['System', 'r-base'],
      ['R', 'tidyverse, lme4'],
    ]);
    expect(rows.Services).toEqual([
      ['rstudio-server', 'port 8787'],
      ['cron', 'no port, not enabled'],
    ]);
    expect(rows.Ports).toEqual([['Open', '22, 8787, 443']]);
    expect(rows.Sizes).toEqual([['S', 't3.large: 2 vCPU · 8 GiB, $0.0832/h']]);
    expect(rows['Idle detection']).toEqual([
      ['Enabled', 'yes'],
      ['Idle after', '30 min'],
      ['Hibernate after', '60 min'],
    ]);
    expect(rows.Users).toEqual([['rstudio', 'groups admin']]);
    expect(rows.Defaults).toEqual([['Root volume', '50 GB']]);
  });

  it('names built-in sources by file and the others by path', () => {
    expect(
      describeTemplateSource({
        origin: 'builtin',
        template: { ...template, source: '/app/templates/r.yml' },
      }),
    ).toBe('built-in r.yml');
    expect(describeTemplateSource(row)).toBe('/home/me/.config/cws-tui/templates/lab-r.yml');
  });
});

describe('the template page of a file in a subfolder of the search path', () => {
  it('shows its path below the search path folder, as templates list does, and the file', async () => {
    const folder = fileURLToPath(new URL('../../fixtures/cloudworkstation/bases', import.meta.url));
    const registry = await loadTemplateRegistry({ searchPath: [{ directory: folder, origin: 'env' }] });
    const genomics = resolveTemplate('memory-genomics', registry);
    const [listed] = templateListRows([genomics], registry, {});
    const rows = Object.fromEntries(
      templateDetailsSections(listed!, undefined).map((section) => [section.title, section.rows]),
    );
    expect(rows.Template).toContainEqual(['Source', 'CWS_TEMPLATE_PATH sizes/own-sizes.yml']);
    expect(rows.Template).toContainEqual(['File', join(folder, 'sizes', 'own-sizes.yml')]);
  });
});
