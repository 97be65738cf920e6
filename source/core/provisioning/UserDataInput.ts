import type { ResearchUser } from '../identity/ResearchUser.js';
import type { Distro } from '../images/baseImages.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';

/** The EFS file system a workstation mounts, and how. */
export interface EfsMountRequest {
  file_system_id: string;
  /** The research user's access point: files then carry the user's identity whatever the client. */
  access_point_id?: string;
  region: string;
  /** Where it is mounted; `/efs` when absent. */
  mount_point?: string;
}

/** The FSx file system a workstation mounts at boot (`launch --fsx`): Lustre or OpenZFS over NFS. */
export interface FsxMountRequest {
  file_system_id: string;
  type: 'lustre' | 'openzfs';
  dns_name: string;
  /** Lustre's mount name (the part after @tcp:/). */
  mount_name?: string;
  /** Where it is mounted; `/fsx` when absent. */
  mount_point?: string;
}

/** Everything one boot script is generated from: plain data, no I/O, and no secret. */
export interface UserDataInput {
  template: ResolvedTemplate;
  distro: Distro;
  user: ResearchUser;
  efs?: EfsMountRequest;
  fsx?: FsxMountRequest;
  launch_id: string;
  /** Values for the template's parameters chosen at launch; the template's defaults fill the rest. */
  parameters?: Record<string, string | number | boolean>;
}
