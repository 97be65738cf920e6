import type { Distro } from '../images/baseImages.js';
import type { ServiceSetting } from '../templates/serviceConfigSettings.js';
import type { ProvisioningDiagnostic } from './ProvisioningDiagnostic.js';
import type { PackageRepository } from './systemPackageMap.js';

/**
 * A boot script's content after validation: every string here has passed its whitelist, so the
 * section renderers only quote and arrange.
 */
export interface ProvisioningPlan {
  distro: Distro;
  slug: string;
  launchId: string;
  user: PlannedUser;
  sharedGroup: { name: string; gid: number };
  system: { packages: string[]; groups: string[]; repositories: PackageRepository[] };
  /** The image comes with its software (an AMI base, a Deep Learning AMI): install only what is missing. */
  prebuilt: boolean;
  efs?: PlannedEfsMount;
  fsx?: PlannedFsxMount;
  /** Conda specs for Miniforge's base environment; undefined when conda is not used. */
  conda?: string[];
  pip?: { packages: string[]; into: 'conda' | 'venv' };
  r: string[];
  files: PlannedFile[];
  /** The template's own users, in the order it lists them. */
  templateUsers: PlannedTemplateUser[];
  postInstall?: string;
  parameters: { name: string; value: string }[];
  services: PlannedService[];
  idle?: PlannedIdleAgent;
  /** The template asks for the CloudWatch agent (memory, and GPU where present). */
  cloudwatchAgent: boolean;
  /** Which NVIDIA driver a GPU size gets: the desktop's graphics driver or the compute one. */
  gpu: 'compute' | 'graphics';
  diagnostics: ProvisioningDiagnostic[];
}

export interface PlannedUser {
  name: string;
  fullName: string;
  uid: number;
  gid: number;
  shell: string;
  home: string;
  sshKeys: string[];
  admin: boolean;
  /** Groups joined when they exist at boot (docker is always tried). */
  optionalGroups: string[];
}

export interface PlannedEfsMount {
  fileSystemId: string;
  accessPointId?: string;
  region: string;
  mountPoint: string;
  /** `installed`: amazon-efs-utils comes from the distro; `if-present`: only a custom image has it. */
  helper: 'installed' | 'if-present';
}

export interface PlannedFsxMount {
  fileSystemId: string;
  type: 'lustre' | 'openzfs';
  dnsName: string;
  mountName?: string;
  mountPoint: string;
}

export type PlannedFile =
  | { kind: 'inline'; path: string; contentBase64: string; mode?: string; owner?: string }
  | {
      kind: 's3';
      path: string;
      bucket: string;
      /** The object key, URL-encoded segment by segment. */
      keyPath: string;
      /** Lowercase hex; absent when the template gives none (a warning says so). */
      sha256?: string;
      mode?: string;
      owner: string;
    };

/** A user the template declares: created after the research user, or merged into it. */
export interface PlannedTemplateUser {
  name: string;
  groups: string[];
  shell?: string;
  /** True: the research user joins the groups instead of a second account being made. */
  merge: boolean;
}

export type PlannedService =
  | { kind: 'jupyter'; port: number; binary: string; settings: ServiceSetting[]; enable: boolean }
  | { kind: 'code-server'; port: number; settings: ServiceSetting[]; enable: boolean }
  | { kind: 'rstudio'; port: number; settings: ServiceSetting[]; enable: boolean }
  | { kind: 'desktop'; port: number; enable: boolean }
  | { kind: 'system'; unit: string; enable: boolean };

export interface PlannedIdleAgent {
  /** Stop after this many idle minutes, or only mark the instance idle when hibernation comes later. */
  idleMinutes?: number;
  hibernateMinutes?: number;
  intervalMinutes: number;
}
