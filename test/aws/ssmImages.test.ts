import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SsmImages } from '../../source/aws/ssmImages.js';
import { CloudError } from '../../source/core/CloudError.js';
import { awsServiceError } from './awsServiceError.js';
import { rejectionOf } from './rejectionOf.js';

const ssmMock = mockClient(SSMClient);
const ec2Mock = mockClient(EC2Client);
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const images = () =>
  new SsmImages({
    ssm: (region) => new SSMClient({ region, credentials, maxAttempts: 1 }),
    ec2: (region) => new EC2Client({ region, credentials, maxAttempts: 1 }),
  });
const ubuntu = '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id';

beforeEach(() => {
  ssmMock.reset();
  ec2Mock.reset();
});

describe('SsmImages', () => {
  it('reads the AMI id from an SSM public parameter, once per session', async () => {
    ssmMock.on(GetParameterCommand).resolves({
      Parameter: {
        Name: ubuntu,
        Type: 'String',
        Value: 'ami-04b4f1a9cf54c11d0',
        Version: 112,
        DataType: 'aws:ec2:image',
      },
    });
    const port = images();
    expect(await port.resolveImage('us-east-1', { kind: 'ssm', parameter: ubuntu })).toBe(
      'ami-04b4f1a9cf54c11d0',
    );
    expect(await port.resolveImage('us-east-1', { kind: 'ssm', parameter: ubuntu })).toBe(
      'ami-04b4f1a9cf54c11d0',
    );
    expect(ssmMock.commandCalls(GetParameterCommand)).toHaveLength(1);
    expect(ssmMock.commandCalls(GetParameterCommand)[0]!.args[0].input).toEqual({ Name: ubuntu });
  });

  it('says which parameter is missing in which region, and asks again next time', async () => {
    ssmMock.on(GetParameterCommand).rejects(awsServiceError('ParameterNotFound', ''));
    const port = images();
    const error = await port
      .resolveImage('ap-southeast-4', { kind: 'ssm', parameter: ubuntu })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudError);
    expect((error as CloudError).kind).toBe('not-found');
    expect((error as CloudError).message).toBe(
      `The image parameter ${ubuntu} does not exist in ap-southeast-4.`,
    );
    await port.resolveImage('ap-southeast-4', { kind: 'ssm', parameter: ubuntu }).catch(() => undefined);
    expect(ssmMock.commandCalls(GetParameterCommand)).toHaveLength(2);
  });

  it('refuses a parameter that does not hold an AMI id', async () => {
    ssmMock.on(GetParameterCommand).resolves({ Parameter: { Name: '/x', Value: 'hello' } });
    const error = await rejectionOf(images().resolveImage('us-east-1', { kind: 'ssm', parameter: '/x' }));
    expect(error.code).toBe('NotAnImageParameter');
  });

  it('picks the newest available image across pages for describe-images', async () => {
    ec2Mock
      .on(DescribeImagesCommand)
      .resolvesOnce({
        Images: [
          { ImageId: 'ami-old', CreationDate: '2026-03-02T10:00:00.000Z' },
          { ImageId: 'ami-newest', CreationDate: '2026-11-01T08:30:00.000Z' },
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({ Images: [{ ImageId: 'ami-mid', CreationDate: '2026-07-15T00:00:00.000Z' }] });
    const id = await images().resolveImage('us-east-1', {
      kind: 'describe-images',
      owner: '898082745236',
      name_pattern: 'Deep Learning Base OSS Nvidia Driver GPU AMI (Ubuntu 22.04) *',
      architecture: 'x86_64',
    });
    expect(id).toBe('ami-newest');
    const calls = ec2Mock.commandCalls(DescribeImagesCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.args[0].input.Owners).toEqual(['898082745236']);
    expect(calls[0]!.args[0].input.Filters).toContainEqual({ Name: 'architecture', Values: ['x86_64'] });
    expect(calls[0]!.args[0].input.Filters).toContainEqual({ Name: 'state', Values: ['available'] });
  });

  it('says when no image matches', async () => {
    ec2Mock.on(DescribeImagesCommand).resolves({ Images: [] });
    const error = await rejectionOf(
      images().resolveImage('us-east-1', {
        kind: 'describe-images',
        owner: 'amazon',
        name_pattern: 'nope-*',
        architecture: 'arm64',
      }),
    );
    expect(error.kind).toBe('not-found');
    expect(error.message).toBe('No arm64 image named "nope-*" owned by amazon in us-east-1.');
  });
});

describe('SsmImages with a template’s own AMI (base: ami-based)', () => {
  const own = { kind: 'ami', image_id: 'ami-0c02fb55956c7d316', architecture: 'x86_64' } as const;

  it('checks that the AMI exists, is available and fits the architecture, then launches it as named', async () => {
    ec2Mock.on(DescribeImagesCommand).resolves({
      Images: [
        {
          ImageId: 'ami-0c02fb55956c7d316',
          Name: 'Deep Learning Base OSS Nvidia Driver GPU AMI (Ubuntu 22.04) 20250101',
          Architecture: 'x86_64',
          State: 'available',
          CreationDate: '2025-01-01T10:00:00.000Z',
        },
      ],
    });
    expect(await images().resolveImage('us-east-1', own)).toBe('ami-0c02fb55956c7d316');
    expect(ec2Mock.commandCalls(DescribeImagesCommand)[0]!.args[0].input).toEqual({
      ImageIds: ['ami-0c02fb55956c7d316'],
    });
  });

  it('names the AMI and the region when EC2 does not know it there', async () => {
    ec2Mock
      .on(DescribeImagesCommand)
      .rejects(
        awsServiceError('InvalidAMIID.NotFound', "The image id '[ami-0c02fb55956c7d316]' does not exist"),
      );
    const error = (await rejectionOf(images().resolveImage('eu-west-1', own))) as CloudError;
    expect(error).toBeInstanceOf(CloudError);
    expect(error.kind).toBe('not-found');
    expect(error.message).toBe(
      "The template's AMI ami-0c02fb55956c7d316 does not exist in eu-west-1, or is not shared with this account.",
    );
    expect(error.hint).toMatch(/ami_config\.amis/);
  });

  it('refuses an arm64 AMI for an x86_64 type and one that is not available yet', async () => {
    ec2Mock
      .on(DescribeImagesCommand)
      .resolvesOnce({ Images: [{ ImageId: own.image_id, Architecture: 'arm64', State: 'available' }] })
      .resolvesOnce({ Images: [{ ImageId: own.image_id, Architecture: 'x86_64', State: 'pending' }] });
    const port = images();
    expect(((await rejectionOf(port.resolveImage('us-east-1', own))) as CloudError).message).toBe(
      "The template's AMI ami-0c02fb55956c7d316 is arm64, but the instance type is x86_64.",
    );
    expect(((await rejectionOf(port.resolveImage('us-east-1', own))) as CloudError).message).toBe(
      "The template's AMI ami-0c02fb55956c7d316 in us-east-1 is pending, not available.",
    );
  });
});
