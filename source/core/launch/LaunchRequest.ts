/** What a person asks for when launching, from the wizard or `cws-tui launch`. */
export interface LaunchRequest {
  /** Template slug (or name). */
  template: string;
  /** The workstation's name: unique among the profile's live workstations. */
  name: string;
  /** A size of the template (`S`, `M`, `GPU`...), or an explicit instance type. */
  size?: string;
  instance_type?: string;
  region?: string;
  spot: boolean;
  hibernation: boolean;
  root_volume_gb?: number;
  efs?: { file_system_id: string; access_point_id?: string };
  /** An FSx file system (Lustre or OpenZFS) mounted at /fsx at boot. */
  fsx?: { file_system_id: string };
  project?: string;
  /** Extra tags (e.g. the policy's required tags: project, grant). */
  tags?: Record<string, string>;
  /** Admin override of a denying policy: the reason is audited and tagged. */
  override_reason?: string;
  /** Wait for the boot script's `ready` marker, not only for `running`. */
  wait_ready?: boolean;
  /** Values for the template's `parameters:` (`--param k=v`); defaults fill the rest. */
  parameters?: Record<string, string>;
  /** Set aside an unfinished launch of the same name asked with other arguments, and start anew. */
  abandon_unfinished?: boolean;
}
