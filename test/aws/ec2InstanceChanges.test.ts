import {
  CreateTagsCommand,
  DeleteTagsCommand,
  EC2Client,
  ModifyInstanceAttributeCommand,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { Ec2InstanceChanges } from '../../source/aws/ec2InstanceChanges.js';
import { awsServiceError } from './awsServiceError.js';
import { rejectionOf } from './rejectionOf.js';

const ec2Mock = mockClient(EC2Client);
const client = new EC2Client({
  region: 'us-east-1',
  maxAttempts: 1,
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
});
const changes = new Ec2InstanceChanges({ ec2: () => client });

beforeEach(() => ec2Mock.reset());

describe('Ec2InstanceChanges', () => {
  it('changes the type with ModifyInstanceAttribute', async () => {
    ec2Mock.on(ModifyInstanceAttributeCommand).resolves({});
    await changes.modifyInstanceType('us-east-1', 'i-0123456789abcdef0', 'm7i.xlarge');
    expect(ec2Mock.commandCalls(ModifyInstanceAttributeCommand)[0]?.args[0].input).toEqual({
      InstanceId: 'i-0123456789abcdef0',
      InstanceType: { Value: 'm7i.xlarge' },
    });
  });

  it('says a running instance conflicts with the change', async () => {
    ec2Mock
      .on(ModifyInstanceAttributeCommand)
      .rejects(
        awsServiceError(
          'IncorrectInstanceState',
          "The instance 'i-0123456789abcdef0' is not in the 'stopped' state.",
        ),
      );
    const error = await rejectionOf(
      changes.modifyInstanceType('us-east-1', 'i-0123456789abcdef0', 'm7i.xlarge'),
    );
    expect(error).toMatchObject({ kind: 'conflict', code: 'IncorrectInstanceState' });
  });

  it('tags and untags instances, and skips an empty list', async () => {
    ec2Mock.on(CreateTagsCommand).resolves({});
    ec2Mock.on(DeleteTagsCommand).resolves({});
    await changes.tagInstances('us-east-1', ['i-1'], { 'cws:idle-policy': 'balanced' });
    await changes.untagInstances('us-east-1', ['i-1'], ['cws:idle-policy']);
    await changes.tagInstances('us-east-1', [], { a: 'b' });
    expect(ec2Mock.commandCalls(CreateTagsCommand)).toHaveLength(1);
    expect(ec2Mock.commandCalls(CreateTagsCommand)[0]?.args[0].input).toEqual({
      Resources: ['i-1'],
      Tags: [{ Key: 'cws:idle-policy', Value: 'balanced' }],
    });
    expect(ec2Mock.commandCalls(DeleteTagsCommand)[0]?.args[0].input.Tags).toEqual([
      { Key: 'cws:idle-policy' },
    ]);
  });
});
