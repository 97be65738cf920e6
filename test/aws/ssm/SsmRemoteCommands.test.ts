import {
  DescribeInstanceInformationCommand,
  GetCommandInvocationCommand,
  InvocationDoesNotExist,
  SendCommandCommand,
  SSMClient,
  SSMServiceException,
} from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SsmRemoteCommands } from '../../../source/aws/ssm/SsmRemoteCommands.js';
import { rejectionOf } from '../rejectionOf.js';

const ssmMock = mockClient(SSMClient);
const client = new SSMClient({
  region: 'us-east-1',
  maxAttempts: 1,
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
});
const commands = new SsmRemoteCommands({ ssm: () => client });
const metadata = { httpStatusCode: 400, requestId: 'c0ffee00-0000-4000-8000-000000000001', attempts: 1 };

beforeEach(() => ssmMock.reset());

describe('SsmRemoteCommands', () => {
  it('sends AWS-RunShellScript with the script, the execution timeout and a short comment', async () => {
    ssmMock.on(SendCommandCommand).resolves({
      Command: {
        CommandId: '3d8b6f0e-6a7b-4a43-9d5d-5c2b2f1e0a11',
        Status: 'Pending',
        DocumentName: 'AWS-RunShellScript',
      },
    });
    const id = await commands.send({
      region: 'us-east-1',
      instance_ids: ['i-0123456789abcdef0'],
      script: 'uptime',
      timeout_seconds: 600,
      comment: 'x'.repeat(150),
    });
    expect(id).toBe('3d8b6f0e-6a7b-4a43-9d5d-5c2b2f1e0a11');
    const input = ssmMock.commandCalls(SendCommandCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      DocumentName: 'AWS-RunShellScript',
      InstanceIds: ['i-0123456789abcdef0'],
      Parameters: { commands: ['uptime'], executionTimeout: ['600'] },
    });
    expect(input?.Comment).toHaveLength(100);
  });

  it('answers pending while the invocation does not exist yet, then the finished result', async () => {
    ssmMock
      .on(GetCommandInvocationCommand)
      .rejectsOnce(new InvocationDoesNotExist({ message: '', $metadata: metadata }))
      .resolves({
        CommandId: 'cmd-1',
        InstanceId: 'i-0123456789abcdef0',
        Status: 'Failed',
        StatusDetails: 'Failed',
        ResponseCode: 2,
        StandardOutputContent: 'partial\n',
        StandardErrorContent: 'ls: cannot access x\n',
      });
    const pending = await commands.invocation('us-east-1', 'cmd-1', 'i-0123456789abcdef0');
    expect(pending.status).toBe('pending');
    const done = await commands.invocation('us-east-1', 'cmd-1', 'i-0123456789abcdef0');
    expect(done).toMatchObject({
      status: 'failed',
      exit_code: 2,
      stderr: 'ls: cannot access x\n',
      truncated: false,
    });
  });

  it('reports no exit code while running (-1) and flags output SSM cut at 24,000 characters', async () => {
    ssmMock
      .on(GetCommandInvocationCommand)
      .resolvesOnce({
        Status: 'InProgress',
        StatusDetails: 'InProgress',
        ResponseCode: -1,
        StandardOutputContent: 'a',
      })
      .resolves({
        Status: 'Success',
        StatusDetails: 'Success',
        ResponseCode: 0,
        StandardOutputContent: 'a'.repeat(24_000),
      });
    const running = await commands.invocation('us-east-1', 'cmd-2', 'i-1');
    expect(running.status).toBe('running');
    expect(running.exit_code).toBeUndefined();
    const done = await commands.invocation('us-east-1', 'cmd-2', 'i-1');
    expect(done).toMatchObject({ status: 'success', exit_code: 0, truncated: true });
  });

  it('calls an undeliverable command what it is', async () => {
    ssmMock
      .on(GetCommandInvocationCommand)
      .resolves({ Status: 'Failed', StatusDetails: 'Undeliverable', ResponseCode: -1 });
    expect((await commands.invocation('us-east-1', 'c', 'i-1')).status).toBe('undeliverable');
  });

  it('lists registered agents, 50 ids per filter, with their ping status', async () => {
    ssmMock
      .on(DescribeInstanceInformationCommand)
      .callsFake((input: { Filters: Array<{ Values: string[] }> }) => ({
        InstanceInformationList: (input.Filters[0]?.Values ?? [])
          .filter((id) => id.endsWith('1'))
          .map((id) => ({
            InstanceId: id,
            PingStatus: 'Online',
            AgentVersion: '3.3.1142.0',
            PlatformName: 'Ubuntu',
            PlatformVersion: '24.04',
          })),
      }));
    const ids = Array.from({ length: 60 }, (_, n) => `i-${String(n).padStart(17, '0')}`);
    const nodes = await commands.managedNodes('us-east-1', ids);
    expect(ssmMock.commandCalls(DescribeInstanceInformationCommand)).toHaveLength(2);
    expect(nodes.map((n) => n.instance_id)).toEqual(ids.filter((id) => id.endsWith('1')));
    expect(nodes[0]).toMatchObject({ ping: 'Online', platform: 'Ubuntu 24.04' });
  });

  it('turns a refusal into a clear, permission-naming error', async () => {
    ssmMock.on(SendCommandCommand).rejects(
      new SSMServiceException({
        name: 'AccessDeniedException',
        message: 'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: ssm:SendCommand',
        $fault: 'client',
        $metadata: metadata,
      }),
    );
    const error = await rejectionOf(
      commands.send({
        region: 'us-east-1',
        instance_ids: ['i-1'],
        script: 'true',
        timeout_seconds: 60,
        comment: '',
      }),
    );
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toContain('ssm:SendCommand');
  });

  it('says the agent is offline when SSM answers InvalidInstanceId', async () => {
    ssmMock.on(SendCommandCommand).rejects(
      new SSMServiceException({
        name: 'InvalidInstanceId',
        message: 'Instances [[i-0123456789abcdef0]] not in a valid state for account 123456789012',
        $fault: 'client',
        $metadata: metadata,
      }),
    );
    const error = await rejectionOf(
      commands.send({
        region: 'us-east-1',
        instance_ids: ['i-0123456789abcdef0'],
        script: 'true',
        timeout_seconds: 60,
        comment: '',
      }),
    );
    expect(error).toMatchObject({ kind: 'conflict', code: 'InvalidInstanceId' });
    expect(error.message).toContain('its SSM agent is not online');
  });
});
