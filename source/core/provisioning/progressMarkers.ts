/**
 * The stages of a workstation's first boot, in order. The boot script prints
 * `CWS-PROGRESS <stage>` at the start of each (and tags the instance `cws:progress=<stage>`),
 * `CWS-NOTE`/`CWS-WARN <stage> <text>` for things worth telling, `CWS-DEGRADED <stage> <text>` when
 * an optional part failed and the boot went on, and `CWS-FAILED <stage> <text>` when it stops.
 * `ready` is the last marker of a complete boot, `degraded` of one that finished without some parts
 * (tag `cws:progress=degraded:<stage>[,<stage>]`).
 */
export const PROVISIONING_STAGES = [
  'started',
  'idle-agent',
  'user',
  'packages',
  'efs',
  'files',
  'fsx',
  'aws-cli',
  'metrics',
  'gpu-driver',
  'conda',
  'pip',
  'r',
  'post-install',
  'services',
  'gpu-check',
  'ready',
] as const;

/** The last marker of a boot that finished with optional parts missing. */
export const DEGRADED_STAGE = 'degraded';

export type ProvisioningStage = (typeof PROVISIONING_STAGES)[number] | typeof DEGRADED_STAGE;

export interface ProvisioningNote {
  stage: string;
  level: 'info' | 'warning';
  message: string;
}

/** Where a boot is, read back from console output. */
export interface ProvisioningProgress {
  /** The latest stage reached, undefined before the first marker. */
  stage: ProvisioningStage | undefined;
  /** 0..1, by the position of `stage` in PROVISIONING_STAGES. */
  fraction: number;
  ready: boolean;
  /** The boot finished, but these optional parts failed. */
  degraded: { stage: string; message: string }[];
  failed?: { stage: string; message: string };
  notes: ProvisioningNote[];
}

const isStage = (value: string): value is ProvisioningStage =>
  value === DEGRADED_STAGE || (PROVISIONING_STAGES as readonly string[]).includes(value);

const MARKER = /^.*?CWS-(PROGRESS|NOTE|WARN|FAILED|DEGRADED) ([a-z-]+)(?: (.*))?$/;

/**
 * Reads the markers out of console output (which also holds kernel and cloud-init lines, and may
 * repeat a marker that went to both the console and the log). A later boot's `started` resets the
 * picture, since the script runs again after a reboot.
 */
export function parseProgressMarkers(consoleOutput: string): ProvisioningProgress {
  let stage: ProvisioningStage | undefined;
  let failed: ProvisioningProgress['failed'];
  let notes: ProvisioningNote[] = [];
  let degraded: ProvisioningProgress['degraded'] = [];
  for (const rawLine of consoleOutput.split(/\r?\n/)) {
    const match = MARKER.exec(rawLine.trimEnd());
    if (!match) continue;
    const [, kind, name = '', text = ''] = match;
    const message = text.trim();
    if (kind === 'PROGRESS' && isStage(name)) {
      if (name === 'started' && stage !== undefined && stage !== 'started') {
        failed = undefined;
        notes = [];
        degraded = [];
      }
      stage = name;
    } else if (kind === 'DEGRADED') {
      if (!degraded.some((part) => part.stage === name)) degraded.push({ stage: name, message });
    } else if (kind === 'FAILED') {
      failed = { stage: name, message };
    } else if (kind === 'NOTE' || kind === 'WARN') {
      const level = kind === 'NOTE' ? 'info' : 'warning';
      if (!notes.some((note) => note.stage === name && note.message === message && note.level === level)) {
        notes.push({ stage: name, level, message });
      }
    }
  }
  const index =
    stage === undefined
      ? -1
      : stage === DEGRADED_STAGE
        ? PROVISIONING_STAGES.length - 1
        : PROVISIONING_STAGES.indexOf(stage);
  return {
    stage,
    fraction: (index + 1) / PROVISIONING_STAGES.length,
    ready: stage === 'ready' && failed === undefined,
    degraded,
    ...(failed ? { failed } : {}),
    notes,
  };
}
