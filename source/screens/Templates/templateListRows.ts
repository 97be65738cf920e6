import { basename } from 'node:path';
import { evaluateTemplateAccess, type TemplateAccess } from '../../core/policy/evaluateTemplateAccess.js';
import type { Policy } from '../../core/policy/policySchema.js';
import type { TemplateOrigin } from '../../core/templates/LoadedTemplate.js';
import type { TemplateRegistry } from '../../core/templates/TemplateRegistry.js';
import type { ResolvedTemplate } from '../../core/templates/templateSchema.js';

/** One row of the templates page: the resolved template, where it came from, what it hides. */
export interface TemplateListRow {
  template: ResolvedTemplate;
  origin: TemplateOrigin;
  /** Earlier files with the same slug that this one shadows. */
  shadows: string[];
  access: TemplateAccess;
}

/** Where a template came from, short: built-ins by file name, the others by path. */
export function describeTemplateSource(row: Pick<TemplateListRow, 'origin' | 'template'>): string {
  return row.origin === 'builtin' ? `built-in ${basename(row.template.source)}` : row.template.source;
}

/** The resolved templates of a registry as the templates page lists them, by slug. */
export function templateListRows(
  templates: readonly ResolvedTemplate[],
  registry: TemplateRegistry,
  policy: Policy,
): TemplateListRow[] {
  return templates.map((template) => ({
    template,
    origin: registry.templates.get(template.slug)?.origin ?? 'path',
    shadows: registry.shadowed
      .filter((entry) => entry.shadowedBy === template.source)
      .map((entry) => entry.source),
    access: evaluateTemplateAccess(policy, template.slug),
  }));
}
