import type { LaunchChoices } from '../../app/session/launchChoices.js';
import type { DetailsSection } from '../../components/DetailsPanel.js';
import { describeProvenance } from '../../core/marketplace/TemplateProvenance.js';
import { templateSizes } from '../../core/templates/templateSizes.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { describeInstanceShape, formatHourly } from '../LaunchWizard/instanceChoiceRows.js';
import { describeTemplateSource, type TemplateListRow } from './templateListRows.js';
import { templateBaseLabel } from './templateSummary.js';

type Row = readonly [string, string];
const safe = sanitizeForTerminal;

function listRow(label: string, values: readonly (string | number)[] | undefined): Row[] {
  return values && values.length > 0 ? [[label, safe(values.join(', '))]] : [];
}

/** Who signed the template's own file and whether it verified at this load (built-in, release, local). */
function provenanceRow(row: TemplateListRow): Row[] {
  const own = row.template.provenance_chain?.find((entry) => entry.slug === row.template.slug)?.provenance;
  return own ? [['Provenance', safe(describeProvenance(own))]] : [];
}

/**
 * A resolved template in full: where it comes from and what it inherits, its packages, services,
 * ports, sizes with their price, idle detection and users. Every value is made safe to draw.
 */
export function templateDetailsSections(
  row: TemplateListRow,
  choices: LaunchChoices | undefined,
): DetailsSection[] {
  const { template } = row;
  const idle = template.idle_detection;
  const packages = template.packages ?? {};
  const ports = [...new Set([...(template.instance_defaults?.ports ?? []), ...(template.ports ?? [])])];
  return [
    {
      title: 'Template',
      rows: [
        ['Slug', safe(template.slug)],
        ['Name', safe(template.name)],
        ['Description', safe(template.description)],
        ['Runs on', safe(templateBaseLabel(template))],
        ['Connect', safe(template.connection_type ?? 'auto')],
        ['Policy', row.access.allowed ? 'allowed' : safe(`forbidden: ${row.access.reason ?? ''}`)],
        ['Source', safe(describeTemplateSource(row))],
        // The relative path says where it sits in the search path; the file is what to edit.
        ...(describeTemplateSource(row) === template.source ? [] : [['File', safe(template.source)] as Row]),
        ...row.shadows.map((source): Row => ['Shadows', safe(source)]),
        ...provenanceRow(row),
        ['Inheritance', safe(template.inheritance_chain.join(' > '))],
        ...(template.category ? [['Category', safe(template.category)] as Row] : []),
      ],
    },
    {
      title: 'Packages',
      rows: [
        ...(template.package_manager ? [['Manager', safe(template.package_manager)] as Row] : []),
        ...listRow('System', packages.system),
        ...listRow('Conda', packages.conda),
        ...listRow('pip', packages.pip),
        ...listRow('Spack', packages.spack),
        ...listRow('R', packages.r),
      ],
    },
    {
      title: 'Services',
      rows: (template.services ?? []).map(
        (service): Row => [
          safe(service.name),
          `${service.port === undefined ? 'no port' : `port ${service.port}`}${service.enable === false ? ', not enabled' : ''}`,
        ],
      ),
    },
    { title: 'Ports', rows: listRow('Open', ports) },
    {
      title: 'Sizes',
      rows: choices
        ? choices.sizes.map(
            (choice): Row => [
              safe(choice.size ?? ''),
              `${safe(choice.instance_type)}: ${describeInstanceShape(choice.info)}, ${formatHourly(choice.hourly)}`,
            ],
          )
        : Object.entries(templateSizes(template)).map(([size, type]): Row => [safe(size), safe(type)]),
    },
    {
      title: 'Idle detection',
      rows: idle
        ? [
            ['Enabled', idle.enabled === false ? 'no' : 'yes'],
            ...(idle.idle_threshold_minutes
              ? [['Idle after', `${idle.idle_threshold_minutes} min`] as Row]
              : []),
            ...(idle.hibernate_threshold_minutes
              ? [['Hibernate after', `${idle.hibernate_threshold_minutes} min`] as Row]
              : []),
            ...(idle.check_interval_minutes
              ? [['Checked every', `${idle.check_interval_minutes} min`] as Row]
              : []),
          ]
        : [],
    },
    {
      title: 'Users',
      rows: (template.users ?? []).map(
        (user): Row => [
          safe(user.name),
          user.groups && user.groups.length > 0
            ? safe(`groups ${user.groups.join(', ')}`)
            : 'no extra groups',
        ],
      ),
    },
    {
      title: 'Defaults',
      rows: [
        ...(template.instance_defaults?.type
          ? [['Instance type', safe(template.instance_defaults.type)] as Row]
          : []),
        ...(choices && !template.service_config
          ? [['Root volume', `${choices.default_root_volume_gb} GB`] as Row]
          : []),
      ],
    },
  ];
}
