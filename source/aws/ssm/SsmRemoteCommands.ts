import {
  GetCommandInvocationCommand,
  paginateDescribeInstanceInformation,
  SendCommandCommand,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { CloudError } from '../../core/CloudError.js';
import type {
  ManagedNode,
  RemoteCommandPort,
  RemoteCommandRequest,
  RemoteCommandStatus,
  RemoteInvocation,
} from '../../core/ports.js';
import { callAws } from '../callAws.js';

export interface SsmRemoteCommandsOptions {
  ssm: (region: string) => SSMClient;
  profile?: string;
}

/** GetCommandInvocation returns at most this many characters of each stream. */
const SSM_OUTPUT_LIMIT = 24_000;
/** DescribeInstanceInformation takes at most 50 ids in one InstanceIds filter. */
const IDS_PER_FILTER = 50;
/** How long SSM tries to deliver the command to an agent before giving up (its minimum is 30 s). */
const DELIVERY_TIMEOUT_SECONDS = 60;

const STATUS: Record<string, RemoteCommandStatus> = {
  Pending: 'pending',
  Delayed: 'pending',
  InProgress: 'running',
  Cancelling: 'running',
  Success: 'success',
  Failed: 'failed',
  TimedOut: 'timed-out',
  Cancelled: 'cancelled',
};

/** Run Command through SSM's AWS-RunShellScript document (which runs as root). */
export class SsmRemoteCommands implements RemoteCommandPort {
  constructor(private readonly options: SsmRemoteCommandsOptions) {}

  private context(action: string, region: string) {
    return { action, region, ...(this.options.profile ? { profile: this.options.profile } : {}) };
  }

  async managedNodes(region: string, instanceIds: string[]): Promise<ManagedNode[]> {
    const nodes: ManagedNode[] = [];
    for (let start = 0; start < instanceIds.length; start += IDS_PER_FILTER) {
      const ids = instanceIds.slice(start, start + IDS_PER_FILTER);
      await callAws(this.context('ssm:DescribeInstanceInformation', region), async () => {
        const pages = paginateDescribeInstanceInformation(
          { client: this.options.ssm(region) },
          { Filters: [{ Key: 'InstanceIds', Values: ids }] },
        );
        for await (const page of pages) {
          for (const info of page.InstanceInformationList ?? []) {
            if (!info.InstanceId) continue;
            nodes.push({
              instance_id: info.InstanceId,
              ping:
                info.PingStatus === 'Online' || info.PingStatus === 'Inactive'
                  ? info.PingStatus
                  : 'ConnectionLost',
              ...(info.AgentVersion ? { agent_version: info.AgentVersion } : {}),
              ...(info.PlatformName
                ? { platform: `${info.PlatformName} ${info.PlatformVersion ?? ''}`.trim() }
                : {}),
            });
          }
        }
      });
    }
    return nodes;
  }

  async send(request: RemoteCommandRequest): Promise<string> {
    const response = await callAws(this.context('ssm:SendCommand', request.region), () =>
      this.options.ssm(request.region).send(
        new SendCommandCommand({
          DocumentName: 'AWS-RunShellScript',
          InstanceIds: request.instance_ids,
          Comment: request.comment.slice(0, 100),
          TimeoutSeconds: DELIVERY_TIMEOUT_SECONDS,
          Parameters: {
            commands: [request.script],
            executionTimeout: [String(request.timeout_seconds)],
          },
        }),
      ),
    ).catch((error: unknown) => {
      // SSM's answer when an agent is offline or the instance is not a managed node.
      if (error instanceof CloudError && error.code === 'InvalidInstanceId') {
        throw new CloudError({
          kind: 'conflict',
          code: error.code,
          message: `Systems Manager cannot reach ${request.instance_ids.join(', ')}: its SSM agent is not online.`,
          hint: 'Start the workstation and wait a minute for the agent to register; it needs the AmazonSSMManagedInstanceCore policy and a route to the SSM endpoints.',
          retryable: true,
        });
      }
      throw error;
    });
    const id = response.Command?.CommandId;
    if (!id) {
      throw new CloudError({
        kind: 'unknown',
        code: 'EmptySsmResponse',
        message: 'Systems Manager accepted the command but returned no command id.',
        hint: 'Check the Run Command history in the Systems Manager console.',
      });
    }
    return id;
  }

  async invocation(region: string, commandId: string, instanceId: string): Promise<RemoteInvocation> {
    try {
      const response = await this.options
        .ssm(region)
        .send(new GetCommandInvocationCommand({ CommandId: commandId, InstanceId: instanceId }));
      const stdout = response.StandardOutputContent ?? '';
      const stderr = response.StandardErrorContent ?? '';
      const undeliverable =
        response.StatusDetails === 'Undeliverable' || response.StatusDetails === 'Terminated';
      const finished = ['Success', 'Failed', 'TimedOut', 'Cancelled'].includes(response.Status ?? '');
      return {
        command_id: commandId,
        instance_id: instanceId,
        status: undeliverable ? 'undeliverable' : (STATUS[response.Status ?? ''] ?? 'running'),
        // SSM reports -1 while the script has not finished.
        ...(finished && response.ResponseCode !== undefined && response.ResponseCode >= 0
          ? { exit_code: response.ResponseCode }
          : {}),
        stdout,
        stderr,
        truncated: stdout.length >= SSM_OUTPUT_LIMIT || stderr.length >= SSM_OUTPUT_LIMIT,
      };
    } catch (error) {
      // Right after SendCommand the invocation may not exist yet: it is pending, not missing.
      if (error instanceof Error && error.name === 'InvocationDoesNotExist') {
        return {
          command_id: commandId,
          instance_id: instanceId,
          status: 'pending',
          stdout: '',
          stderr: '',
          truncated: false,
        };
      }
      return callAws(this.context('ssm:GetCommandInvocation', region), () => Promise.reject(error));
    }
  }
}
