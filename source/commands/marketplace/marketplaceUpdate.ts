import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { createTwoFilesPatch } from 'diff';
import { newestFirst } from '../../core/marketplace/compareVersions.js';
import { provenanceRecordSchema } from '../../core/marketplace/installedRelease.js';
import {
  chooseVersion,
  installedTemplatePath,
  installRelease,
} from '../../core/marketplace/installRelease.js';
import type { RegistryTrust } from '../../core/marketplace/RegistryTrust.js';
import { readRelease } from '../../core/marketplace/readRelease.js';
import { parseRegistryIndex } from '../../core/marketplace/registryIndex.js';
import { registryKeys } from '../../core/marketplace/registryKeys.js';
import { verifyRelease } from '../../core/marketplace/verifyRelease.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { CliError, EXIT } from '../CliError.js';
import type { CommandContext } from '../Command.js';
import { checkTemplate } from './marketplaceInstall.js';
import type { MarketplaceSetup } from './marketplaceSetup.js';

interface PlannedUpdate {
  slug: string;
  from: string;
  to: string;
  trust: RegistryTrust;
}

/** Oldest first, semver order. */
const compareVersions = (a: string, b: string) => newestFirst(b, a);
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * What one installed template would become: the newest approved release, verified (signature,
 * digest, trust) before its text is shown, with the changelog of every version it skips and the
 * line diff against the installed file. Undefined when it is the newest already.
 */
async function planUpdate(
  context: CommandContext,
  setup: MarketplaceSetup,
  trust: RegistryTrust,
  slug: string,
  installed: string,
): Promise<PlannedUpdate | undefined> {
  const store = setup.open(trust);
  const { index } = parseRegistryIndex(await store.get(registryKeys.index), trust.location);
  const entry = index.entries.find((candidate) => candidate.slug === slug);
  if (!entry) throw new CliError(`no longer in the registry '${trust.name}'`);
  const newest = chooseVersion(entry, undefined);
  if (compareVersions(newest, installed) <= 0) {
    context.stdout(`${slug}: ${installed} is the newest\n`);
    return undefined;
  }
  const indexed = entry.releases.find((release) => release.version === newest);
  const files = await readRelease(store, slug, newest);
  verifyRelease(files, trust, {
    slug,
    version: newest,
    ...(indexed ? { template_sha256: indexed.template_sha256 } : {}),
  });
  const next = Buffer.from(files.template).toString('utf8');
  checkTemplate(slug)(Buffer.from(files.template));
  const before = await readFile(installedTemplatePath(setup.userTemplatesDir, slug), 'utf8').catch(() => '');
  context.stdout(`${slug}: ${installed} -> ${newest}\n`);
  for (const release of entry.releases
    .filter((r) => compareVersions(r.version, installed) > 0 && compareVersions(r.version, newest) <= 0)
    .sort((a, b) => compareVersions(a.version, b.version))) {
    context.stdout(`  ${release.version} (${release.status}): ${sanitizeForTerminal(release.changelog)}\n`);
  }
  const patch = createTwoFilesPatch(`${slug}@${installed}`, `${slug}@${newest}`, before, next, '', '');
  // A unified diff (`---`/`+++`/`@@`) without the `====` rule or the empty header tabs.
  for (const line of patch.split('\n')) {
    if (line !== '' && !line.startsWith('===='))
      context.stdout(`    ${sanitizeForTerminal(line.trimEnd())}\n`);
  }
  return { slug, from: installed, to: newest, trust };
}

/**
 * `--yes`, or a y answer in a terminal. Otherwise why nothing is installed, with its exit code: the
 * preview stays on stdout for a script to read, so this is said on stderr rather than thrown.
 */
async function refusedUpdates(
  context: CommandContext,
  count: number,
): Promise<{ message: string; code: number } | undefined> {
  if (context.flags.yes) return undefined;
  if (!process.stdin.isTTY) {
    return {
      message: `nothing was installed: add --yes to install the ${count} update(s) shown (no terminal to ask)`,
      code: EXIT.usage,
    };
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`Install ${count} update(s)? [y/N] `);
    if (/^y(es)?$/i.test(answer.trim())) return undefined;
    return { message: 'not confirmed: nothing was updated', code: EXIT.error };
  } finally {
    prompt.close();
  }
}

/**
 * Updates every installed, unpinned marketplace template to its newest approved release: first
 * shows each one's versions, changelog and line diff, then asks (or takes --yes), then installs.
 */
export async function updateCommand(context: CommandContext, setup: MarketplaceSetup): Promise<number> {
  const folder = join(setup.userTemplatesDir, 'marketplace');
  const files = (await readdir(folder).catch(() => [] as string[])).filter((name) =>
    name.endsWith('.provenance.json'),
  );
  if (files.length === 0) {
    context.stdout('No marketplace template is installed.\n');
    return EXIT.ok;
  }
  const planned: PlannedUpdate[] = [];
  for (const file of files) {
    let record: ReturnType<typeof provenanceRecordSchema.safeParse>;
    try {
      record = provenanceRecordSchema.safeParse(JSON.parse(await readFile(join(folder, file), 'utf8')));
    } catch {
      record = provenanceRecordSchema.safeParse(undefined);
    }
    if (!record.success) {
      context.stderr(`cws-tui: ${file} is damaged; reinstall that template\n`);
      continue;
    }
    const { slug, version, registry, pinned } = record.data;
    if (pinned) {
      context.stdout(`${slug}: pinned at ${version}\n`);
      continue;
    }
    const trust = setup.registries.find((candidate) => candidate.name === registry);
    if (!trust) {
      context.stderr(`cws-tui: ${slug}: the registry '${registry}' is not configured; kept as it is\n`);
      continue;
    }
    try {
      const plan = await planUpdate(context, setup, trust, slug, version);
      if (plan) planned.push(plan);
    } catch (error) {
      // An unreachable registry or a refused release keeps the installed template usable.
      context.stderr(`cws-tui: ${slug}: ${describe(error)}; kept ${version}\n`);
    }
  }
  if (planned.length === 0) {
    context.stdout('0 updated.\n');
    return EXIT.ok;
  }
  const refused = await refusedUpdates(context, planned.length);
  if (refused) {
    context.stderr(`cws-tui: ${refused.message}\n`);
    return refused.code;
  }
  let updated = 0;
  for (const plan of planned) {
    try {
      // The version shown is the version installed: pinned by the reference, then unpinned again.
      const outcome = await installRelease(setup.open(plan.trust), plan.trust, `${plan.slug}@${plan.to}`, {
        userTemplatesDir: setup.userTemplatesDir,
        now: new Date(),
        check: checkTemplate(plan.slug),
        unpinned: true,
      });
      context.stdout(`${plan.slug}: installed ${outcome.release.statement.version}\n`);
      updated += 1;
    } catch (error) {
      context.stderr(`cws-tui: ${plan.slug}: ${describe(error)}; kept ${plan.from}\n`);
    }
  }
  context.stdout(`${updated} updated.\n`);
  if (updated === planned.length) return EXIT.ok;
  return updated === 0 ? EXIT.error : EXIT.partial;
}
