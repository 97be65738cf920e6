import type { LoadedTemplate } from './LoadedTemplate.js';
import { slugFromName } from './slugFromName.js';
import type { TemplateDiagnostic } from './TemplateDiagnostic.js';

/** A file that lost to a later file with the same slug. */
export interface ShadowedTemplate {
  slug: string;
  source: string;
  shadowedBy: string;
  /** Where the hidden file was found: a hidden built-in is shown wherever the template appears. */
  origin?: LoadedTemplate['origin'];
}

/** Every template found on the search path, by slug: the last file with a slug wins. */
export interface TemplateRegistry {
  templates: ReadonlyMap<string, LoadedTemplate>;
  /** Template name -> slug, so that `inherits` may name a parent either way. */
  slugsByName: ReadonlyMap<string, string>;
  shadowed: ShadowedTemplate[];
  /** Problems found while loading (per file, before inheritance). */
  diagnostics: TemplateDiagnostic[];
  /** Findings about resolved templates kept between runs (see TemplateParseCache), when there is a cache. */
  findingsMemo?: TemplateFindingsMemo;
}

/** Findings of an inheritance chain, keyed by its files' paths and stamps (see chainFindingsKey). */
export interface TemplateFindingsMemo {
  get(key: string): TemplateDiagnostic[] | undefined;
  set(key: string, findings: TemplateDiagnostic[]): void;
}

/**
 * Indexes loaded templates in search-path order. Two files with the same slug in one directory
 * are most likely a mistake, so that also gets a warning; across directories it is the point.
 */
export function buildTemplateRegistry(
  loaded: readonly LoadedTemplate[],
  diagnostics: TemplateDiagnostic[] = [],
): TemplateRegistry {
  const templates = new Map<string, LoadedTemplate>();
  const shadowed: ShadowedTemplate[] = [];
  const directoryOf = (file: string): string => file.slice(0, Math.max(file.lastIndexOf('/'), 0));
  for (const template of loaded) {
    const earlier = templates.get(template.slug);
    if (earlier) {
      shadowed.push({
        slug: template.slug,
        source: earlier.source,
        shadowedBy: template.source,
        origin: earlier.origin,
      });
      if (directoryOf(earlier.source) === directoryOf(template.source)) {
        const { line, column } = template.locate(template.template.slug === undefined ? ['name'] : ['slug']);
        diagnostics.push({
          file: template.source,
          line,
          column,
          severity: 'warning',
          message: `slug '${template.slug}' is also used by ${earlier.source}; this file wins`,
        });
      }
    }
    templates.set(template.slug, template);
  }
  const slugsByName = new Map<string, string>();
  for (const [slug, template] of templates) slugsByName.set(template.template.name, slug);
  return { templates, slugsByName, shadowed, diagnostics };
}

/** A template by slug, by exact name, or by the slug its name would give ("Rocky Linux 9 Base"). */
export function findTemplate(registry: TemplateRegistry, reference: string): LoadedTemplate | undefined {
  const slug =
    (registry.templates.has(reference) ? reference : undefined) ??
    registry.slugsByName.get(reference) ??
    slugFromName(reference);
  return registry.templates.get(slug);
}
