import { resolve } from 'node:path';
import { parseS3Location } from '../aws/s3/parseS3Location.js';
import { publicKeyFingerprint } from '../core/identity/signingKey.js';
import type { RegistryTrust, TrustedKey } from '../core/marketplace/RegistryTrust.js';
import { findRegistry, readRegistries, writeRegistries } from '../core/marketplace/registriesFile.js';
import { resolveAppPaths } from '../core/paths.js';
import { CliError, EXIT, usageError } from './CliError.js';
import type { CommandContext, CommandRun } from './Command.js';
import { describeKey, publicKeyArgument, trustedKeyArgument } from './marketplace/trustedKeyArgument.js';
import { renderTextTable } from './output/renderTextTable.js';

const SUBCOMMANDS = 'add <name> <location>, list, remove <name> or trust <name>';

async function keysFrom(specs: readonly string[], flag: string): Promise<TrustedKey[]> {
  return Promise.all(specs.map((spec) => trustedKeyArgument(spec, flag)));
}

function merge(existing: readonly TrustedKey[], added: readonly TrustedKey[]): TrustedKey[] {
  return [...existing.filter((key) => !added.some((other) => other.key === key.key)), ...added];
}

function location(value: string): string {
  if (value.startsWith('s3://')) {
    if (!parseS3Location(value)) throw usageError(`'${value}' is not a valid s3://bucket/prefix location`);
    return value;
  }
  return resolve(value);
}

async function add(context: CommandContext, configDir: string, rest: string[]): Promise<number> {
  const [name, where, ...extra] = rest;
  if (name === undefined || where === undefined) {
    throw usageError('registry add needs a name and a location: registry add lab s3://bucket/templates');
  }
  if (extra.length > 0) throw usageError(`registry add takes a name and a location (got '${extra[0]}' too)`);
  const registries = await readRegistries(configDir);
  if (registries.some((registry) => registry.name === name)) {
    throw new CliError(`a registry named '${name}' exists; remove it first or use 'registry trust ${name}'`);
  }
  const trust: RegistryTrust = {
    name,
    location: location(where),
    publishers: await keysFrom(context.flags.publisherKey, '--publisher-key'),
    approvers: await keysFrom(context.flags.approverKey, '--approver-key'),
    revoked: [],
  };
  try {
    await writeRegistries(configDir, [...registries, trust]);
  } catch {
    throw usageError(`'${name}' cannot name a registry: lower-case letters, digits and -, at most 40`);
  }
  context.stdout(`Added the registry '${name}' (${trust.location}).\n`);
  if (trust.publishers.length === 0) {
    context.stderr(
      'cws-tui: no publisher key is trusted yet, so nothing of it installs: registry trust --publisher-key NAME=KEY\n',
    );
  }
  return EXIT.ok;
}

async function trustKeys(context: CommandContext, configDir: string, rest: string[]): Promise<number> {
  const [name, ...extra] = rest;
  if (name === undefined || extra.length > 0) throw usageError('registry trust takes one registry name');
  const registries = await readRegistries(configDir);
  const current = findRegistry(registries, name);
  const revoked = await Promise.all(context.flags.revokeKey.map(publicKeyArgument));
  const updated: RegistryTrust = {
    ...current,
    publishers: merge(current.publishers, await keysFrom(context.flags.publisherKey, '--publisher-key')),
    approvers: merge(current.approvers, await keysFrom(context.flags.approverKey, '--approver-key')),
    revoked: [...new Set([...current.revoked, ...revoked])],
  };
  await writeRegistries(
    configDir,
    registries.map((registry) => (registry.name === name ? updated : registry)),
  );
  context.stdout(
    `${name}: ${updated.publishers.length} publisher key(s), ${updated.approvers.length} approver key(s), ${updated.revoked.length} revoked\n`,
  );
  return EXIT.ok;
}

async function list(context: CommandContext, configDir: string): Promise<number> {
  const registries = await readRegistries(configDir);
  if (context.flags.json) {
    const withFingerprints = registries.map((registry) => ({
      ...registry,
      revoked: registry.revoked.map((key) => ({ key, fingerprint: publicKeyFingerprint(key) })),
    }));
    context.stdout(`${JSON.stringify(withFingerprints, null, 2)}\n`);
    return EXIT.ok;
  }
  if (registries.length === 0) {
    context.stdout(
      'No registries. Add one: cws-tui registry add lab s3://bucket/templates --publisher-key NAME=KEY\n',
    );
    return EXIT.ok;
  }
  context.stdout(
    renderTextTable(registries, [
      { header: 'NAME', value: (r) => r.name },
      { header: 'LOCATION', value: (r) => r.location },
      { header: 'PUBLISHERS', value: (r) => r.publishers.map(describeKey).join(', ') || '-' },
      { header: 'APPROVERS', value: (r) => r.approvers.map(describeKey).join(', ') || '-' },
      { header: 'REVOKED', value: (r) => String(r.revoked.length) },
    ]),
  );
  return EXIT.ok;
}

async function remove(context: CommandContext, configDir: string, rest: string[]): Promise<number> {
  const [name, ...extra] = rest;
  if (name === undefined || extra.length > 0) throw usageError('registry remove takes one registry name');
  const registries = await readRegistries(configDir);
  findRegistry(registries, name);
  await writeRegistries(
    configDir,
    registries.filter((registry) => registry.name !== name),
  );
  context.stdout(
    `Removed the registry '${name}'; templates installed from it are refused until it is added again.\n`,
  );
  return EXIT.ok;
}

/** `cws-tui registry add | list | remove | trust`: where templates come from, and whom to trust. */
export const runRegistryCommand: CommandRun = async (context) => {
  const [subcommand, ...rest] = context.args;
  const { configDir } = resolveAppPaths(context.env);
  switch (subcommand) {
    case 'add':
      return add(context, configDir, rest);
    case 'list':
      return list(context, configDir);
    case 'remove':
      return remove(context, configDir, rest);
    case 'trust':
      return trustKeys(context, configDir, rest);
    case undefined:
      throw usageError(`registry needs a subcommand: ${SUBCOMMANDS}`);
    default:
      throw usageError(`unknown registry subcommand '${subcommand}' (${SUBCOMMANDS})`);
  }
};
