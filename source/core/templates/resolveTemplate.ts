import { basename } from 'node:path';
import { chainFindingsKey } from './chainFindingsKey.js';
import { closestKnownKey, typoDistance } from './closestKnownKey.js';
import type { LoadedTemplate } from './LoadedTemplate.js';
import { mergeTemplates } from './mergeTemplates.js';
import { formatDiagnostic, hasErrors, type TemplateDiagnostic } from './TemplateDiagnostic.js';
import { findTemplate, type TemplateRegistry } from './TemplateRegistry.js';
import type { ResolvedTemplate, Template } from './templateSchema.js';
import { validateResolvedTemplate } from './validateResolvedTemplate.js';

/** A template that cannot be resolved: a missing parent, a cycle, or a contradiction across the chain. */
export class TemplateResolutionError extends Error {
  constructor(readonly diagnostics: TemplateDiagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'TemplateResolutionError';
  }
}

export class UnknownTemplateError extends Error {
  constructor(
    readonly reference: string,
    readonly suggestion: string | undefined,
  ) {
    super(`no template '${reference}'${suggestion ? ` (closest: '${suggestion}')` : ''}`);
    this.name = 'UnknownTemplateError';
  }
}

type Resolution =
  | { ok: true; template: ResolvedTemplate; chain: LoadedTemplate[]; warnings: TemplateDiagnostic[] }
  | { ok: false; diagnostics: TemplateDiagnostic[] };

// A registry is immutable once built, so each template is resolved at most once per registry.
const resolutions = new WeakMap<TemplateRegistry, Map<string, Resolution>>();

function memoOf(registry: TemplateRegistry): Map<string, Resolution> {
  let memo = resolutions.get(registry);
  if (!memo) {
    memo = new Map();
    resolutions.set(registry, memo);
  }
  return memo;
}

function failure(loaded: LoadedTemplate, inheritsIndex: number, message: string): Resolution {
  const { line, column } = loaded.locate(['inherits', inheritsIndex]);
  return { ok: false, diagnostics: [{ file: loaded.source, line, column, severity: 'error', message }] };
}

/** The built-in a template of the user's hides by taking its slug. */
function shadowOf(loaded: LoadedTemplate, registry: TemplateRegistry): { shadows_builtin?: string } {
  if (loaded.origin === 'builtin') return {};
  const hidden = registry.shadowed.find(
    (entry) => entry.slug === loaded.slug && entry.shadowedBy === loaded.source && entry.origin === 'builtin',
  );
  return hidden ? { shadows_builtin: hidden.source } : {};
}

/** Parents first, each ancestor once (the first time it is reached), the template itself last. */
function linearize(parents: readonly LoadedTemplate[][], self: LoadedTemplate): LoadedTemplate[] {
  // One parent: its chain has no repeats and cannot hold `self` (that would be a cycle).
  if (parents.length <= 1) return [...(parents[0] ?? []), self];
  const seen = new Set<string>();
  const chain: LoadedTemplate[] = [];
  for (const template of [...parents.flat(), self]) {
    if (seen.has(template.slug)) continue;
    seen.add(template.slug);
    chain.push(template);
  }
  return chain;
}

function resolveLoaded(
  loaded: LoadedTemplate,
  registry: TemplateRegistry,
  path: readonly string[],
): Resolution {
  const memo = memoOf(registry);
  const known = memo.get(loaded.slug);
  if (known) return known;

  const trail = [...path, loaded.slug];
  const parentChains: LoadedTemplate[][] = [];
  let firstParentMerged: Template | undefined;
  for (const [index, reference] of (loaded.template.inherits ?? []).entries()) {
    const parent = findTemplate(registry, reference);
    if (!parent) {
      const closest = closestKnownKey(reference, [...registry.templates.keys()], typoDistance(reference));
      const hint = closest ? ` (closest: '${closest}')` : '';
      const result = failure(
        loaded,
        index,
        `parent '${reference}' is not a template on the search path${hint}; chain: ${[...trail, reference].join(' -> ')}`,
      );
      memo.set(loaded.slug, result);
      return result;
    }
    const cycleStart = trail.indexOf(parent.slug);
    if (cycleStart >= 0) {
      const cycle = [...trail.slice(cycleStart), parent.slug].join(' -> ');
      const result = failure(loaded, index, `inheritance cycle: ${cycle}`);
      memo.set(loaded.slug, result);
      return result;
    }
    const parentResolution = resolveLoaded(parent, registry, trail);
    if (!parentResolution.ok) {
      const first = parentResolution.diagnostics[0];
      const cause = first ? formatDiagnostic(first) : 'it has errors';
      const result = failure(loaded, index, `cannot inherit from '${parent.slug}': ${cause}`);
      memo.set(loaded.slug, result);
      return result;
    }
    parentChains.push(parentResolution.chain);
    firstParentMerged ??= parentResolution.template;
  }

  const chain = linearize(parentChains, loaded);
  // The first parent's chain is a prefix of the linearized chain, so its resolution stands for
  // all of that prefix; only the ancestors the other parents add (each once) and the template
  // itself are merged onto it.
  const firstParent = parentChains[0];
  const merged = firstParent
    ? chain
        .slice(firstParent.length)
        .reduce<Template>(
          (accumulated, next) => mergeTemplates(accumulated, next.template),
          firstParentMerged!,
        )
    : loaded.template;
  // Validating is most of a cold `templates list`: an unchanged chain's findings are remembered.
  const findingsKey = registry.findingsMemo ? chainFindingsKey(chain) : undefined;
  const remembered = findingsKey === undefined ? undefined : registry.findingsMemo?.get(findingsKey);
  const findings = remembered ?? validateResolvedTemplate(merged, chain);
  if (findingsKey !== undefined && remembered === undefined)
    registry.findingsMemo?.set(findingsKey, findings);
  const result: Resolution = hasErrors(findings)
    ? { ok: false, diagnostics: findings }
    : {
        ok: true,
        chain,
        warnings: findings,
        template: {
          ...merged,
          slug: loaded.slug,
          name: merged.name,
          description: merged.description ?? '',
          inheritance_chain: chain.map((entry) => entry.slug),
          source: loaded.source,
          user_made: chain.some((entry) => entry.origin !== 'builtin'),
          provenance_chain: chain.map((entry) => ({
            slug: entry.slug,
            ...(entry.provenance ? { provenance: entry.provenance } : {}),
          })),
          ...shadowOf(loaded, registry),
        },
      };
  memo.set(loaded.slug, result);
  return result;
}

/**
 * The template named by `reference` (slug or name) with its inheritance applied. Throws
 * UnknownTemplateError when there is no such template and TemplateResolutionError when it cannot
 * be resolved. Results are memoized per registry.
 */
export function resolveTemplate(reference: string, registry: TemplateRegistry): ResolvedTemplate {
  const loaded = findTemplate(registry, reference);
  if (!loaded) {
    // A file of that name that failed to load says why, rather than "no template".
    const broken = registry.diagnostics.filter(
      (diagnostic) =>
        diagnostic.severity === 'error' && basename(diagnostic.file).replace(/\.ya?ml$/, '') === reference,
    );
    if (broken.length > 0) throw new TemplateResolutionError(broken);
    throw new UnknownTemplateError(
      reference,
      closestKnownKey(reference, [...registry.templates.keys()], typoDistance(reference)) ??
        templateRunningService(reference, registry),
    );
  }
  const resolution = resolveLoaded(loaded, registry, []);
  if (!resolution.ok) throw new TemplateResolutionError(resolution.diagnostics);
  return resolution.template;
}

/** A template that runs a service of that name (`rstudio-server` is r-research's): what was meant. */
function templateRunningService(service: string, registry: TemplateRegistry): string | undefined {
  const wanted = service.toLowerCase();
  for (const [slug, loaded] of registry.templates) {
    if (loaded.template.services?.some((entry) => entry.name.toLowerCase() === wanted)) return slug;
  }
  return undefined;
}

export interface ResolvedTemplates {
  /** Every template that resolved, sorted by slug. */
  templates: ResolvedTemplate[];
  /** Resolution errors of the others, and warnings found across inheritance chains. */
  diagnostics: TemplateDiagnostic[];
}

/**
 * Resolves every template in the registry (or those `only` selects); one broken template never
 * hides the others.
 */
export function resolveAll(
  registry: TemplateRegistry,
  only: (loaded: LoadedTemplate) => boolean = () => true,
): ResolvedTemplates {
  const templates: ResolvedTemplate[] = [];
  const diagnostics: TemplateDiagnostic[] = [];
  const selected = [...registry.templates.values()].filter(only).sort((a, b) => a.slug.localeCompare(b.slug));
  for (const loaded of selected) {
    const resolution = resolveLoaded(loaded, registry, []);
    if (resolution.ok) {
      templates.push(resolution.template);
      diagnostics.push(...resolution.warnings);
    } else {
      diagnostics.push(...resolution.diagnostics);
    }
  }
  return { templates, diagnostics };
}
