/** A command to run, as argv, with the same command quoted for a person to copy. */
export interface PlannedCommand {
  argv: string[];
  /** The argv as one shell command line. */
  command: string;
}

export interface PlannedTunnel extends PlannedCommand {
  via: 'ssh' | 'ssm';
  /** Why this path was chosen (SSM first; SSH only from the profile's CIDR or through a bastion). */
  why?: string;
  local_port: number;
  remote_port: number;
}

/**
 * How to get into a workstation or a service, decided before anything runs. `terminal` hands the
 * terminal to ssh or an SSM session; `url` opens (or shows) an address, through a tunnel when the
 * service listens on the instance's localhost; `unavailable` says why there is no way in now.
 */
export type ConnectionPlan =
  | ({ kind: 'terminal'; via: 'ssh' | 'ssm'; why?: string; note?: string } & PlannedCommand)
  | {
      kind: 'url';
      url: string;
      /** Open a browser here, or show the link (over SSH, or with no display). */
      open: 'browser' | 'show';
      tunnel?: PlannedTunnel;
      /** Over SSH: what to run on the laptop so that its browser reaches the tunnel here. */
      laptop_command?: string;
      /** Why the laptop command's address may be wrong and how to set the right one, when guessed. */
      laptop_note?: string;
      /** Sign-in details or caveats (a password, a 5-minute expiry, no cost...). */
      note?: string;
      expires_at?: string;
    }
  | { kind: 'unavailable'; reason: string };
