import type { PinnedRootStore, PinnedRoots } from './PinnedRootStore.js';
import { loadSystemConfig, type SystemConfigRead } from './systemConfig.js';

/** Which root keys this installation accepts invitation chains from, and what it governs. */
export interface RootTrust {
  /** The system config's `trusted_roots`: when any, the only roots accepted. */
  system_roots: string[];
  /** Roots pinned on this installation at earlier accepts (trust on first use). */
  pinned: string[];
  /** Profiles accepted from an invitation here: they stay governed whatever the config says. */
  accepted_profiles: string[];
  personal_profiles: 'allow' | 'deny';
  /** Where the system rules came from, to name it in messages. */
  source: string;
  /** Set when what is trusted cannot be known (a damaged pin file or system config): fail closed. */
  unknown?: string;
}

export function rootTrustOf(system: SystemConfigRead, pinned: PinnedRoots): RootTrust {
  const roots = pinned.status === 'read' ? pinned.roots : [];
  const unknown =
    system.status === 'invalid' ? system.problem : pinned.status === 'unknown' ? pinned.problem : undefined;
  return {
    system_roots: system.status === 'read' ? system.config.trusted_roots : [],
    pinned: roots.map((root) => root.fingerprint),
    accepted_profiles: roots.flatMap((root) => root.profiles),
    // An unreadable system config might have denied personal profiles: assume it did.
    personal_profiles: system.status === 'read' ? system.config.personal_profiles : 'deny',
    source: system.path,
    ...(unknown !== undefined ? { unknown } : {}),
  };
}

/** Why a chain rooted at `fingerprint` is not trusted here; undefined when it is. */
export function rootTrustProblem(trust: RootTrust, fingerprint: string): string | undefined {
  if (trust.system_roots.length > 0) {
    return trust.system_roots.includes(fingerprint)
      ? undefined
      : `the chain's root key ${fingerprint} is not one of the trusted_roots of ${trust.source}`;
  }
  if (trust.pinned.length === 0) {
    return `no root key is pinned on this installation, so the chain's root ${fingerprint} cannot be trusted`;
  }
  return trust.pinned.includes(fingerprint)
    ? undefined
    : `the chain's root key ${fingerprint} is not the one pinned on this installation (${trust.pinned.join(', ')})`;
}

/** The trust of an installation: the system config (`CWS_SYSTEM_CONFIG` overrides its path) and the pins. */
export async function loadRootTrust(env: NodeJS.ProcessEnv, pins: PinnedRootStore): Promise<RootTrust> {
  return rootTrustOf(await loadSystemConfig(env), await pins.read());
}

/**
 * Why an invitation rooted at `fingerprint` may not be accepted; undefined when it may. `--root`
 * names the root up front; without it and without system roots, the first root is trusted on
 * first use and any other is refused.
 */
export function acceptRootProblem(
  trust: RootTrust,
  fingerprint: string,
  expectedRoot: string | undefined,
): string | undefined {
  if (trust.unknown) return trust.unknown;
  if (expectedRoot !== undefined && expectedRoot !== fingerprint) {
    return `the chain's root key is ${fingerprint}, not the ${expectedRoot} given with --root`;
  }
  if (trust.system_roots.length > 0) return rootTrustProblem(trust, fingerprint);
  if (expectedRoot !== undefined || trust.pinned.length === 0 || trust.pinned.includes(fingerprint)) {
    return undefined;
  }
  return `the chain's root key ${fingerprint} is not the one pinned on this installation (${trust.pinned.join(', ')}); if your institution publishes this key, accept with --root ${fingerprint}`;
}
