import type { ResearchUser } from '../identity/ResearchUser.js';
import type { Distro } from '../images/baseImages.js';
import { planProvisioning } from '../provisioning/planProvisioning.js';
import { UnsafeScriptValueError } from '../provisioning/UnsafeScriptValueError.js';
import { UnsafeScriptValuesError } from '../provisioning/UnsafeScriptValuesError.js';
import type { LoadedTemplate, TemplatePath } from './LoadedTemplate.js';
import type { TemplateDiagnostic } from './TemplateDiagnostic.js';
import { filePathOf } from './templateFileKinds.js';
import type { Template, TemplateFile } from './templateSchema.js';
import { UnknownPlaceholderError } from './UnknownPlaceholderError.js';

/** A research user who passes every rule, standing in for whoever launches. */
const STAND_IN_USER: ResearchUser = {
  username: 'researcher',
  uid: 5000,
  gid: 5000,
  groups: [],
  shell: '/bin/bash',
  ssh_public_keys: [],
  created_at: '1970-01-01T00:00:00Z',
};

/** Template fields whose generation findings validation repeats (the rest have their own checks). */
const REPORTED = /^(services|files|users|user_data|parameters|post_install|packages)\b/;

/** `services[0].config[2]` -> ['services', 0, 'config', 2]; `services[0].config key` -> up to config. */
export function templatePathOfField(field: string): TemplatePath {
  const path: (string | number)[] = [];
  for (const match of field.split(/[\s{]/)[0]!.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    path.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  }
  return path;
}

type Keyed = { name?: string } & Partial<TemplateFile>;
/** The lists that merge by a key, and each item's key. */
const LIST_KEYS: Record<string, (item: Keyed) => string> = {
  users: (user) => user.name ?? '',
  services: (service) => service.name ?? '',
  files: (file) => filePathOf(file as TemplateFile),
};

/**
 * The template of the chain that wrote the value at `path` of the merged template, and its path
 * there: users, services and files merge by name (or path), so an item's index in the merged list
 * is not its index in the file that declared it.
 */
function whereWritten(
  merged: Template,
  chain: readonly LoadedTemplate[],
  path: TemplatePath,
): { at: LoadedTemplate; path: TemplatePath } {
  const [top, index, ...rest] = path;
  const latestFirst = [...chain].reverse();
  const keyOf = typeof top === 'string' ? LIST_KEYS[top] : undefined;
  const list = (template: Template): Keyed[] | undefined =>
    (template as Record<string, unknown>)[String(top)] as Keyed[] | undefined;
  const item = keyOf && typeof index === 'number' ? list(merged)?.[index] : undefined;
  if (keyOf && item !== undefined) {
    const key = keyOf(item);
    for (const loaded of latestFirst) {
      const found = list(loaded.template)?.findIndex((candidate) => keyOf(candidate) === key) ?? -1;
      if (found >= 0) return { at: loaded, path: [String(top), found, ...rest] };
    }
  }
  const at =
    latestFirst.find((loaded) => loaded.template[top as keyof Template] !== undefined) ?? chain.at(-1)!;
  return { at, path };
}

/**
 * What user-data generation would refuse or warn about, found at validation by running the same
 * planning (one rule set) with a stand-in user and each parameter's default (or a sample value of
 * its type). Planning collects every refused value before it throws, so each is reported at its
 * own line; placeholders have their own findings (placeholderFindings), so they are not repeated here.
 */
export function provisioningFindings(
  merged: Template,
  chain: readonly LoadedTemplate[],
  distro: Distro,
): TemplateDiagnostic[] {
  const self = chain.at(-1)!;
  const findings: TemplateDiagnostic[] = [];
  const report = (severity: TemplateDiagnostic['severity'], field: string, message: string) => {
    const { at, path } = whereWritten(merged, chain, templatePathOfField(field));
    const { line, column } = at.locate(path);
    const prefix = at === self ? '' : `(inherited by ${self.slug}) `;
    findings.push({ file: at.source, line, column, severity, message: `${prefix}${message}` });
  };
  try {
    const plan = planProvisioning(
      {
        template: {
          ...merged,
          slug: self.slug,
          description: merged.description ?? '',
          inheritance_chain: [],
          source: self.source,
        },
        distro,
        user: STAND_IN_USER,
        launch_id: 'validate',
      },
      { samples: true },
    );
    for (const diagnostic of plan.diagnostics) {
      if (diagnostic.level === 'warning' && REPORTED.test(diagnostic.field))
        report('warning', diagnostic.field, `${diagnostic.field}: ${diagnostic.message}`);
    }
  } catch (error) {
    if (error instanceof UnknownPlaceholderError) return findings;
    if (error instanceof UnsafeScriptValuesError) {
      for (const refusal of error.refusals) report('error', refusal.field, refusal.message);
    } else if (error instanceof UnsafeScriptValueError) report('error', error.field, error.message);
    // Packages and post_install per distro have their own validation; other failures are not ours.
  }
  return findings;
}
