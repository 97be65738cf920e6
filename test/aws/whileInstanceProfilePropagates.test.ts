import { DescribeImagesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { Ec2Compute } from '../../source/aws/ec2Compute.js';
import { translateAwsError } from '../../source/aws/translateAwsError.js';
import { whileInstanceProfilePropagates } from '../../source/aws/whileInstanceProfilePropagates.js';
import { awsServiceError } from './awsServiceError.js';
import { ec2Instance, runRequest } from './ec2Fixtures.js';
import { rejectionOf } from './rejectionOf.js';

const PROFILE_ARN = 'arn:aws:iam::123456789012:instance-profile/cws-tui/cws-tui-workstation';
const unknownProfile = () =>
  awsServiceError(
    'InvalidParameterValue',
    `Value (${PROFILE_ARN}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`,
  );
const translated = (error: unknown) =>
  translateAwsError(error, { action: 'ec2:RunInstances', region: 'us-east-1' });
const NO_WAIT = [0, 0, 0];

describe('whileInstanceProfilePropagates', () => {
  it('retries while EC2 does not know the instance profile yet, then returns the result', async () => {
    let attempts = 0;
    const result = await whileInstanceProfilePropagates(
      PROFILE_ARN,
      async () => {
        attempts += 1;
        if (attempts < 3) throw translated(unknownProfile());
        return 'i-0abc';
      },
      NO_WAIT,
    );
    expect(result).toBe('i-0abc');
    expect(attempts).toBe(3);
  });

  it('gives up after the last wait and says what to check', async () => {
    let attempts = 0;
    const error = await rejectionOf(
      whileInstanceProfilePropagates('lab-workstations', async () => {
        attempts += 1;
        throw translated(
          awsServiceError(
            'InvalidParameterValue',
            'Value (lab-workstations) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name',
          ),
        );
      }, [0, 0]),
    );
    expect(attempts).toBe(3);
    expect(error.kind).toBe('invalid-parameter');
    expect(error.message).toContain('EC2 does not accept the instance profile lab-workstations');
    expect(error.hint).toContain('CWS_INSTANCE_PROFILE');
    expect(error.hint).toContain('under exactly that name');
  });

  it('passes any other error through at once', async () => {
    let attempts = 0;
    const error = await rejectionOf(
      whileInstanceProfilePropagates(
        PROFILE_ARN,
        async () => {
          attempts += 1;
          throw translated(
            awsServiceError(
              'InvalidParameterValue',
              'Value (x9.huge) for parameter instanceType is invalid.',
            ),
          );
        },
        NO_WAIT,
      ),
    );
    expect(attempts).toBe(1);
    expect(error.message).toContain('instanceType');
  });

  it('does not retry a request that names no instance profile', async () => {
    let attempts = 0;
    await rejectionOf(
      whileInstanceProfilePropagates(
        undefined,
        async () => {
          attempts += 1;
          throw translated(unknownProfile());
        },
        NO_WAIT,
      ),
    );
    expect(attempts).toBe(1);
  });
});

describe('Ec2Compute with an instance profile', () => {
  const ec2Mock = mockClient(EC2Client);
  const client = new EC2Client({
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
  });
  const compute = () => new Ec2Compute({ ec2: () => client, instanceProfileRetryDelaysMs: NO_WAIT });

  beforeEach(() => {
    ec2Mock.reset();
    ec2Mock
      .on(DescribeImagesCommand)
      .resolves({ Images: [{ ImageId: 'ami-0c7217cdde317cfec', RootDeviceName: '/dev/xvda' }] });
  });

  it('sends an ARN as IamInstanceProfile.Arn and a name as IamInstanceProfile.Name', async () => {
    ec2Mock.on(RunInstancesCommand).resolves({ Instances: [ec2Instance()] });
    await compute().runInstance(runRequest({ iam_instance_profile: PROFILE_ARN }));
    await compute().runInstance(runRequest({ iam_instance_profile: 'lab-workstations' }));
    const sent = ec2Mock
      .commandCalls(RunInstancesCommand)
      .map((call) => call.args[0].input.IamInstanceProfile);
    expect(sent).toEqual([{ Arn: PROFILE_ARN }, { Name: 'lab-workstations' }]);
  });

  it('retries RunInstances with the same client token while a fresh profile propagates', async () => {
    ec2Mock
      .on(RunInstancesCommand)
      .rejectsOnce(unknownProfile())
      .rejectsOnce(unknownProfile())
      .resolves({ Instances: [ec2Instance()] });
    const instance = await compute().runInstance(runRequest({ iam_instance_profile: PROFILE_ARN }));
    expect(instance.id).toBe(ec2Instance().InstanceId);
    const tokens = ec2Mock.commandCalls(RunInstancesCommand).map((call) => call.args[0].input.ClientToken);
    expect(tokens).toEqual(['launch-7f3a', 'launch-7f3a', 'launch-7f3a']);
  });

  it('retries the DryRun permission check the same way', async () => {
    ec2Mock
      .on(RunInstancesCommand)
      .rejectsOnce(unknownProfile())
      .rejects(
        awsServiceError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412),
      );
    await compute().checkLaunchPermission(runRequest({ iam_instance_profile: PROFILE_ARN }));
    expect(ec2Mock.commandCalls(RunInstancesCommand)).toHaveLength(2);
  });

  it('names iam:PassRole when the user may not hand the role to EC2', async () => {
    ec2Mock
      .on(RunInstancesCommand)
      .rejects(
        awsServiceError(
          'UnauthorizedOperation',
          'You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/ana is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/cws-tui/cws-tui-workstation because no identity-based policy allows the iam:PassRole action. Encoded authorization failure message: AbCdEf',
          403,
        ),
      );
    const error = await rejectionOf(compute().runInstance(runRequest({ iam_instance_profile: PROFILE_ARN })));
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toBe('Not permitted: iam:PassRole in us-east-1.');
    expect(error.hint).toContain('allow iam:PassRole');
    expect(error.hint).toContain('needed by ec2:RunInstances');
    expect(ec2Mock.commandCalls(RunInstancesCommand)).toHaveLength(1);
  });
});
