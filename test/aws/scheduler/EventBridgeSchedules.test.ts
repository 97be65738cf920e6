import {
  CreateRoleCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  NoSuchEntityException,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {
  ConflictException,
  CreateScheduleCommand,
  CreateScheduleGroupCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  EventBridgeSchedules,
  SCHEDULER_POLICY,
} from '../../../source/aws/scheduler/EventBridgeSchedules.js';

const schedulerMock = mockClient(SchedulerClient);
const iamMock = mockClient(IAMClient);
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const scheduler = new SchedulerClient({ region: 'eu-central-1', maxAttempts: 1, credentials });
const iam = new IAMClient({ region: 'us-east-1', maxAttempts: 1, credentials });
const metadata = { httpStatusCode: 409, requestId: 'a1b2c3d4-0000-4000-8000-000000000001', attempts: 1 };
const roleArn = 'arn:aws:iam::123456789012:role/cws-tui/cws-tui-scheduler';

const stopSchedule = {
  name: 'i-0123456789abcdef0-stop',
  region: 'eu-central-1',
  instance_id: 'i-0123456789abcdef0',
  action: 'stop' as const,
  expression: 'cron(0 19 ? * MON-FRI *)',
  time_zone: 'Europe/Berlin',
  enabled: true,
};

beforeEach(() => {
  schedulerMock.reset();
  iamMock.reset();
  iamMock.on(GetRoleCommand).rejects(
    new NoSuchEntityException({
      message: 'The role with name cws-tui-scheduler cannot be found.',
      $metadata: metadata,
    }),
  );
  iamMock.on(CreateRoleCommand).resolves({
    Role: {
      RoleName: 'cws-tui-scheduler',
      Arn: roleArn,
      Path: '/cws-tui/',
      RoleId: 'AROA1',
      CreateDate: new Date(),
    },
  });
  iamMock.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [] });
  iamMock
    .on(GetRolePolicyCommand)
    .rejects(new NoSuchEntityException({ message: 'no policy', $metadata: metadata }));
  iamMock.on(PutRolePolicyCommand).resolves({});
  schedulerMock
    .on(CreateScheduleGroupCommand)
    .resolves({ ScheduleGroupArn: 'arn:aws:scheduler:eu-central-1:123456789012:schedule-group/cws-tui' });
});

describe('EventBridgeSchedules', () => {
  it('creates the group, a role trusted by the scheduler that may only start/stop managed instances, then the schedule', async () => {
    schedulerMock
      .on(CreateScheduleCommand)
      .resolves({ ScheduleArn: 'arn:aws:scheduler:eu-central-1:123456789012:schedule/cws-tui/x' });
    await new EventBridgeSchedules({ scheduler: () => scheduler, iam: () => iam }).putSchedule(stopSchedule);
    const role = iamMock.commandCalls(CreateRoleCommand)[0]?.args[0].input;
    expect(JSON.parse(role?.AssumeRolePolicyDocument ?? '{}').Statement[0].Principal).toEqual({
      Service: 'scheduler.amazonaws.com',
    });
    const policy = JSON.parse(
      iamMock.commandCalls(PutRolePolicyCommand)[0]?.args[0].input.PolicyDocument ?? '{}',
    );
    expect(policy).toEqual(JSON.parse(SCHEDULER_POLICY));
    expect(policy.Statement[0].Condition).toEqual({
      StringEquals: { 'aws:ResourceTag/cws:managed': 'true' },
    });
    expect(schedulerMock.commandCalls(CreateScheduleCommand)[0]?.args[0].input).toMatchObject({
      Name: 'i-0123456789abcdef0-stop',
      GroupName: 'cws-tui',
      ScheduleExpression: 'cron(0 19 ? * MON-FRI *)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: 'arn:aws:scheduler:::aws-sdk:ec2:stopInstances',
        RoleArn: roleArn,
        Input: '{"InstanceIds":["i-0123456789abcdef0"]}',
      },
    });
  });

  it('updates a schedule that exists and tolerates an existing group', async () => {
    schedulerMock.on(CreateScheduleGroupCommand).rejects(
      new ConflictException({
        message: 'Schedule group cws-tui already exists.',
        Message: 'Schedule group cws-tui already exists.',
        $metadata: metadata,
      }),
    );
    schedulerMock.on(CreateScheduleCommand).rejects(
      new ConflictException({
        message: 'Schedule i-0123456789abcdef0-stop already exists.',
        Message: 'Schedule i-0123456789abcdef0-stop already exists.',
        $metadata: metadata,
      }),
    );
    schedulerMock.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn:x' });
    await new EventBridgeSchedules({ scheduler: () => scheduler, iam: () => iam }).putSchedule(stopSchedule);
    expect(schedulerMock.commandCalls(UpdateScheduleCommand)).toHaveLength(1);
  });

  it('lists schedules back as workstation schedules, and none when the group does not exist', async () => {
    schedulerMock.on(ListSchedulesCommand).resolves({
      Schedules: [{ Name: 'i-0123456789abcdef0-stop', GroupName: 'cws-tui', State: 'ENABLED' }],
    });
    schedulerMock.on(GetScheduleCommand).resolves({
      Name: 'i-0123456789abcdef0-stop',
      ScheduleExpression: 'cron(0 19 ? * MON-FRI *)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      State: 'ENABLED',
      Target: {
        Arn: 'arn:aws:scheduler:::aws-sdk:ec2:stopInstances',
        RoleArn: roleArn,
        Input: '{"InstanceIds":["i-0123456789abcdef0"]}',
      },
    });
    const schedules = new EventBridgeSchedules({ scheduler: () => scheduler, iam: () => iam });
    expect(await schedules.listSchedules('eu-central-1')).toEqual([stopSchedule]);
    schedulerMock.on(ListSchedulesCommand).rejects(
      new ResourceNotFoundException({
        message: 'Schedule group cws-tui does not exist.',
        Message: 'Schedule group cws-tui does not exist.',
        $metadata: metadata,
      }),
    );
    expect(await schedules.listSchedules('eu-central-1')).toEqual([]);
  });

  it('deletes a schedule, a missing one being already gone', async () => {
    schedulerMock.on(DeleteScheduleCommand).rejects(
      new ResourceNotFoundException({
        message: 'Schedule x does not exist.',
        Message: 'Schedule x does not exist.',
        $metadata: metadata,
      }),
    );
    await expect(
      new EventBridgeSchedules({ scheduler: () => scheduler, iam: () => iam }).deleteSchedule(
        'eu-central-1',
        'x',
      ),
    ).resolves.toBeUndefined();
  });
});
