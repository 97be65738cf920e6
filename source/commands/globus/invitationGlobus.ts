import { normalizeIdpDomain } from '../../core/globus/globusDomain.js';
import { researchUserGlobusIdentity } from '../../core/globus/researchUserGlobusIdentity.js';
import type { GlobusIdentity } from '../../core/identity/ResearchUser.js';
import { usageError } from '../CliError.js';
import type { CommandContext } from '../Command.js';
import type { CommandFlags } from '../CommandFlags.js';
import { globusForCommand } from '../globusCommand.js';
import type { GlobusCommandIo } from './GlobusCommandIo.js';
import { signInFromCommand } from './signInFromCommand.js';

/** `--require-globus [--idp-domain uni.edu]` as the invitation's requirement, or none. */
export function globusRequirementOf(
  flags: Pick<CommandFlags, 'requireGlobus' | 'idpDomain'>,
): { idp_domain?: string } | undefined {
  if (flags.idpDomain !== undefined && !flags.requireGlobus) {
    throw usageError('--idp-domain limits --require-globus: give both');
  }
  if (!flags.requireGlobus) return undefined;
  if (flags.idpDomain === undefined) return {};
  const normalized = normalizeIdpDomain(flags.idpDomain);
  if ('problem' in normalized) throw usageError(`--idp-domain: ${normalized.problem}`);
  return { idp_domain: normalized.domain };
}

/** Accepting an invitation that requires Globus: a fresh sign-in, whose verified identity is kept. */
export async function verifiedGlobusIdentity(
  context: CommandContext,
  io: GlobusCommandIo,
): Promise<GlobusIdentity> {
  const { port, simulated } = await globusForCommand(context);
  context.stderr('This invitation requires a verified Globus identity.\n');
  const session = await signInFromCommand(context, port, io, { simulated });
  return researchUserGlobusIdentity(session, new Date());
}
