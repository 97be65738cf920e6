import type { ServiceSetting } from '../templates/serviceConfigSettings.js';
import { heredocDelimiter } from './renderPostInstallSection.js';

/** Where the app writes each service's own config file (read by the service as the research user). */
export const JUPYTER_CONFIG_PATH = '/etc/cws/jupyter_server_config.py';
export const CODE_SERVER_CONFIG_PATH = '/etc/cws/code-server.yaml';

/**
 * A value in the file's own quoting. A JSON string is a valid Python string literal and a valid
 * YAML double-quoted scalar, so quotes, backslashes and non-ASCII text stay data.
 */
const quoted = (value: string): string => JSON.stringify(value);

/** `c.ServerApp.root_dir = '/data'` for each setting, in traitlets' Python syntax. */
export function jupyterConfigText(settings: readonly ServiceSetting[]): string {
  return settings
    .map(({ key, value }) => {
      const literal =
        typeof value === 'boolean'
          ? value
            ? 'True'
            : 'False'
          : typeof value === 'number'
            ? String(value)
            : quoted(value);
      return `c.${key} = ${literal}\n`;
    })
    .join('');
}

/** `key: "value"` for each setting, as code-server's config.yaml. */
export function codeServerConfigText(settings: readonly ServiceSetting[]): string {
  return settings
    .map(({ key, value }) => `${key}: ${typeof value === 'string' ? quoted(value) : String(value)}\n`)
    .join('');
}

/** Writes `text` to `path` through a quoted here-document: nothing in it is shell. */
export function renderConfigFile(path: string, text: string): string {
  const delimiter = heredocDelimiter('CWS_SERVICE_CONFIG', text);
  return `cws_put 0644 ${path} <<'${delimiter}'\n${text}${delimiter}`;
}
