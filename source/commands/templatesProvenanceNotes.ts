import { describeProvenance } from '../core/marketplace/TemplateProvenance.js';
import type { TemplateRegistry } from '../core/templates/TemplateRegistry.js';

/**
 * What `templates list` says below its table about signatures: which key signed the built-ins (a
 * checkout's development key is named as such), and each listed template that failed verification
 * at this load, with the reason (it cannot be launched).
 */
export function templatesProvenanceNotes(
  registry: TemplateRegistry,
  listedSlugs: readonly string[],
): { notes: string[]; refusals: string[] } {
  const listed = listedSlugs.flatMap((slug) => {
    const loaded = registry.templates.get(slug);
    return loaded ? [loaded] : [];
  });
  const builtin = listed.find(
    (template) => template.origin === 'builtin' && template.provenance?.state === 'builtin',
  )?.provenance;
  const notes = builtin
    ? [`Built-in templates: ${describeProvenance(builtin).replace(/^built-in, /, '')}.`]
    : [];
  const refusals = listed
    .filter((template) => template.provenance?.state === 'refused')
    .map(
      (template) =>
        `cws-tui: '${template.slug}' cannot be launched: ${describeProvenance(template.provenance ?? { state: 'local' })}`,
    );
  return { notes, refusals };
}
