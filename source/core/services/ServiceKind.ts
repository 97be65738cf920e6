import { webServiceKind } from '../provisioning/webServiceKind.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';

/**
 * Everything a researcher can launch. EC2 kinds run the EC2 launch pipeline (a workstation reached
 * by SSH, a desktop, or a web service on the instance); the others are managed web services.
 */
export const SERVICE_KINDS = [
  'ec2-ssh',
  'ec2-desktop',
  'code-server',
  'jupyterlab',
  'rstudio',
  'sagemaker-studio',
  'sagemaker-canvas',
  'studio-lab',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export type ManagedServiceKind = 'sagemaker-studio' | 'sagemaker-canvas' | 'studio-lab';

export function isManagedServiceKind(kind: ServiceKind): kind is ManagedServiceKind {
  return kind === 'sagemaker-studio' || kind === 'sagemaker-canvas' || kind === 'studio-lab';
}

const EC2_WEB_KINDS = {
  'code-server': 'code-server',
  jupyter: 'jupyterlab',
  rstudio: 'rstudio',
} as const;

/** The web service an EC2 template runs, with its port: the first enabled one the app knows. */
export function ec2WebService(
  template: Pick<ResolvedTemplate, 'services'>,
): { kind: 'code-server' | 'jupyterlab' | 'rstudio'; service: string; port: number } | undefined {
  for (const service of template.services ?? []) {
    if (service.enable === false || service.port === undefined) continue;
    const web = webServiceKind(service.name);
    if (web) return { kind: EC2_WEB_KINDS[web], service: service.name, port: service.port };
  }
  return undefined;
}

/**
 * Picks the kind from the template: `service_config.kind` names a managed service; otherwise the
 * connection type and the template's web services decide between SSH, desktop and a web service.
 */
export function serviceKindOf(
  template: Pick<ResolvedTemplate, 'services' | 'connection_type' | 'service_config'>,
): ServiceKind {
  if (template.service_config) return template.service_config.kind;
  if (template.connection_type === 'dcv') return 'ec2-desktop';
  const web = ec2WebService(template);
  if (web && (template.connection_type === 'web' || template.connection_type === 'auto')) return web.kind;
  return 'ec2-ssh';
}
