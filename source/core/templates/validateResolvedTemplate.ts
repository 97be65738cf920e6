import { bigdataTemplateFindings } from '../bigdata/bigdataTemplateFindings.js';
import { clusterTemplateFindings } from '../hpc/clusterTemplateFindings.js';
import { KNOWN_BASES } from '../images/resolveImageSource.js';
import { foreignPostInstallCommand } from '../provisioning/postInstallDistros.js';
import { appControlledSettingProblem } from '../provisioning/scriptValueRules.js';
import { webServiceKind } from '../provisioning/webServiceKind.js';
import { amiConfigFindings } from './amiConfigFindings.js';
import { applyTemplateParameters } from './applyTemplateParameters.js';
import type { LoadedTemplate, TemplatePath } from './LoadedTemplate.js';
import { packageFindings } from './packageFindings.js';
import { placeholderFindings } from './placeholderFindings.js';
import { provisioningFindings } from './provisioningFindings.js';
import { resolveParameterValues } from './resolveParameterValues.js';
import { serviceConfigSettings } from './serviceConfigSettings.js';
import type { DiagnosticSeverity, TemplateDiagnostic } from './TemplateDiagnostic.js';
import { AMI_BASED, describeTemplateImage, isTemplateImageProblem } from './templateImage.js';
import type { Template } from './templateSchema.js';
import { minimumSizeProblem } from './templateSizes.js';

/** The template with its placeholders filled by defaults or samples; as written when they cannot be. */
function withSampleParameters(merged: Template): Template {
  try {
    const values = resolveParameterValues(merged, {}, { samples: true });
    return applyTemplateParameters(
      { ...merged, slug: 'x', description: '', inheritance_chain: [], source: '' },
      values,
    );
  } catch {
    return merged;
  }
}

const PACKAGE_MANAGER_OF_DISTRO = { ubuntu: 'apt', rocky: 'dnf', al2023: 'dnf' } as const;

/**
 * Checks that need the whole inheritance chain: a field may be set in a parent and contradict one
 * set in the child. Each finding points at the file of the template that set the field.
 * `chain` lists the templates merged into `merged`, root first, the template itself last.
 */
export function validateResolvedTemplate(
  merged: Template,
  chain: readonly LoadedTemplate[],
): TemplateDiagnostic[] {
  const diagnostics: TemplateDiagnostic[] = [];
  const self = chain.at(-1)!;
  const definerOf = (key: keyof Template): LoadedTemplate =>
    [...chain].reverse().find((loaded) => loaded.template[key] !== undefined) ?? self;
  const report = (
    severity: DiagnosticSeverity,
    at: LoadedTemplate,
    path: TemplatePath,
    message: string,
  ): void => {
    const { line, column } = at.locate(path);
    const prefix = at === self ? '' : `(inherited by ${self.slug}) `;
    diagnostics.push({ file: at.source, line, column, severity, message: `${prefix}${message}` });
  };

  if (merged.analytics) {
    if (merged.base !== undefined)
      report('error', definerOf('base'), ['base'], `an ${merged.analytics.kind} template has no base`);
  } else if (merged.bigdata) {
    if (merged.base !== undefined)
      report('error', definerOf('base'), ['base'], `a ${merged.bigdata.kind} template has no base`);
    for (const finding of bigdataTemplateFindings(merged.bigdata))
      report(finding.severity, definerOf('bigdata'), finding.path, finding.message);
  } else if (merged.service_config) {
    const kind = merged.service_config.kind;
    if (merged.base !== undefined) {
      report(
        'error',
        definerOf('base'),
        ['base'],
        `a web service template (service_config.kind ${kind}) has no base`,
      );
    }
    if (merged.connection_type !== undefined && merged.connection_type !== 'web') {
      report(
        'error',
        definerOf('connection_type'),
        ['connection_type'],
        `a ${kind} service is reached over the web, not ${merged.connection_type}`,
      );
    }
    // A managed service has no instance to set up; say so rather than drop the fields silently.
    for (const key of ['packages', 'users', 'services', 'files', 'post_install', 'user_data'] as const) {
      if (merged[key] !== undefined) {
        report(
          'warning',
          definerOf(key),
          [key],
          `${key} is not used: a ${kind} service has no instance to set up`,
        );
      }
    }
  } else if (merged.cluster_config) {
    for (const finding of clusterTemplateFindings(merged))
      report(finding.severity, definerOf(finding.field), finding.path, finding.message);
  } else if (merged.base === undefined) {
    report(
      'error',
      self,
      [],
      `base is required (one of ${[...KNOWN_BASES, AMI_BASED].join(', ')}) unless the template is a web service with service_config`,
    );
  } else {
    const image = describeTemplateImage(merged);
    if (isTemplateImageProblem(image)) {
      report(image.atLaunch ? 'warning' : 'error', definerOf(image.field), image.path, image.message);
    } else {
      const expected = PACKAGE_MANAGER_OF_DISTRO[image.distro];
      const foreign = foreignPostInstallCommand(merged, image.distro);
      if (foreign) {
        report(
          'error',
          definerOf('post_install'),
          ['post_install'],
          `post_install runs ${foreign}, which ${image.displayName} does not have: use ${expected}, or check /etc/os-release to support several distros`,
        );
      }
      for (const finding of packageFindings(merged, image.distro)) {
        report(finding.severity, definerOf(finding.field), finding.path, finding.message);
      }
      const manager = merged.package_manager;
      if ((manager === 'apt' || manager === 'dnf') && manager !== expected) {
        report(
          'error',
          definerOf('package_manager'),
          ['package_manager'],
          `package_manager ${manager} does not fit base ${merged.base} (${image.displayName} uses ${expected})`,
        );
      }
    }
    for (const finding of amiConfigFindings(merged)) {
      report(finding.severity, definerOf('ami_config'), finding.path, finding.message);
    }
  }

  if (merged.connection_type === 'web' && !merged.service_config && !merged.services?.some((s) => s.port)) {
    report(
      'warning',
      definerOf('connection_type'),
      ['connection_type'],
      'connection_type is web, but no service declares a port to open',
    );
  }

  const sizeProblem = minimumSizeProblem(merged);
  if (sizeProblem) report('error', definerOf('minimum_size'), ['minimum_size'], sizeProblem);

  // The same rule the boot script applies: a web service's bind address and auth stay the app's.
  // Every such setting is reported, where generation would stop at the first.
  for (const [index, service] of (withSampleParameters(merged).services ?? []).entries()) {
    const kind = webServiceKind(service.name);
    if (kind === undefined) continue;
    const reading = serviceConfigSettings(kind, service.config);
    for (const { at, message } of reading.problems)
      report(
        'error',
        definerOf('services'),
        ['services', index, 'config', at],
        `services[${index}].config[${at}]: ${message}`,
      );
    for (const setting of reading.settings) {
      const problem = appControlledSettingProblem(setting.key, String(setting.value));
      if (problem)
        report(
          'error',
          definerOf('services'),
          ['services', index, 'config', setting.at],
          `services[${index}].config: ${problem}; remove it (the app reaches ${kind} through a tunnel with its own secret)`,
        );
    }
  }

  const idle = merged.idle_detection;
  if (
    idle?.idle_threshold_minutes !== undefined &&
    idle.hibernate_threshold_minutes !== undefined &&
    idle.hibernate_threshold_minutes < idle.idle_threshold_minutes
  ) {
    report(
      'warning',
      definerOf('idle_detection'),
      ['idle_detection', 'hibernate_threshold_minutes'],
      'hibernate_threshold_minutes is below idle_threshold_minutes: the instance would hibernate before it counts as idle',
    );
  }
  diagnostics.push(...placeholderFindings(merged, chain));
  const image = merged.base === undefined ? undefined : describeTemplateImage(merged);
  const distro = image === undefined || isTemplateImageProblem(image) ? undefined : image.distro;
  if (distro && !merged.service_config) {
    const placed = new Set(diagnostics.map((d) => `${d.file}:${d.line}:${d.column}:${d.severity}`));
    for (const finding of provisioningFindings(merged, chain, distro)) {
      if (!placed.has(`${finding.file}:${finding.line}:${finding.column}:${finding.severity}`))
        diagnostics.push(finding);
    }
  }
  return diagnostics;
}
