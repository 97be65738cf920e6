import { UnsafeScriptValueError } from './UnsafeScriptValueError.js';

/** A whitelist for one kind of value, with the sentence a user sees when a value breaks it. */
export interface ScriptValueRule {
  pattern: RegExp;
  description: string;
}

const rule = (pattern: RegExp, description: string): ScriptValueRule => ({ pattern, description });

/**
 * Every kind of value that reaches the boot script. Values are shell-quoted as well; the patterns
 * keep them meaningful to the tools they are passed to (no leading `-` that a tool would read as an
 * option, no whitespace or `%`/`$` that a systemd unit would split or expand).
 */
export const SCRIPT_VALUE_RULES = {
  posixName: rule(
    /^[a-z_][a-z0-9_-]{0,31}$/,
    'lowercase letters, digits, _ or -, starting with a letter or _',
  ),
  fullName: rule(
    /^[\p{L}\p{M}\p{N} .,'()_-]{0,64}$/u,
    "letters, digits, spaces and . , ' ( ) _ -, at most 64 (a : would end the passwd field)",
  ),
  email: rule(
    /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})+$/,
    'an address such as ada@example.org (ASCII letters, digits and . _ % + - before the @)',
  ),
  shell: rule(/^\/(?!.*\/\.\.?(\/|$))[A-Za-z0-9_./-]{1,63}$/, 'an absolute path such as /bin/bash'),
  sshPublicKey: rule(
    /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) [A-Za-z0-9+/]+={0,3}( [\x20-\x7e]{1,200})?$/,
    'one OpenSSH public key line: type, base64 key, optional printable comment',
  ),
  slug: rule(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and -'),
  launchId: rule(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, 'letters, digits and -'),
  region: rule(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d{1,2}$/, 'an AWS region such as us-east-1'),
  fileSystemId: rule(/^fs-[0-9a-f]{8,40}$/, 'an EFS file system id such as fs-0123abcd'),
  fsxDnsName: rule(
    /^fs-[0-9a-f]{17}\.fsx\.[a-z]{2}(-gov)?-[a-z]+-\d{1,2}\.amazonaws\.com$/,
    'an FSx DNS name such as fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com',
  ),
  lustreMountName: rule(/^[a-z0-9]{1,16}$/, "a Lustre mount name such as abcdefgh (FSx's MountName)"),
  accessPointId: rule(/^fsap-[0-9a-f]{8,40}$/, 'an EFS access point id such as fsap-0123abcd'),
  absolutePath: rule(
    /^\/(?!.*\/\.\.?(\/|$))[A-Za-z0-9_.@+-]+(\/[A-Za-z0-9_.@+-]+)*$/,
    'an absolute path of letters, digits, _ . @ + - without .. segments',
  ),
  systemPackage: rule(/^[A-Za-z0-9][A-Za-z0-9.+_:-]{0,127}$/, 'a distro package name'),
  condaPackage: rule(
    /^[A-Za-z0-9_][A-Za-z0-9_.:+-]{0,127}([=<>!~]{1,2}[A-Za-z0-9_.*+,<>=!-]{1,64})?$/,
    'a conda spec such as numpy or numpy>=1.26',
  ),
  pipPackage: rule(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}(\[[A-Za-z0-9_.,-]{1,64}\])?([=<>!~]{1,2}[A-Za-z0-9_.*+!-]{1,64}(,[=<>!~]{1,2}[A-Za-z0-9_.*+!-]{1,64})*)?$/,
    'a pip requirement such as pandas or pandas>=2.0',
  ),
  rPackage: rule(/^[A-Za-z][A-Za-z0-9.]{0,63}$/, 'a CRAN package name such as ggplot2'),
  serviceName: rule(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lowercase letters, digits, _ or -'),
  serviceConfigKey: rule(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, _ . or -'),
  serviceConfigValue: rule(
    /^[A-Za-z0-9_./:@+,=-]{0,256}$/,
    'letters, digits and _ . / : @ + , = - (no spaces)',
  ),
  jupyterConfigKey: rule(
    /^[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63}){1,3}$/,
    'a traitlets name such as ServerApp.root_dir (Python identifiers joined by .)',
  ),
  serviceConfigText: rule(
    /^[^\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069$`;|&\\'"<>]{0,256}$/,
    "printable text of at most 256 characters without $ ` ; | & \\ ' \" < > (spaces are fine: it is written quoted in the service's own file)",
  ),
  s3Bucket: rule(
    /^(?!xn--)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    'an S3 bucket name: 3-63 lowercase letters, digits, . and -',
  ),
  s3KeyPath: rule(/^[A-Za-z0-9%._~-][A-Za-z0-9%._~/-]{0,2047}$/, 'an S3 object key of at most 1024 bytes'),
  parameterName: rule(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'letters, digits or _, starting with a letter or _'),
  parameterValue: rule(/^[^\x00-\x1f\x7f]{0,256}$/, 'printable text without control characters, at most 256'),
  fileMode: rule(/^0?[0-7]{3}$/, 'an octal mode such as 0644'),
  fileOwner: rule(/^[a-z_][a-z0-9_-]{0,31}(:[a-z_][a-z0-9_-]{0,31})?$/, 'user or user:group'),
  token: rule(/^[0-9a-f]{32,128}$/, 'a hex token'),
} as const satisfies Record<string, ScriptValueRule>;

export type ScriptValueKind = keyof typeof SCRIPT_VALUE_RULES;

/** Returns the value when it fits its whitelist, otherwise throws an error that names the field. */
export function requireSafeValue(field: string, value: string, kind: ScriptValueKind): string {
  const { pattern, description } = SCRIPT_VALUE_RULES[kind];
  if (!pattern.test(value)) throw new UnsafeScriptValueError(field, value, description);
  return value;
}

/** An integer id (UID, GID) in the range a workstation account may use. */
export function requireAccountId(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1000 || value > 2_147_483_646 || value === 65534) {
    throw new UnsafeScriptValueError(field, String(value), 'an integer from 1000 to 2147483646, not 65534');
  }
  return value;
}

/** A positive whole number of minutes or a port, within `max`. */
export function requirePositiveInteger(field: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new UnsafeScriptValueError(field, String(value), `a whole number from 1 to ${max}`);
  }
  return value;
}

/** Settings that choose where a web service listens: only loopback (what the app sets) is allowed. */
const BIND_SETTING = /^(?:ip|host|bind[_-]addr|www[_-]address)$/i;
const LOOPBACK = /^(?:127\.0\.0\.1|localhost|::1|\[::1\])(?::\d{1,5})?$/i;
/** Settings that decide who may use a web service, each with the only value that keeps the app's. */
const AUTH_SETTINGS: Record<string, string | undefined> = {
  token: undefined,
  password: undefined,
  hashed_password: undefined,
  password_required: 'true',
  identity_provider_class: undefined,
  allow_remote_access: 'false',
  allow_origin: undefined,
  allow_origin_pat: undefined,
  disable_check_xsrf: 'false',
  auth: 'password',
  auth_none: '0',
  socket: undefined,
  link: undefined,
  server_user: undefined,
};

/**
 * Why a template's web service setting would undo the app's localhost binding or authentication
 * (Jupyter's ServerApp.ip or .token, code-server's bind-addr or auth, RStudio's www-address or
 * auth-none), judged by the setting's last dotted part in any case; undefined when it does not.
 * Template validation and the boot script generation both apply it.
 */
export function appControlledSettingProblem(key: string, value: string): string | undefined {
  const name = (key.split('.').at(-1) ?? key).toLowerCase();
  if (BIND_SETTING.test(name)) {
    return LOOPBACK.test(value.trim())
      ? undefined
      : `${key} is where the service listens, which the app keeps on 127.0.0.1 (reached through a tunnel); a template cannot set it to '${value}'`;
  }
  const normalized = name.replaceAll('-', '_');
  if (!Object.hasOwn(AUTH_SETTINGS, normalized)) return undefined;
  const safe = AUTH_SETTINGS[normalized];
  if (safe !== undefined && value.trim().toLowerCase() === safe) return undefined;
  return `${key} decides who may use the service, which the app sets (its own token or password); a template cannot set it`;
}

/** Throws, naming the field, when a web service setting would undo the app's binding or auth. */
export function requireAppControlledSetting(field: string, key: string, value: string): void {
  const problem = appControlledSettingProblem(key, value);
  if (problem) throw new UnsafeScriptValueError(field, value, problem);
}
