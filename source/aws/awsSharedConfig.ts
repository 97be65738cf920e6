import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A profile from ~/.aws/config or ~/.aws/credentials, as the profile picker shows it. */
export interface AwsProfileInfo {
  name: string;
  region?: string;
  /** Signs in through IAM Identity Center: an expired session needs `aws sso login`. */
  sso: boolean;
}

type IniSections = Map<string, Map<string, string>>;

function parseIni(text: string): IniSections {
  const sections: IniSections = new Map();
  let current: Map<string, string> | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      const name = header[1] ?? '';
      current = sections.get(name) ?? new Map();
      sections.set(name, current);
      continue;
    }
    const assignment = /^([^=\s]+)\s*=\s*(.*)$/.exec(line);
    if (assignment && current) current.set(assignment[1]!.toLowerCase(), assignment[2] ?? '');
  }
  return sections;
}

async function readIni(path: string): Promise<IniSections> {
  try {
    return parseIni(await readFile(path, 'utf8'));
  } catch {
    return new Map();
  }
}

/** The same files the SDK and the AWS CLI read, honouring their environment overrides. */
export function awsConfigFiles(env: NodeJS.ProcessEnv): { config: string; credentials: string } {
  const home = env.HOME || homedir();
  return {
    config: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
  };
}

/** Every profile of the shared config and credentials files, sorted, `default` first. */
export async function readAwsProfiles(env: NodeJS.ProcessEnv = process.env): Promise<AwsProfileInfo[]> {
  const files = awsConfigFiles(env);
  const [config, credentials] = await Promise.all([readIni(files.config), readIni(files.credentials)]);
  const profiles = new Map<string, AwsProfileInfo>();
  for (const [section, values] of config) {
    // In the config file profiles are "[profile x]", except "[default]"; other sections are not profiles.
    const name = section === 'default' ? 'default' : /^profile\s+(.+)$/.exec(section)?.[1];
    if (!name) continue;
    const region = values.get('region');
    profiles.set(name, {
      name,
      ...(region ? { region } : {}),
      sso: values.has('sso_session') || values.has('sso_start_url'),
    });
  }
  for (const name of credentials.keys()) {
    if (!profiles.has(name)) profiles.set(name, { name, sso: false });
  }
  return [...profiles.values()].sort((a, b) =>
    a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name),
  );
}

/** The region the AWS CLI would use: AWS_REGION, AWS_DEFAULT_REGION, then the profile's `region`. */
export async function resolveAwsRegion(
  env: NodeJS.ProcessEnv = process.env,
  profile: string | undefined = undefined,
): Promise<string | undefined> {
  const fromEnv = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (fromEnv) return fromEnv;
  const name = profile || env.AWS_PROFILE || 'default';
  return (await readAwsProfiles(env)).find((info) => info.name === name)?.region;
}
