/** A Globus identity linked to a research user. */
export interface GlobusIdentity {
  sub: string;
  username: string;
  institution?: string;
  verified_at: string;
}

/**
 * A person's POSIX identity on every workstation they launch: the same name, UID and GID
 * everywhere, so files on shared EFS keep their owner.
 */
export interface ResearchUser {
  username: string;
  full_name?: string;
  email?: string;
  uid: number;
  gid: number;
  /** Secondary groups, distro-neutral: `admin` becomes sudo or wheel when the script is generated. */
  groups: string[];
  shell: string;
  /** Authorized public keys, OpenSSH format. */
  ssh_public_keys: string[];
  /** Path of the private key cws-tui generated for this user, if any. */
  ssh_private_key_path?: string;
  globus?: GlobusIdentity;
  created_at: string;
}
