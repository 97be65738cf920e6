import type { ResolvedTemplate } from '../templates/templateSchema.js';

/** How to get into a workstation of this template, for the dashboard: `ssh`, `web :8888`, `dcv`. */
export function connectionHint(template: ResolvedTemplate): string {
  const webPort = template.services?.find((service) => service.enable !== false && service.port)?.port;
  switch (template.connection_type) {
    case 'web':
      return webPort ? `web :${webPort}` : 'web';
    case 'dcv':
      return 'dcv';
    default:
      return webPort ? `ssh, web :${webPort}` : 'ssh';
  }
}
