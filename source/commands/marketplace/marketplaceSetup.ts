import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { defaultResearchUsername } from '../../app/session/defaultResearchUsername.js';
import { type MarketplaceSetup, openMarketplace } from '../../app/session/openMarketplace.js';
import { ConfigStore } from '../../core/config/ConfigStore.js';
import { loadOrCreateSigningKey, type SigningKey, signingKeyOf } from '../../core/identity/signingKey.js';
import type { RegistryTrust } from '../../core/marketplace/RegistryTrust.js';
import { findRegistry } from '../../core/marketplace/registriesFile.js';
import { resolveAppPaths } from '../../core/paths.js';
import { CliError, usageError } from '../CliError.js';
import type { CommandContext } from '../Command.js';
import { openTeamForCommand } from '../openTeamForCommand.js';

export type { MarketplaceSetup } from '../../app/session/openMarketplace.js';

export async function marketplaceSetup(context: CommandContext): Promise<MarketplaceSetup> {
  const profile = currentProfile(context);
  const region = context.flags.region ?? profile?.region;
  // Ratings go to the lab's team store when the profile has one; a store that cannot open falls back.
  const team = profile?.team_store
    ? await openTeamForCommand(context).then(
        (opened) => opened.team,
        () => undefined,
      )
    : undefined;
  return openMarketplace({
    ...(team ? { team } : {}),
    env: context.env,
    demo: context.flags.demo,
    ...(profile?.aws_profile ? { awsProfile: profile.aws_profile } : {}),
    ...(region ? { region } : {}),
  });
}

function currentProfile(context: CommandContext) {
  const config = ConfigStore.open(resolveAppPaths(context.env).configDir);
  return context.flags.profile ? config.getProfile(context.flags.profile) : config.currentProfile();
}

/**
 * The approver fingerprints the current profile's policy (its signed terms) names, when it names
 * any: a review by another key would not count, so it is refused before it is written.
 */
export async function policyApproversOf(context: CommandContext): Promise<string[] | undefined> {
  const cached = currentProfile(context);
  if (!cached) return undefined;
  const { governedProfileForCommand } = await import('../governedProfileForCommand.js');
  return (await governedProfileForCommand(context, cached)).profile.policy.templates?.approvers;
}

/** The research user who rates: the profile's, else the login name made POSIX-safe. */
export function researchUserOf(context: CommandContext): string {
  return context.flags.user ?? currentProfile(context)?.research_user ?? defaultResearchUsername(context.env);
}

/** `--registry NAME`, or the only registry there is. */
export function chooseRegistry(setup: MarketplaceSetup, name: string | undefined): RegistryTrust {
  if (name !== undefined) return findRegistry(setup.registries, name);
  const [only, ...others] = setup.registries;
  if (!only)
    throw new CliError("no registry is configured; add one with 'cws-tui registry add <name> <location>'");
  if (others.length > 0) {
    throw usageError(
      `several registries are configured (${setup.registries.map((r) => r.name).join(', ')}); choose one with --registry`,
    );
  }
  return only;
}

/** The key to sign with: `--key FILE` (a PEM private key), else this installation's key. */
export async function signingKeyFor(context: CommandContext, stateDir: string): Promise<SigningKey> {
  const file = context.flags.key;
  if (file === undefined) return loadOrCreateSigningKey(stateDir);
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `cannot read the key file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`,
    );
  }
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
    return signingKeyOf(key);
  } catch {
    throw new CliError(`${file} is not an Ed25519 private key in PEM (openssl genpkey -algorithm ed25519)`);
  }
}
