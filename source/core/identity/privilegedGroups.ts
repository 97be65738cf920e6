/**
 * Groups that make a research user root on the workstation, or close to it: sudo/wheel/admin run
 * anything as root; root, disk, kmem and shadow read or write what root does; adm reads every log;
 * docker and lxd start a container with the host's root file system mounted, which is root in all
 * but name (the judgement call: a lab that wants containers names docker in allowed_groups).
 */
export const PRIVILEGED_GROUPS = [
  'sudo',
  'wheel',
  'admin',
  'root',
  'disk',
  'kmem',
  'shadow',
  'adm',
  'docker',
  'lxd',
] as const;

/** Who asks for the groups: an admin profile may give any; a member only those its policy allows. */
export interface GroupAuthority {
  role: 'admin' | 'member';
  /** The policy's `allowed_groups`. */
  allowed_groups?: readonly string[];
  /** Named in the message: the profile the request runs as. */
  profile?: string;
}

/** Why the authority may not give these groups; undefined when it may. */
export function privilegedGroupProblem(
  groups: readonly string[],
  authority: GroupAuthority,
): string | undefined {
  if (authority.role === 'admin') return undefined;
  const allowed = authority.allowed_groups ?? [];
  const refused = groups.filter(
    (group) => (PRIVILEGED_GROUPS as readonly string[]).includes(group) && !allowed.includes(group),
  );
  if (refused.length === 0) return undefined;
  const who = authority.profile ? `the profile '${authority.profile}'` : 'this profile';
  return `${refused.join(', ')} ${refused.length === 1 ? 'is a privileged group' : 'are privileged groups'} (root on the workstation, or close): ${who} is not an admin profile and its policy's allowed_groups does not include ${refused.length === 1 ? 'it' : 'them'}`;
}
