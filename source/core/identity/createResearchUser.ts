import { access, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import { requireSafeValue } from '../provisioning/scriptValueRules.js';
import { UnsafeScriptValueError } from '../provisioning/UnsafeScriptValueError.js';
import { POSIX_NAME_PATTERN } from '../templates/templateSchema.js';
import { type GroupAuthority, privilegedGroupProblem } from './privilegedGroups.js';
import type { ResearchUser } from './ResearchUser.js';
import type { ResearchUserStore } from './ResearchUserStore.js';
import { ResearchUserStoreError } from './ResearchUserStoreError.js';
import { generateSshKeyPair, parseOpenSshPublicKey } from './sshKeyPair.js';
import { usernameProblem } from './usernameProblem.js';

export interface CreateResearchUserRequest {
  username: string;
  full_name?: string;
  email?: string;
  /** Secondary groups, distro-neutral: `admin` becomes sudo or wheel on the instance; e.g. `docker`. */
  groups?: string[];
  /** An existing OpenSSH public key to authorize instead of generating a key pair. */
  imported_public_key?: string;
  /** Who asks: privileged groups need an admin or the policy's allowed_groups. A member when absent. */
  authority?: GroupAuthority;
}

export interface CreatedResearchUser {
  user: ResearchUser;
  /** Where the generated private key was written (mode 0600), when one was generated. */
  private_key_path?: string;
}

/**
 * Creates a research user with a UID from `accountKey`'s range and either an imported public key
 * or a new Ed25519 key pair in `keysDir`. The user record is created first and the key files only
 * after it, so a duplicate name never touches anyone's keys; if writing the keys fails, the record
 * is removed again.
 */
export async function createResearchUser(
  store: ResearchUserStore,
  keysDir: string,
  accountKey: string,
  request: CreateResearchUserRequest,
): Promise<CreatedResearchUser> {
  const problem = usernameProblem(request.username);
  if (problem) throw new ResearchUserStoreError(problem);
  const badGroup = request.groups?.find((group) => !POSIX_NAME_PATTERN.test(group));
  if (badGroup !== undefined) {
    throw new ResearchUserStoreError(
      `${JSON.stringify(badGroup)} is not a valid group name: use lowercase letters, digits, '_' or '-'`,
    );
  }
  const groupProblem = privilegedGroupProblem(request.groups ?? [], request.authority ?? { role: 'member' });
  if (groupProblem) throw new ResearchUserStoreError(groupProblem, 'denied');
  const detailProblem = userDetailsProblem(request);
  if (detailProblem) throw new ResearchUserStoreError(detailProblem, 'invalid');
  // Checked again atomically by the store; asking first gives the clearer message before key checks.
  if (await store.get(request.username)) {
    throw new ResearchUserStoreError(`a research user named '${request.username}' already exists`);
  }
  const details = {
    username: request.username,
    ...(request.full_name !== undefined ? { full_name: request.full_name } : {}),
    ...(request.email !== undefined ? { email: request.email } : {}),
    ...(request.groups !== undefined ? { groups: request.groups } : {}),
  };

  if (request.imported_public_key !== undefined) {
    let publicKey: string;
    try {
      publicKey = parseOpenSshPublicKey(request.imported_public_key);
    } catch (error) {
      throw new ResearchUserStoreError(`the public key is not usable: ${(error as Error).message}`);
    }
    return { user: await store.create({ ...details, ssh_public_keys: [publicKey] }, accountKey) };
  }

  const privateKeyPath = join(keysDir, `${request.username}_ed25519`);
  for (const path of [privateKeyPath, `${privateKeyPath}.pub`]) {
    if (await exists(path)) {
      throw new ResearchUserStoreError(
        `a key file already exists at ${path}; move it away, or import its public key with --ssh-public-key`,
      );
    }
  }
  const keyPair = generateSshKeyPair(`${request.username}@cws-tui`);
  const user = await store.create(
    { ...details, ssh_public_keys: [keyPair.publicKey], ssh_private_key_path: privateKeyPath },
    accountKey,
  );
  try {
    await mkdir(keysDir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(privateKeyPath, keyPair.privateKey, 0o600);
    await writeFileAtomic(`${privateKeyPath}.pub`, `${keyPair.publicKey}\n`, 0o644);
  } catch (error) {
    await store.delete(request.username);
    // The directory itself may be what failed; then there is no key file to remove.
    await rm(privateKeyPath, { force: true }).catch(() => undefined);
    throw error;
  }
  return { user, private_key_path: privateKeyPath };
}

/**
 * The full name and email checked with the rules a launch applies to them (the full name goes into
 * the workstation's passwd), so that a user who can be created can also be launched for.
 */
function userDetailsProblem(request: CreateResearchUserRequest): string | undefined {
  for (const [field, value, kind] of [
    ['--full-name', request.full_name, 'fullName'],
    ['--email', request.email, 'email'],
  ] as const) {
    if (value === undefined) continue;
    try {
      requireSafeValue(field, value, kind);
    } catch (error) {
      if (error instanceof UnsafeScriptValueError) return `${field} is not valid: ${error.rule}`;
      throw error;
    }
  }
  return undefined;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
