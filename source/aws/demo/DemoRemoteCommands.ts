import { randomUUID } from 'node:crypto';
import { CloudError } from '../../core/CloudError.js';
import {
  type ComputePort,
  type Instance,
  type ManagedNode,
  type RemoteCommandPort,
  type RemoteCommandRequest,
  type RemoteInvocation,
  TAG,
} from '../../core/ports.js';
import { runDemoShell } from './demoShell.js';

/** Tag a demo workstation with this (value `absent`) to simulate one whose SSM agent never registered. */
export const DEMO_SSM_TAG = 'cws:demo-ssm';

/**
 * Run Command on the demo account: each command runs in the simulated shell when sent; its
 * invocation is pending on the first look and finished on the next, as SSM's usually are.
 */
export class DemoRemoteCommands implements RemoteCommandPort {
  private readonly invocations = new Map<string, { result: RemoteInvocation; polled: number }>();

  constructor(
    private readonly compute: ComputePort,
    private readonly now: () => number = Date.now,
  ) {}

  async managedNodes(region: string, instanceIds: string[]): Promise<ManagedNode[]> {
    const { items } = await this.compute.listInstances({ regions: [region], ids: instanceIds });
    return items
      .filter((instance) => instance.tags[DEMO_SSM_TAG] !== 'absent' && instance.state !== 'terminated')
      .map((instance) => ({
        instance_id: instance.id,
        ping: instance.state === 'running' ? ('Online' as const) : ('ConnectionLost' as const),
        agent_version: '3.3.1142.0',
        platform: 'Ubuntu 24.04',
      }));
  }

  async send(request: RemoteCommandRequest): Promise<string> {
    const { items } = await this.compute.listInstances({
      regions: [request.region],
      ids: request.instance_ids,
    });
    const commandId = randomUUID();
    for (const id of request.instance_ids) {
      const instance = items.find((i) => i.id === id);
      if (instance?.state !== 'running' || instance.tags[DEMO_SSM_TAG] === 'absent') {
        throw new CloudError({
          kind: 'invalid-parameter',
          code: 'InvalidInstanceId',
          message: `Instances [[${id}]] not in a valid state for account 123456789012`,
          hint: 'The instance must be running with its SSM agent online.',
        });
      }
      const stages = (await this.compute.consoleOutput(request.region, id))
        .split('\n')
        .map((line) => /^CWS-PROGRESS (\S+)/.exec(line)?.[1])
        .filter((stage): stage is string => stage !== undefined);
      const shell = runDemoShell(request.script, {
        hostname: `ip-${(instance.private_ip ?? '172.31.0.1').replaceAll('.', '-')}`,
        instance_type: instance.instance_type,
        research_user: instance.tags[TAG.researchUser] ?? 'ubuntu',
        running_since: runningSince(instance),
        now: this.now(),
        stages,
      });
      this.invocations.set(`${commandId}/${id}`, {
        polled: 0,
        result: {
          command_id: commandId,
          instance_id: id,
          status: shell.exit_code === 0 ? 'success' : 'failed',
          exit_code: shell.exit_code,
          stdout: shell.stdout,
          stderr: shell.stderr,
          truncated: false,
        },
      });
    }
    return commandId;
  }

  async invocation(_region: string, commandId: string, instanceId: string): Promise<RemoteInvocation> {
    const entry = this.invocations.get(`${commandId}/${instanceId}`);
    if (!entry) {
      throw new CloudError({
        kind: 'not-found',
        code: 'InvocationDoesNotExist',
        message: `no invocation of ${commandId} on ${instanceId}`,
        hint: 'The command was sent by another process; run it again.',
      });
    }
    entry.polled++;
    if (entry.polled === 1) {
      return {
        command_id: commandId,
        instance_id: instanceId,
        status: 'pending',
        stdout: '',
        stderr: '',
        truncated: false,
      };
    }
    return entry.result;
  }
}

function runningSince(instance: Instance): number {
  const running = [...instance.transitions].reverse().find((t) => t.state === 'running');
  return Date.parse(running?.at ?? instance.launched_at);
}
