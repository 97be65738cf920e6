import { EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeLifecycleConfigurationCommand,
  EFSClient,
  FileSystemNotFound,
  PutLifecycleConfigurationCommand,
} from '@aws-sdk/client-efs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { Ec2Network } from '../../source/aws/ec2Network.js';
import { EfsStorage } from '../../source/aws/efsStorage.js';
import { CloudError } from '../../source/core/CloudError.js';

const efsMock = mockClient(EFSClient);
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const efsClient = new EFSClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
const ec2Client = new EC2Client({ region: 'us-east-1', credentials, maxAttempts: 1 });
const storage = new EfsStorage({
  efs: () => efsClient,
  ec2: () => ec2Client,
  network: new Ec2Network({ ec2: () => ec2Client }),
  sleep: async () => {},
});
const ID = 'fs-0a1b2c3d4e5f67890';

beforeEach(() => efsMock.reset());

describe('EFS lifecycle to Infrequent Access on AWS', () => {
  it('reads the IA rule, and none when the file system has no lifecycle', async () => {
    efsMock
      .on(DescribeLifecycleConfigurationCommand)
      .resolvesOnce({
        LifecyclePolicies: [
          { TransitionToIA: 'AFTER_14_DAYS' },
          { TransitionToPrimaryStorageClass: 'AFTER_1_ACCESS' },
        ],
      })
      .resolvesOnce({ LifecyclePolicies: [] });
    expect(await storage.infrequentAccessDays('us-east-1', ID)).toBe(14);
    expect(await storage.infrequentAccessDays('us-east-1', ID)).toBeUndefined();
    expect(efsMock.commandCalls(DescribeLifecycleConfigurationCommand)[0]?.args[0].input).toEqual({
      FileSystemId: ID,
    });
  });

  it('sets IA after the days with a return to Standard on first read, keeping an archive rule', async () => {
    efsMock.on(DescribeLifecycleConfigurationCommand).resolves({
      LifecyclePolicies: [{ TransitionToArchive: 'AFTER_90_DAYS' }],
    });
    efsMock.on(PutLifecycleConfigurationCommand).resolves({ LifecyclePolicies: [] });
    await storage.setInfrequentAccessDays('us-east-1', ID, 30);
    expect(efsMock.commandCalls(PutLifecycleConfigurationCommand)[0]?.args[0].input).toEqual({
      FileSystemId: ID,
      LifecyclePolicies: [
        { TransitionToIA: 'AFTER_30_DAYS' },
        { TransitionToPrimaryStorageClass: 'AFTER_1_ACCESS' },
        { TransitionToArchive: 'AFTER_90_DAYS' },
      ],
    });
  });

  it('reports a file system EFS does not know as a CloudError with its code', async () => {
    efsMock.on(DescribeLifecycleConfigurationCommand).rejects(
      new FileSystemNotFound({
        ErrorCode: 'FileSystemNotFound',
        message: `File system '${ID}' does not exist.`,
        $metadata: { httpStatusCode: 404 },
      }),
    );
    const error = await storage.infrequentAccessDays('us-east-1', ID).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CloudError);
    expect(error).toMatchObject({ code: 'FileSystemNotFound' });
  });
});
