import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Conf from 'conf';
import { uniqueBackupPath } from '../fs/uniqueBackupPath.js';
import { ConfigStoreError } from './ConfigStoreError.js';
import { markConfigChecked, readCheckedConfig } from './checkedConfigMark.js';
import { CONFIG_FORMAT_VERSION, configMigrations } from './configMigrations.js';
import { type ConfigData, configJsonSchema } from './configSchema.js';
import { loadConf } from './loadConf.js';
import { type Profile, profileSchema } from './profileSchema.js';
import { replaceSymlinkSync } from './replaceSymlinkSync.js';
import { withFileLockSync } from './withFileLockSync.js';

/** What was wrong with a config file that had to be set aside. */
export interface ConfigProblem {
  /** The key path, e.g. `profiles.lab.region`, or `(file)` when the file is not JSON at all. */
  key: string;
  message: string;
  /** Where the broken file was moved to. */
  backup_path: string;
  /**
   * Whether the set-aside file held (or, unreadable, may have held) an invited profile, whose
   * launches must then be refused rather than run with defaults.
   */
  held_invited: boolean | 'unknown';
}

/**
 * Profiles and the current profile, in `config.json` of the config dir (conf: atomic writes, a JSON
 * schema, versioned migrations). A file that is not JSON or breaks the schema is moved aside as
 * `config.json.bak-<time>`, the problems are kept in `problems` for the caller to report, and the
 * store starts empty rather than crash.
 */
export class ConfigStore {
  readonly problems: ConfigProblem[];
  readonly path: string;
  private readonly configDir: string;
  /** Opened only when a file conf has not already accepted is read, or on the first change. */
  private opened: Conf<ConfigData> | undefined;

  private constructor(configDir: string, conf: Conf<ConfigData> | undefined, problems: ConfigProblem[]) {
    this.configDir = configDir;
    this.path = join(configDir, 'config.json');
    this.opened = conf;
    this.problems = problems;
  }

  static open(configDir: string, now: Date = new Date()): ConfigStore {
    replaceSymlinkSync(join(configDir, 'config.json'));
    if (readCheckedConfig(join(configDir, 'config.json')) !== undefined) {
      return new ConfigStore(configDir, undefined, []);
    }
    if (isMissing(configDir)) {
      // The dir is made as conf would make it: the lock and the other files in it expect it.
      mkdirSync(configDir, { recursive: true });
      return new ConfigStore(configDir, undefined, []);
    }
    try {
      return new ConfigStore(configDir, unlessMarked(configDir, openCheckedConf(configDir)), []);
    } catch (error) {
      const path = join(configDir, 'config.json');
      // Only a file whose content is wrong is set aside; an unreadable one (permissions) is reported as is.
      if (!existsSync(path) || !isBrokenContent(error)) throw error;
      const backupPath = uniqueBackupPath(path, now);
      const heldInvited = heldInvitedProfile(readFileSync(path, 'utf8'));
      renameSync(path, backupPath);
      const problems = problemsOf(error).map((problem) => ({
        ...problem,
        backup_path: backupPath,
        held_invited: heldInvited,
      }));
      return new ConfigStore(configDir, unlessMarked(configDir, openCheckedConf(configDir)), problems);
    }
  }

  /** conf, opened on first need. */
  private get conf(): Conf<ConfigData> {
    this.opened ??= openCheckedConf(this.configDir);
    return this.opened;
  }

  /** A value read like conf reads it (the file afresh each time), without conf while conf accepted the file. */
  private read<K extends keyof ConfigData>(key: K): ConfigData[K] {
    if (this.opened === undefined) {
      const data = readCheckedConfig(this.path);
      if (data !== undefined) return data[key];
      if (isMissing(this.configDir)) return undefined;
    }
    return this.conf.get(key);
  }

  listProfiles(): Profile[] {
    return Object.values(this.read('profiles') ?? {}).sort((a, b) => a.name.localeCompare(b.name));
  }

  getProfile(name: string): Profile | undefined {
    const profiles = this.read('profiles') ?? {};
    return Object.hasOwn(profiles, name) ? profiles[name] : undefined;
  }

  currentProfileName(): string | undefined {
    const name = this.read('current_profile');
    return name !== undefined && this.getProfile(name) ? name : undefined;
  }

  currentProfile(): Profile | undefined {
    const name = this.currentProfileName();
    return name === undefined ? undefined : this.getProfile(name);
  }

  /** Adds a new profile; the first one becomes current. */
  addProfile(profile: Profile): void {
    const parsed = profileSchema.safeParse(profile);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConfigStoreError(`invalid profile: ${issue?.path.map(String).join('.')}: ${issue?.message}`);
    }
    this.locked(() => {
      const profiles = this.read('profiles') ?? {};
      if (Object.hasOwn(profiles, profile.name)) {
        throw new ConfigStoreError(`a profile named '${profile.name}' already exists`);
      }
      const current = this.currentProfileName();
      this.conf.set({
        profiles: { ...profiles, [profile.name]: parsed.data },
        current_profile: current ?? profile.name,
      });
    });
  }

  /** Removes a profile; when it was current, no profile is current afterwards. */
  deleteProfile(name: string): boolean {
    return this.locked(() => {
      const profiles = { ...(this.read('profiles') ?? {}) };
      if (!Object.hasOwn(profiles, name)) return false;
      delete profiles[name];
      this.conf.set('profiles', profiles);
      if (this.read('current_profile') === name) this.conf.delete('current_profile');
      return true;
    });
  }

  /** No profile is current: sessions and commands open without one (the demo or the caller's account). */
  clearCurrentProfile(): void {
    this.locked(() => this.conf.delete('current_profile'));
  }

  setCurrentProfile(name: string): void {
    this.locked(() => {
      if (!this.getProfile(name)) {
        const known = this.listProfiles().map((profile) => profile.name);
        throw new ConfigStoreError(
          `no profile named '${name}'${known.length > 0 ? ` (profiles: ${known.join(', ')})` : ''}`,
        );
      }
      this.conf.set('current_profile', name);
    });
  }

  /**
   * conf re-reads the file on every access, so a change made under the lock starts from the latest.
   * A config.json that is a symlink is first replaced by a file of its own: a write never lands in
   * whatever the link points at.
   */
  private locked<T>(change: () => T): T {
    return withFileLockSync(`${this.path}.lock`, () => {
      replaceSymlinkSync(this.path);
      const result = change();
      const conf = this.opened;
      if (conf) markConfigChecked(this.path, () => conf.store);
      return result;
    });
  }
}

/** Opens conf (which migrates and validates the file) and records that it accepted the file. */
function openCheckedConf(configDir: string): Conf<ConfigData> {
  const conf = openConf(configDir);
  markConfigChecked(conf.path, () => conf.store);
  return conf;
}

/**
 * No config file yet (a first run): conf would read it as empty, so it is opened (ajv compiling the
 * schema: about 0.1 s and several MB of the dashboard's peak memory) only when something is written.
 * Only a file that is certainly absent counts: one that cannot be looked at goes through conf.
 */
function isMissing(configDir: string): boolean {
  try {
    return statSync(join(configDir, 'config.json'), { throwIfNoEntry: false }) === undefined;
  } catch {
    // Unreadable (a directory without access): conf reports it, as before.
    return false;
  }
}

/**
 * conf holds ajv and the schema it compiled (about 8 MB of a first run's peak memory): once conf has
 * accepted the file and the mark says so, the store reads the file like a later run does and lets
 * conf go; the next change opens it again.
 */
function unlessMarked(configDir: string, conf: Conf<ConfigData>): Conf<ConfigData> | undefined {
  return readCheckedConfig(join(configDir, 'config.json')) === undefined ? conf : undefined;
}

function openConf(configDir: string): Conf<ConfigData> {
  const Conf = loadConf();
  return new Conf<ConfigData>({
    cwd: configDir,
    configName: 'config',
    projectName: 'cws-tui',
    projectVersion: CONFIG_FORMAT_VERSION,
    migrations: configMigrations,
    schema: configJsonSchema(),
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    // Invitation tokens that grant the right to invite carry a key: the file is the user's alone.
    configFileMode: 0o600,
  });
}

function isBrokenContent(error: unknown): boolean {
  if (error instanceof SyntaxError) return true;
  const message = error instanceof Error ? error.message : '';
  return (
    message.startsWith('Config schema violation:') ||
    message.startsWith('Something went wrong during the migration') ||
    // semver's error for a migration version that is not a version (`"version": 1`).
    /^Invalid (version|comparator)/i.test(message)
  );
}

/** Whether a damaged config's text shows an invited profile; 'unknown' when it is not JSON. */
function heldInvitedProfile(text: string): boolean | 'unknown' {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'unknown';
  }
  if (raw === null || typeof raw !== 'object' || !('profiles' in raw)) return false;
  const profiles = raw.profiles;
  if (profiles === null || typeof profiles !== 'object') return 'unknown';
  return Object.values(profiles).some(
    (profile: unknown) =>
      profile === null ||
      typeof profile !== 'object' ||
      ('kind' in profile && profile.kind !== 'personal') ||
      'invitation_token' in profile ||
      'invitation_id' in profile ||
      ('policy_chain' in profile && Array.isArray(profile.policy_chain) && profile.policy_chain.length > 0),
  );
}

/** Turns conf's errors (a JSON SyntaxError, or "Config schema violation: `a/b` must ...") into problems. */
function problemsOf(error: unknown): Pick<ConfigProblem, 'key' | 'message'>[] {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof SyntaxError) return [{ key: '(file)', message: `not valid JSON: ${message}` }];
  const violations = message.replace(/^Config schema violation: /, '');
  if (violations === message) return [{ key: '(file)', message }];
  return violations.split('; ').map((violation) => {
    const match = /^`([^`]*)` (.*)$/s.exec(violation);
    if (!match) return { key: '(file)', message: violation };
    return { key: (match[1] ?? '').replaceAll('/', '.') || '(top level)', message: match[2] ?? '' };
  });
}
