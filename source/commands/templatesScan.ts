import { readFile } from 'node:fs/promises';
import { scanTemplateText } from '../core/marketplace/scan/scanTemplateText.js';
import { resolveAppPaths } from '../core/paths.js';
import { loadTemplateRegistry } from '../core/templates/loadTemplateRegistry.js';
import { templateSearchPath } from '../core/templates/templateSearchPath.js';
import { CliError, EXIT, usageError } from './CliError.js';
import type { CommandContext } from './Command.js';

/** A path when it reads as one, else the file of the template with that slug. */
async function templateFile(context: CommandContext, reference: string): Promise<string> {
  if (/[/\\]|\.ya?ml$/.test(reference)) return reference;
  const registry = await loadTemplateRegistry({
    searchPath: templateSearchPath(context.env),
    cacheDir: resolveAppPaths(context.env).cacheDir,
  });
  const loaded = registry.templates.get(reference);
  if (!loaded) throw new CliError(`no template '${reference}'; give a slug or a file path`);
  return loaded.source;
}

/** `templates scan <file|slug>`: every finding with line:column, severity and fix; exit 3 on a high one. */
export async function scanTemplateCommand(context: CommandContext, rest: string[]): Promise<number> {
  const [reference, ...extra] = rest;
  if (reference === undefined || extra.length > 0) throw usageError('templates scan takes one file or slug');
  const file = await templateFile(context, reference);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  const report = scanTemplateText(text);
  const verdict = report.summary.high > 0 ? EXIT.denied : EXIT.ok;
  if (context.flags.json) {
    context.stdout(`${JSON.stringify({ file, ...report }, null, 2)}\n`);
    return verdict;
  }
  for (const finding of report.findings) {
    context.stdout(
      `${file}:${finding.line}:${finding.column}: ${finding.severity} [${finding.rule}] ${finding.message}\n    ${finding.excerpt}\n    fix: ${finding.fix}\n`,
    );
  }
  const { high, medium, low } = report.summary;
  context.stderr(
    `${file}: ${high} high, ${medium} medium, ${low} low${high > 0 ? ' (high findings block publishing and approval)' : ''}\n`,
  );
  return verdict;
}
