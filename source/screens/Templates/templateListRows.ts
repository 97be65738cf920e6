import { evaluateTemplateAccess, type TemplateAccess } from '../../core/policy/evaluateTemplateAccess.js';
import type { Policy } from '../../core/policy/policySchema.js';
import { describeTemplateOrigin } from '../../core/templates/describeTemplateOrigin.js';
import type { TemplateOrigin } from '../../core/templates/LoadedTemplate.js';
import type { TemplateRegistry } from '../../core/templates/TemplateRegistry.js';
import type { ResolvedTemplate } from '../../core/templates/templateSchema.js';

/** One row of the templates page: the resolved template, where it came from, what it hides. */
export interface TemplateListRow {
  template: ResolvedTemplate;
  origin: TemplateOrigin;
  /** The file's path below its search path folder, e.g. `community/r.yml`. */
  relative_path?: string;
  /** Earlier files with the same slug that this one shadows. */
  shadows: string[];
  access: TemplateAccess;
}

/** Where a template came from, short: built-ins by file name, the others by path. */
export function describeTemplateSource(
  row: Pick<TemplateListRow, 'origin' | 'template' | 'relative_path'>,
): string {
  return describeTemplateOrigin({
    origin: row.origin,
    source: row.template.source,
    ...(row.relative_path === undefined ? {} : { relative_path: row.relative_path }),
  });
}

/** The resolved templates of a registry as the templates page lists them, by slug. */
export function templateListRows(
  templates: readonly ResolvedTemplate[],
  registry: TemplateRegistry,
  policy: Policy,
): TemplateListRow[] {
  return templates.map((template) => {
    const loaded = registry.templates.get(template.slug);
    return {
      template,
      origin: loaded?.origin ?? 'path',
      ...(loaded?.relative_path === undefined ? {} : { relative_path: loaded.relative_path }),
      shadows: registry.shadowed
        .filter((entry) => entry.shadowedBy === template.source)
        .map((entry) => entry.source),
      access: evaluateTemplateAccess(policy, template.slug, template.provenance_chain),
    };
  });
}
