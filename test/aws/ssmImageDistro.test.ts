import { DescribeImagesCommand, EC2Client, type Image } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SsmImages } from '../../source/aws/ssmImages.js';
import { CloudError } from '../../source/core/CloudError.js';
import { awsServiceError } from './awsServiceError.js';

const ec2Mock = mockClient(EC2Client);
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const images = () =>
  new SsmImages({
    ssm: (region) => new SSMClient({ region, credentials, maxAttempts: 1 }),
    ec2: (region) => new EC2Client({ region, credentials, maxAttempts: 1 }),
  });

/** DescribeImages answers as EC2 gives them for these public images (trimmed to the fields read). */
const image = (fields: Image): Image => ({
  Architecture: 'x86_64',
  State: 'available',
  ImageType: 'machine',
  Public: true,
  PlatformDetails: 'Linux/UNIX',
  UsageOperation: 'RunInstances',
  RootDeviceType: 'ebs',
  VirtualizationType: 'hvm',
  CreationDate: '2025-03-05T10:12:41.000Z',
  ...fields,
});

beforeEach(() => ec2Mock.reset());

describe('SsmImages.imageDistro', () => {
  it('reads the Linux from what the image says of itself', async () => {
    const cases: [Image, string | undefined][] = [
      [
        image({
          ImageId: 'ami-04b4f1a9cf54c11d0',
          OwnerId: '099720109477',
          Name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250305',
          Description: 'Canonical, Ubuntu, 24.04, amd64 noble image',
        }),
        'ubuntu',
      ],
      [
        image({
          ImageId: 'ami-05b10e08d247fb927',
          OwnerId: '137112412989',
          Name: 'al2023-ami-2023.6.20250303.0-kernel-6.1-x86_64',
          Description: 'Amazon Linux 2023 AMI 2023.6.20250303.0 x86_64 HVM kernel-6.1',
        }),
        'al2023',
      ],
      [
        image({
          ImageId: 'ami-0fcf1a5d0b3a8e5a3',
          OwnerId: '792107900819',
          Name: 'Rocky-9-EC2-Base-9.5-20241118.0.x86_64',
          Description: 'Rocky-9-EC2-Base-9.5-20241118.0.x86_64',
        }),
        'rocky',
      ],
      [
        image({
          ImageId: 'ami-0a7d80731ae1b2435',
          OwnerId: '898082745236',
          Name: 'Deep Learning OSS Nvidia Driver AMI GPU PyTorch 2.5.1 (Ubuntu 22.04) 20250302',
          Description:
            'Supported EC2 instances: G4dn, G5, G6, Gr6, G6e, P4, P4de, P5, P5e, P5en. PyTorch-2.5.1, Python 3.12',
        }),
        'ubuntu',
      ],
      [
        image({
          ImageId: 'ami-0c7af5fe939f2677f',
          OwnerId: '309956199498',
          PlatformDetails: 'Red Hat Enterprise Linux',
          UsageOperation: 'RunInstances:0010',
          Name: 'RHEL-9.5.0_HVM-20250128-x86_64-0-Hourly2-GP3',
          Description: 'Provided by Red Hat, Inc.',
        }),
        'rocky',
      ],
      // A lab's own image that names no Linux, and Amazon Linux 2 (not 2023): they do not say.
      [
        image({
          ImageId: 'ami-0123456789abcdef0',
          OwnerId: '111122223333',
          Public: false,
          Name: 'lab-image-2025-03',
          Description: 'Our analysis image',
        }),
        undefined,
      ],
      [
        image({
          ImageId: 'ami-0ebfd941bbafe70c6',
          OwnerId: '137112412989',
          Name: 'amzn2-ami-kernel-5.10-hvm-2.0.20250220.0-x86_64-gp2',
          Description: 'Amazon Linux 2 Kernel 5.10 AMI 2.0.20250220.0 x86_64 HVM gp2',
        }),
        undefined,
      ],
    ];
    for (const [answer, distro] of cases) {
      ec2Mock.reset();
      ec2Mock.on(DescribeImagesCommand, { ImageIds: [answer.ImageId!] }).resolves({ Images: [answer] });
      expect(await images().imageDistro('us-east-1', answer.ImageId!), answer.Name).toBe(distro);
    }
  });

  it('says nothing of an image it cannot see, and passes AWS errors on as cloud errors', async () => {
    ec2Mock.on(DescribeImagesCommand).resolves({ Images: [] });
    expect(await images().imageDistro('us-east-1', 'ami-0123456789abcdef0')).toBeUndefined();
    ec2Mock
      .on(DescribeImagesCommand)
      .rejects(awsServiceError('UnauthorizedOperation', 'You are not authorized to perform this operation.'));
    const error = await images()
      .imageDistro('us-east-1', 'ami-0123456789abcdef0')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudError);
    expect((error as CloudError).code).toBe('UnauthorizedOperation');
  });
});
