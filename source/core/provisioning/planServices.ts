import { type ServiceSetting, serviceConfigSettings } from '../templates/serviceConfigSettings.js';
import type { TemplateService } from '../templates/templateSchema.js';
import type { ProvisioningDiagnostic } from './ProvisioningDiagnostic.js';
import type { PlannedService } from './ProvisioningPlan.js';
import type { ScriptValueChecks } from './ScriptValueChecks.js';
import type { ScriptValueKind } from './scriptValueRules.js';
import { UnsafeScriptValueError } from './UnsafeScriptValueError.js';
import { type WebServiceKind, webServiceKind } from './webServiceKind.js';

/** The Amazon DCV server's unit names: the desktop the script configures. */
const DESKTOP_SERVICES = ['dcvserver', 'dcv'];
const DCV_PORT = 8443;
const DEFAULT_PORTS: Record<WebServiceKind, number> = { jupyter: 8888, 'code-server': 8080, rstudio: 8787 };
const KEY_RULE: Record<WebServiceKind, ScriptValueKind> = {
  jupyter: 'jupyterConfigKey',
  'code-server': 'serviceConfigKey',
  rstudio: 'serviceConfigKey',
};

/**
 * A web service's settings in its own syntax, each checked: the key by the file format's rule, a
 * text value as printable text (it is written quoted, in a file, never on a command line), and
 * none that would undo the app's localhost binding or authentication. A command line in `config`
 * is left out with a warning naming it: the app starts the service itself.
 */
export function planServiceSettings(
  kind: WebServiceKind,
  service: TemplateService,
  index: number,
  diagnostics: ProvisioningDiagnostic[],
  checks: ScriptValueChecks,
): ServiceSetting[] {
  const reading = serviceConfigSettings(kind, service.config);
  const field = (at: number | string) =>
    typeof at === 'number' ? `services[${index}].config[${at}]` : `services[${index}].config.${at}`;
  for (const problem of reading.problems) {
    const line = Array.isArray(service.config) ? (service.config[problem.at] ?? '') : '';
    checks.refuse(new UnsafeScriptValueError(field(problem.at), line, problem.message));
  }
  for (const { at, line } of reading.commandLines) {
    diagnostics.push({
      level: 'warning',
      field: field(at),
      message: `'${line}' is a command line, not a ${kind} setting: it is ignored (the app starts ${kind} itself; write settings as ${kind === 'jupyter' ? "c.ServerApp.name = 'value'" : 'key: value'})`,
    });
  }
  return reading.settings.map((setting) => {
    const text = String(setting.value);
    const keyField = typeof setting.at === 'number' ? field(setting.at) : `services[${index}].config key`;
    checks.safe(keyField, setting.key, KEY_RULE[kind]);
    checks.appControlledSetting(field(setting.at), setting.key, text);
    if (typeof setting.value === 'string') checks.safe(field(setting.at), text, 'serviceConfigText');
    return setting;
  });
}

export function planServices(
  services: readonly TemplateService[],
  jupyterBinary: string,
  diagnostics: ProvisioningDiagnostic[],
  checks: ScriptValueChecks,
): PlannedService[] {
  return services.map((service, index): PlannedService => {
    const name = checks.safe(`services[${index}].name`, service.name, 'serviceName');
    const kind = webServiceKind(name);
    const enable = service.enable !== false;
    if (DESKTOP_SERVICES.includes(name)) {
      return {
        kind: 'desktop',
        port: checks.positiveInteger(`services[${index}].port`, service.port ?? DCV_PORT, 65535),
        enable,
      };
    }
    if (kind === undefined) {
      if (service.config !== undefined) {
        diagnostics.push({
          level: 'warning',
          field: `services[${index}].config`,
          message: `${name} is a system unit: the app writes config only for Jupyter, code-server and RStudio, so this config is not applied`,
        });
      }
      return { kind: 'system', unit: name, enable };
    }
    const port = checks.positiveInteger(
      `services[${index}].port`,
      service.port ?? DEFAULT_PORTS[kind],
      65535,
    );
    const settings = planServiceSettings(kind, service, index, diagnostics, checks);
    if (kind === 'jupyter') return { kind, port, binary: jupyterBinary, settings, enable };
    return { kind, port, settings, enable };
  });
}
