import type { TemplatePath } from './LoadedTemplate.js';
import type { DiagnosticSeverity } from './TemplateDiagnostic.js';
import { isAmiBased } from './templateImage.js';
import type { Template } from './templateSchema.js';

export interface AmiConfigFinding {
  severity: DiagnosticSeverity;
  path: TemplatePath;
  message: string;
}

/**
 * What `ami_config` asks for that cws-tui does not do, said at validation rather than discovered at
 * boot: stored AMIs beside a vendor base (the current image is looked up instead), the free
 * `user_data_script`, and CloudWorkstation's own build-pipeline settings.
 */
export function amiConfigFindings(template: Template): AmiConfigFinding[] {
  const config = template.ami_config;
  if (!config) return [];
  if (!isAmiBased(template)) {
    return [
      {
        severity: 'warning',
        path: ['ami_config'],
        message: `ami_config is ignored: base ${template.base ?? ''} looks up its current image at launch; use base: ami-based to launch these AMIs`,
      },
    ];
  }
  const findings: AmiConfigFinding[] = [];
  if (config.user_data_script?.trim()) {
    findings.push({
      severity: 'warning',
      path: ['ami_config', 'user_data_script'],
      message:
        'ami_config.user_data_script is not run: the boot script is generated; move these commands to post_install',
    });
  }
  for (const key of ['strategy', 'fallback_strategy', 'fallback_timeout'] as const) {
    if (config[key] !== undefined) {
      findings.push({
        severity: 'warning',
        path: ['ami_config', key],
        message: `ami_config.${key} is not used: an ami-based template always launches its AMI, with no script fallback`,
      });
    }
  }
  if (
    config.ami_search?.version_tag ||
    config.ami_search?.required_tags ||
    config.ami_search?.min_creation_date
  ) {
    findings.push({
      severity: 'warning',
      path: ['ami_config', 'ami_search'],
      message:
        'ami_search launches the newest image of the owner matching name_pattern; its tag and date filters are not applied',
    });
  }
  return findings;
}
