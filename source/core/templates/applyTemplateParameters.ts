import { UnsafeScriptValueError } from '../provisioning/UnsafeScriptValueError.js';
import { fillPlaceholders, type PlaceholderUse } from './templatePlaceholders.js';
import type { ResolvedTemplate, TemplateFile, TemplateService } from './templateSchema.js';
import { UnknownPlaceholderError } from './UnknownPlaceholderError.js';

/**
 * What a value may be where it lands in post_install, free shell text: one plain word, the same in
 * every quoting context (no space, quote, `$`, backquote, `;`, `&`, `|`, `<`, `>`, `*`, `?`, `(`,
 * `)`, `\`, `#`, `~`, `!`, `{`, `}`, newline) and not an option (no leading `-`).
 */
const SHELL_WORD = /^(?!-)[A-Za-z0-9_.,:/@%+=-]{0,256}$/;
const SHELL_WORD_RULE =
  'a plain word of letters, digits and _ . , : / @ % + = - (not starting with -): the value is put into post_install, which is shell';

/** The fields placeholders are filled in; each lands in a field that has its own whitelist later. */
export const PARAMETER_FIELDS = ['services', 'packages', 'post_install', 'files'] as const;

/**
 * The template with each `{{.name}}` in service names and config, packages, post_install and file
 * paths replaced by its value. Every filled field is then checked by the boot script's rule for
 * that field, as if the author had written the value there; post_install takes only plain words.
 * Throws UnsafeScriptValueError naming the field for an unknown placeholder or an unsafe value.
 */
export function applyTemplateParameters(
  template: ResolvedTemplate,
  values: ReadonlyMap<string, string>,
): ResolvedTemplate {
  const fill = (field: string, text: string, check?: (name: string, value: string) => void): string =>
    fillPlaceholders(
      text,
      values,
      (use: PlaceholderUse): never => {
        throw new UnknownPlaceholderError(
          field,
          use.raw,
          use.name === undefined
            ? 'only {{.name}} placeholders of the template parameters are supported'
            : `no parameter or variable '${use.name}' is declared`,
        );
      },
      check,
    );
  const fillList = (field: string, list: readonly string[] | undefined): string[] | undefined =>
    list?.map((entry, index) => fill(`${field}[${index}]`, entry));

  const out: ResolvedTemplate = { ...template };
  if (template.services) {
    out.services = template.services.map((service, index): TemplateService => {
      const at = `services[${index}]`;
      const filled: TemplateService = { ...service, name: fill(`${at}.name`, service.name) };
      if (Array.isArray(service.config)) {
        filled.config = service.config.map((line, line_index) => fill(`${at}.config[${line_index}]`, line));
      } else if (service.config) {
        filled.config = Object.fromEntries(
          Object.entries(service.config).map(([key, value]) => [
            fill(`${at}.config key ${key}`, key),
            typeof value === 'string' ? fill(`${at}.config.${key}`, value) : value,
          ]),
        );
      }
      return filled;
    });
  }
  if (template.packages) {
    const packages = template.packages;
    out.packages = Object.fromEntries(
      Object.entries(packages).map(([manager, list]) => [manager, fillList(`packages.${manager}`, list)]),
    );
  }
  if (template.post_install !== undefined) {
    out.post_install = fill('post_install', template.post_install, (name, value) => {
      if (!SHELL_WORD.test(value))
        throw new UnsafeScriptValueError(`post_install {{.${name}}}`, value, SHELL_WORD_RULE);
    });
  }
  if (template.files) {
    out.files = template.files.map((file, index): TemplateFile => {
      const at = `files[${index}]`;
      if ('path' in file) return { ...file, path: fill(`${at}.path`, file.path) };
      return {
        ...file,
        s3_bucket: fill(`${at}.s3_bucket`, file.s3_bucket),
        s3_key: fill(`${at}.s3_key`, file.s3_key),
        destination_path: fill(`${at}.destination_path`, file.destination_path),
        ...(file.only_if !== undefined ? { only_if: fill(`${at}.only_if`, file.only_if) } : {}),
      };
    });
  }
  return out;
}
