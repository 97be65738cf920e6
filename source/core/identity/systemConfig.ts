import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';

/** Where the machine's administrator puts the rules every user of it shares (a bastion's). */
export const DEFAULT_SYSTEM_CONFIG_PATH = '/etc/cws-tui/config.yaml';

const FINGERPRINT_PATTERN = /^SHA256:[A-Za-z0-9+/]{43}$/;

export const systemConfigSchema = lazySchema(() =>
  z.strictObject({
    /** Root key fingerprints (`SHA256:...`) an invitation chain must start at; empty trusts on first use. */
    trusted_roots: z
      .array(z.string().regex(FINGERPRINT_PATTERN, 'a root fingerprint looks like SHA256:<43 characters>'))
      .default([]),
    /** `deny`: only invited profiles may launch on this machine (a personal one has no signed policy). */
    personal_profiles: z.enum(['allow', 'deny']).default('allow'),
  }),
);
export type SystemConfig = z.output<typeof systemConfigSchema>;

export type SystemConfigRead =
  | { status: 'read'; config: SystemConfig; path: string }
  /** Present but unreadable or invalid: governance then fails closed. */
  | { status: 'invalid'; problem: string; path: string };

export function systemConfigPath(env: NodeJS.ProcessEnv): string {
  return env.CWS_SYSTEM_CONFIG || DEFAULT_SYSTEM_CONFIG_PATH;
}

export function isRootFingerprint(text: string): boolean {
  return FINGERPRINT_PATTERN.test(text);
}

/** Reads the system-wide config; a missing file means no system rules. */
export async function loadSystemConfig(env: NodeJS.ProcessEnv): Promise<SystemConfigRead> {
  const path = systemConfigPath(env);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { status: 'read', config: systemConfigSchema.parse({}), path };
    }
    return { status: 'invalid', problem: `${path} cannot be read: ${(error as Error).message}`, path };
  }
  // The YAML parser is loaded only when there is a file: most machines have none.
  const { parse } = await import('yaml');
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (error) {
    return { status: 'invalid', problem: `${path} is not valid YAML: ${(error as Error).message}`, path };
  }
  const parsed = systemConfigSchema.safeParse(raw);
  if (parsed.success) return { status: 'read', config: parsed.data, path };
  const issue = parsed.error.issues[0];
  return {
    status: 'invalid',
    problem: `${path}: ${issue?.path.map(String).join('.') || '(top level)'}: ${issue?.message}`,
    path,
  };
}
