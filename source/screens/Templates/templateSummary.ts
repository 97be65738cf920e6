import type { ResolvedTemplate } from '../../core/templates/templateSchema.js';
import { templateSizesLabel as sizesLabel } from '../../core/templates/templateSizes.js';

/** What a template runs on: its base image, or the managed service it opens. */
export function templateBaseLabel(template: ResolvedTemplate): string {
  return template.base ?? template.service_config?.kind ?? '-';
}

/** The template's size names, e.g. `S M L GPU`, or the global ranges, e.g. `M-XL GPU-S-GPU-XL`. */
export function templateSizesLabel(template: ResolvedTemplate): string {
  return sizesLabel(template);
}

/** Whether a `/` filter matches the template: slug, name, description, category, domain or base. */
export function matchesTemplateFilter(template: ResolvedTemplate, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return true;
  return [
    template.slug,
    template.name,
    template.description,
    template.category ?? '',
    template.domain ?? '',
    templateBaseLabel(template),
  ].some((field) => field.toLowerCase().includes(needle));
}
