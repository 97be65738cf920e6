import type { TemplateService } from './templateSchema.js';

/** The services whose configuration the app writes in the service's own file format. */
export type ConfigurableService = 'jupyter' | 'code-server' | 'rstudio';

export type ServiceSettingValue = string | number | boolean;

export interface ServiceSetting {
  /** The setting's name as the service knows it: `ServerApp.ip`, `bind-addr`, `www-port`. */
  key: string;
  value: ServiceSettingValue;
  /** Where it is written in the template: a line's index, or the key of a mapping. */
  at: number | string;
}

export interface ServiceConfigReading {
  settings: ServiceSetting[];
  /** Lines that start a program rather than set something: the app starts the service itself. */
  commandLines: { at: number; line: string }[];
  /** Lines that are neither: each is an error naming the line. */
  problems: { at: number; message: string }[];
}

type RawConfig = TemplateService['config'];

const JUPYTER_LINE = /^(?:c\.)?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*=\s*(.*?)\s*$/;
const KEY_VALUE_LINE = /^([A-Za-z][A-Za-z0-9_.-]*)\s*[=:]\s*(.*?)\s*$/;
const COMMAND_LINE =
  /^(-|(\S*\/)?(jupyter|jupyter-lab|code-server|rserver|rstudio-server|python3?|sudo|exec)(\s|$))/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Jupyter's `c.` prefix dropped; a bare trait (`port`, CloudWorkstation's shorthand) is the server's. */
function settingKey(kind: ConfigurableService, key: string): string {
  if (kind !== 'jupyter') return key;
  const name = key.replace(/^c\./, '');
  return name.includes('.') ? name : `ServerApp.${name}`;
}

/** A Python literal as Jupyter's traitlets config reads it (strings, numbers, True/False). */
function pythonLiteral(text: string): ServiceSettingValue | { problem: string } {
  const quoted = /^(['"])(.*)\1$/s.exec(text);
  if (quoted) {
    const [, quote, body = ''] = quoted;
    if (new RegExp(`(^|[^\\\\])${quote}`).test(body))
      return { problem: 'the string is not closed where it ends' };
    return body.replace(/\\(.)/g, (_all, character: string) =>
      character === 'n' ? '\n' : character === 't' ? '\t' : character,
    );
  }
  // Lowercase too: a bool parameter fills `{{.flag}}` with true or false.
  if (text === 'True' || text === 'true') return true;
  if (text === 'False' || text === 'false') return false;
  if (NUMBER.test(text)) return Number(text);
  if (/^[[{(]|^None$/.test(text))
    return {
      problem: 'only strings, numbers and True/False are supported; set lists and None in post_install',
    };
  // CloudWorkstation's older `ServerApp.root_dir=/data` style: an unquoted value is a string.
  return text;
}

/** A YAML scalar as code-server reads its config.yaml, or RStudio's rest-of-line value. */
function plainValue(text: string, kind: ConfigurableService): ServiceSettingValue {
  if (kind === 'rstudio') return text;
  const quoted = /^(['"])(.*)\1$/s.exec(text);
  if (quoted) return quoted[2] ?? '';
  if (text === 'true' || text === 'false') return text === 'true';
  if (NUMBER.test(text)) return Number(text);
  return text;
}

function readLine(
  kind: ConfigurableService,
  line: string,
): { key: string; value: ServiceSettingValue } | { problem: string } {
  if (kind === 'jupyter') {
    const match = JUPYTER_LINE.exec(line);
    if (!match)
      return { problem: "a Jupyter setting is Class.trait = value (c.ServerApp.root_dir = '/data')" };
    const value = pythonLiteral(match[2]!);
    return typeof value === 'object' ? value : { key: settingKey(kind, match[1]!), value };
  }
  const match = KEY_VALUE_LINE.exec(line);
  if (!match)
    return {
      problem: kind === 'rstudio' ? 'an RStudio setting is key=value' : 'a code-server setting is key: value',
    };
  return { key: match[1]!, value: plainValue(match[2]!, kind) };
}

/**
 * A service's `config` read in that service's own syntax, so that lines as CloudWorkstation
 * templates write them (`c.ServerApp.ip = '127.0.0.1'`) become typed settings. Blank and `#`
 * lines are skipped; a later setting of the same key replaces an earlier one.
 */
export function serviceConfigSettings(kind: ConfigurableService, config: RawConfig): ServiceConfigReading {
  const reading: ServiceConfigReading = { settings: [], commandLines: [], problems: [] };
  const keep = (setting: ServiceSetting) => {
    reading.settings = reading.settings.filter((earlier) => earlier.key !== setting.key);
    reading.settings.push(setting);
  };
  if (config === undefined) return reading;
  if (!Array.isArray(config)) {
    for (const [key, value] of Object.entries(config)) keep({ key: settingKey(kind, key), value, at: key });
    return reading;
  }
  for (const [at, raw] of config.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (COMMAND_LINE.test(line)) {
      reading.commandLines.push({ at, line });
      continue;
    }
    const read = readLine(kind, line);
    if ('problem' in read) reading.problems.push({ at, message: read.problem });
    else keep({ ...read, at });
  }
  return reading;
}

/** Inheritance: line lists are concatenated (a later line wins), mappings merged by key. */
export function mergeServiceConfig(parent: RawConfig, child: RawConfig): RawConfig {
  if (parent === undefined) return child;
  if (child === undefined) return parent;
  if (!Array.isArray(parent) && !Array.isArray(child)) return { ...parent, ...child };
  const lines = (config: NonNullable<RawConfig>): string[] =>
    Array.isArray(config) ? config : Object.entries(config).map(([key, value]) => `${key}=${String(value)}`);
  return [...lines(parent), ...lines(child)];
}
