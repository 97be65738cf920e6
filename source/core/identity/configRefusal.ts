import type { ConfigProblem } from '../config/ConfigStore.js';
import type { RootTrust } from './RootTrust.js';

/**
 * Why launches must be refused after the config file was set aside; undefined when starting with
 * defaults is safe. It is not safe when the file held an invited profile, when it was unreadable
 * and this installation has accepted invitations, or when the machine allows only invited profiles:
 * defaults there would be no policy at all.
 */
export function configRefusal(problems: readonly ConfigProblem[], trust: RootTrust): string | undefined {
  const first = problems[0];
  if (!first) return undefined;
  const governed =
    problems.some((problem) => problem.held_invited === true) ||
    trust.accepted_profiles.length > 0 ||
    trust.personal_profiles === 'deny' ||
    trust.unknown !== undefined;
  if (!governed) return undefined;
  return `launches are refused: the config file held an invited profile and could not be read (${first.key}: ${first.message}); it was kept as ${first.backup_path}: restore it, or accept the invitation again`;
}
