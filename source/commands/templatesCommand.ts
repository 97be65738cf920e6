import { stringify } from 'yaml';
import { describeProvenance } from '../core/marketplace/TemplateProvenance.js';
import { resolveAppPaths } from '../core/paths.js';
import { evaluateTemplateAccess } from '../core/policy/evaluateTemplateAccess.js';
import { describeTemplateOrigin } from '../core/templates/describeTemplateOrigin.js';
import { loadTemplateRegistry } from '../core/templates/loadTemplateRegistry.js';
import {
  resolveAll,
  resolveTemplate,
  TemplateResolutionError,
  UnknownTemplateError,
} from '../core/templates/resolveTemplate.js';
import { formatDiagnostic, type TemplateDiagnostic } from '../core/templates/TemplateDiagnostic.js';
import type { TemplateRegistry } from '../core/templates/TemplateRegistry.js';
import type { ResolvedTemplate } from '../core/templates/templateSchema.js';
import { templateSearchPath } from '../core/templates/templateSearchPath.js';
import { templateSizes, templateSizesLabel } from '../core/templates/templateSizes.js';
import { validateTemplates } from '../core/templates/validateTemplates.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { CliError, EXIT, usageError } from './CliError.js';
import type { CommandContext, CommandRun } from './Command.js';
import { renderTextTable } from './output/renderTextTable.js';
import { templatesProvenanceNotes } from './templatesProvenanceNotes.js';
import { scanTemplateCommand } from './templatesScan.js';

const SUBCOMMANDS = 'list, show <slug>, validate [PATH...] or scan <file|slug>';

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function countBySeverity(diagnostics: readonly TemplateDiagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

/** Where a template came from, short for the table: built-ins by file name, others by path. */

/** The policy templates rule of the chosen (or current) profile, for `--profile-filtered`. */
async function profileFilter(context: CommandContext): Promise<(slug: string) => boolean> {
  // Loaded only here: the config store brings conf, ajv and semver, a third of a cold `templates list`.
  const [{ ConfigStore }, { governedProfileForCommand }] = await Promise.all([
    import('../core/config/ConfigStore.js'),
    import('./governedProfileForCommand.js'),
  ]);
  const config = ConfigStore.open(resolveAppPaths(context.env).configDir);
  const cached = context.flags.profile ? config.getProfile(context.flags.profile) : config.currentProfile();
  if (!cached) {
    if (context.flags.profile) throw new CliError(`no profile named '${context.flags.profile}'`);
    context.stderr('cws-tui: no profile is set up, so no policy filters the templates\n');
    return () => true;
  }
  const { profile } = await governedProfileForCommand(context, cached);
  return (slug) => evaluateTemplateAccess(profile.policy, slug).allowed;
}

function listEntryJson(template: ResolvedTemplate, registry: TemplateRegistry): Record<string, unknown> {
  const loaded = registry.templates.get(template.slug);
  return {
    slug: template.slug,
    name: template.name,
    description: template.description,
    base: template.base ?? null,
    service_kind: template.service_config?.kind ?? null,
    connection_type: template.connection_type ?? null,
    category: template.category ?? null,
    domain: template.domain ?? null,
    complexity: template.complexity ?? null,
    icon: template.icon ?? null,
    popular: template.popular ?? false,
    featured: template.featured ?? false,
    sizes: templateSizes(template),
    minimum_size: template.minimum_size ?? null,
    instance_defaults: template.instance_defaults ?? {},
    inherits: template.inherits ?? [],
    inheritance_chain: template.inheritance_chain,
    source: template.source,
    origin: loaded?.origin ?? 'path',
    path: loaded?.relative_path ?? null,
    provenance: loaded?.provenance ?? null,
    shadows: registry.shadowed
      .filter((entry) => entry.shadowedBy === template.source)
      .map((entry) => entry.source),
  };
}

async function listTemplates(context: CommandContext, extra: string[]): Promise<number> {
  if (extra.length > 0) throw usageError(`templates list takes no arguments (got '${extra[0]}')`);
  const allowed = context.flags.profileFiltered ? await profileFilter(context) : () => true;
  const registry = await loadTemplateRegistry({
    searchPath: templateSearchPath(context.env),
    cacheDir: resolveAppPaths(context.env).cacheDir,
  });
  const resolution = resolveAll(registry, (loaded) => allowed(loaded.slug));
  const problems = countBySeverity([...registry.diagnostics, ...resolution.diagnostics]);
  if (problems.errors + problems.warnings > 0) {
    const summary = [
      problems.errors > 0 ? plural(problems.errors, 'error') : '',
      problems.warnings > 0 ? plural(problems.warnings, 'warning') : '',
    ]
      .filter((part) => part !== '')
      .join(' and ');
    context.stderr(
      `cws-tui: ${summary} in templates; templates with errors are not listed. Run 'cws-tui templates validate' for details.\n`,
    );
  }
  const { notes, refusals } = templatesProvenanceNotes(
    registry,
    resolution.templates.map((template) => template.slug),
  );
  for (const refusal of refusals) context.stderr(`${sanitizeForTerminal(refusal)}\n`);
  if (context.flags.json) {
    context.stdout(
      `${JSON.stringify(
        resolution.templates.map((template) => listEntryJson(template, registry)),
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  if (resolution.templates.length === 0) {
    context.stdout('No templates found. Search path:\n');
    for (const { directory, origin } of templateSearchPath(context.env))
      context.stdout(`  ${origin}: ${directory}\n`);
    return EXIT.ok;
  }
  const shadowing = new Set(registry.shadowed.map((entry) => entry.shadowedBy));
  context.stdout(
    renderTextTable(resolution.templates, [
      { header: 'SLUG', value: (t) => (shadowing.has(t.source) ? `${t.slug} *` : t.slug) },
      { header: 'NAME', value: (t) => t.name },
      { header: 'CONNECT', value: (t) => t.connection_type ?? 'auto' },
      { header: 'BASE', value: (t) => t.base ?? t.service_config?.kind ?? '-' },
      { header: 'SIZES', value: templateSizesLabel },
      {
        header: 'SOURCE',
        value: (t) =>
          describeTemplateOrigin(registry.templates.get(t.slug) ?? { origin: 'path', source: t.source }),
      },
    ]),
  );
  for (const note of notes) context.stdout(`\n${note}\n`);
  const shadowed = registry.shadowed.filter((entry) => allowed(entry.slug));
  if (shadowed.length > 0) {
    context.stdout('\n* shadows a file with the same slug earlier on the search path:\n');
    for (const entry of shadowed) {
      context.stdout(
        `${sanitizeForTerminal(`  ${entry.slug}: ${entry.source} (shadowed by ${entry.shadowedBy})`)}\n`,
      );
    }
  }
  return EXIT.ok;
}

async function showTemplate(context: CommandContext, rest: string[]): Promise<number> {
  const [reference, ...extra] = rest;
  if (reference === undefined)
    throw usageError('templates show needs a template slug, e.g. cws-tui templates show python-ml');
  if (extra.length > 0) throw usageError(`templates show takes one slug (got '${extra[0]}' too)`);
  const registry = await loadTemplateRegistry({
    searchPath: templateSearchPath(context.env),
    cacheDir: resolveAppPaths(context.env).cacheDir,
  });
  let template: ResolvedTemplate;
  try {
    template = resolveTemplate(reference, registry);
  } catch (error) {
    if (error instanceof UnknownTemplateError) {
      const hint = error.suggestion ? ` (closest: '${error.suggestion}')` : '';
      throw new CliError(`no template '${reference}'${hint}; 'cws-tui templates list' shows them all`);
    }
    if (error instanceof TemplateResolutionError) {
      for (const diagnostic of error.diagnostics)
        context.stderr(`${sanitizeForTerminal(formatDiagnostic(diagnostic))}\n`);
      throw new CliError(`template '${reference}' cannot be resolved`);
    }
    throw error;
  }
  const loaded = registry.templates.get(template.slug);
  if (context.flags.json) {
    context.stdout(
      `${JSON.stringify({ ...template, origin: loaded?.origin ?? 'path', provenance: loaded?.provenance ?? null }, null, 2)}\n`,
    );
    return EXIT.ok;
  }
  const { inheritance_chain: chain, source, provenance_chain: _provenance, ...fields } = template;
  const header = [
    `# ${template.slug}: ${chain.length > 1 ? `resolved from ${chain.join(' -> ')}` : 'no inheritance'}`,
    `# source: ${source}`,
    ...(loaded?.provenance ? [`# provenance: ${describeProvenance(loaded.provenance)}`] : []),
  ];
  context.stdout(
    sanitizeForTerminal(`${header.join('\n')}\n${stringify(fields, { lineWidth: 0 })}`, {
      keepNewlines: true,
    }),
  );
  return EXIT.ok;
}

async function validate(context: CommandContext, paths: string[]): Promise<number> {
  const { files, diagnostics } = await validateTemplates({
    searchPath: templateSearchPath(context.env),
    paths,
  });
  const { errors, warnings } = countBySeverity(diagnostics);
  if (context.flags.json) {
    context.stdout(
      `${JSON.stringify({ ok: errors === 0, files, errors, warnings, diagnostics }, null, 2)}\n`,
    );
    return errors > 0 ? EXIT.error : EXIT.ok;
  }
  for (const diagnostic of diagnostics)
    context.stdout(`${sanitizeForTerminal(formatDiagnostic(diagnostic))}\n`);
  const verdict = errors > 0 ? 'failed' : 'ok';
  context.stderr(
    `${verdict}: ${plural(files, 'template file')} checked, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`,
  );
  return errors > 0 ? EXIT.error : EXIT.ok;
}

/** `cws-tui templates list | show <slug> | validate [PATH...]`. */
export const runTemplatesCommand: CommandRun = async (context) => {
  const [subcommand, ...rest] = context.args;
  switch (subcommand) {
    case 'list':
      return listTemplates(context, rest);
    case 'show':
      return showTemplate(context, rest);
    case 'validate':
      return validate(context, rest);
    case 'scan':
      return scanTemplateCommand(context, rest);
    case undefined:
      throw usageError(`templates needs a subcommand: ${SUBCOMMANDS}`);
    default:
      throw usageError(`unknown templates subcommand '${subcommand}' (${SUBCOMMANDS})`);
  }
};
