/** Run Command (SSM): shell commands on running workstations, through their SSM agent. */

export type RemoteCommandStatus =
  | 'pending'
  | 'running'
  | 'success'
  | 'failed'
  | 'timed-out'
  | 'cancelled'
  | 'undeliverable';

export interface RemoteCommandRequest {
  region: string;
  instance_ids: string[];
  /** The bash script to run; the adapter runs it as root (the core wraps it for another user). */
  script: string;
  timeout_seconds: number;
  /** Shown in the SSM console's command history (at most 100 characters). */
  comment: string;
}

export interface RemoteInvocation {
  command_id: string;
  instance_id: string;
  status: RemoteCommandStatus;
  /** The script's exit code once it finished (SSM's ResponseCode). */
  exit_code?: number;
  stdout: string;
  stderr: string;
  /** SSM keeps only the first 24,000 characters of each stream in the API answer. */
  truncated: boolean;
}

/** An instance as Systems Manager sees it: whether its agent is registered and answering. */
export interface ManagedNode {
  instance_id: string;
  ping: 'Online' | 'ConnectionLost' | 'Inactive';
  agent_version?: string;
  platform?: string;
}

export interface RemoteCommandPort {
  /** The instances among `instanceIds` whose SSM agent is registered (absent ones are not). */
  managedNodes(region: string, instanceIds: string[]): Promise<ManagedNode[]>;
  /** Sends the script to the instances; the command id. */
  send(request: RemoteCommandRequest): Promise<string>;
  /** The state of the command on one instance (InvocationDoesNotExist right after sending is pending). */
  invocation(region: string, commandId: string, instanceId: string): Promise<RemoteInvocation>;
}
