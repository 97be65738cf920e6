import {
  CreateSecurityGroupCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DescribeSubnetsCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { DescribeFileSystemsCommand, EFSClient } from '@aws-sdk/client-efs';
import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { ListDomainsCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { GetServiceQuotaCommand, ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsDoctorProbes } from '../../../source/aws/doctor/awsDoctorProbes.js';
import { awsServiceError } from '../awsServiceError.js';

const iamMock = mockClient(IAMClient);
const quotasMock = mockClient(ServiceQuotasClient);
const ec2Mock = mockClient(EC2Client);
const ssmMock = mockClient(SSMClient);
const efsMock = mockClient(EFSClient);
const sageMakerMock = mockClient(SageMakerClient);
const probes = () =>
  awsDoctorProbes({ credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' }, maxAttempts: 1 });

beforeEach(() => {
  iamMock.reset();
  quotasMock.reset();
  for (const mock of [ec2Mock, ssmMock, efsMock, sageMakerMock]) mock.reset();
});

/** EC2's answers to DryRun requests, as the API sends them. */
const dryRunAllowed = () =>
  awsServiceError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
const unauthorized = () =>
  awsServiceError(
    'UnauthorizedOperation',
    'You are not authorized to perform this operation. User: arn:aws:sts::123456789012:assumed-role/LabMember/ana is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:eu-west-1:123456789012:instance/* with an explicit deny in a service control policy. Encoded authorization failure message: AbCdEf',
    403,
  );

describe('awsDoctorProbes', () => {
  it('reads IAM simulation decisions per action', async () => {
    iamMock.on(SimulatePrincipalPolicyCommand).resolves({
      EvaluationResults: [
        { EvalActionName: 'ec2:RunInstances', EvalDecision: 'implicitDeny' },
        { EvalActionName: 'ec2:DescribeInstances', EvalDecision: 'allowed' },
      ],
    });
    expect(
      await probes().simulate('arn:aws:iam::123456789012:role/LabMember', [
        'ec2:RunInstances',
        'ec2:DescribeInstances',
      ]),
    ).toEqual({
      'ec2:RunInstances': false,
      'ec2:DescribeInstances': true,
    });
    expect(iamMock.commandCalls(SimulatePrincipalPolicyCommand)[0]?.args[0].input.PolicySourceArn).toBe(
      'arn:aws:iam::123456789012:role/LabMember',
    );
  });

  it('reads a vCPU quota, and names the call when it is refused', async () => {
    quotasMock.on(GetServiceQuotaCommand).resolves({ Quota: { QuotaCode: 'L-1216C47A', Value: 32 } });
    expect(await probes().quota('eu-west-1', 'ec2', 'L-1216C47A')).toBe(32);
    quotasMock
      .on(GetServiceQuotaCommand)
      .rejects(Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException' }));
    await expect(probes().quota('eu-west-1', 'ec2', 'L-1216C47A')).rejects.toThrow(
      'Not permitted: servicequotas:GetServiceQuota in eu-west-1.',
    );
  });

  it('without IAM simulation: EC2 dry runs and one-item reads answer allowed, denied or unknown', async () => {
    ssmMock.on(GetParameterCommand).resolves({
      Parameter: {
        Name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
        Value: 'ami-0abcdef1234567890',
      },
    });
    ec2Mock
      .on(RunInstancesCommand)
      .rejects(unauthorized())
      .on(DescribeInstancesCommand)
      .rejects(dryRunAllowed())
      .on(DescribeInstanceTypesCommand)
      .rejects(dryRunAllowed())
      .on(DescribeSubnetsCommand)
      .resolves({ Subnets: [{ SubnetId: 'subnet-0aaa1111bbbb2222c', VpcId: 'vpc-0lz' }] })
      .on(CreateSecurityGroupCommand)
      .rejects(awsServiceError('InvalidVpcID.NotFound', "The vpc ID 'vpc-0lz' does not exist"));
    efsMock
      .on(DescribeFileSystemsCommand)
      .rejects(Object.assign(awsServiceError('AccessDeniedException', 'not authorized', 403), {}));
    sageMakerMock.on(ListDomainsCommand).resolves({ Domains: [] });
    const dryRun = probes().dryRun;
    const subnet = 'subnet-0aaa1111bbbb2222c';
    expect(await dryRun('eu-west-1', 'ec2:RunInstances', subnet)).toBe(false);
    expect(await dryRun('eu-west-1', 'ec2:CreateTags', subnet)).toBe(false);
    expect(await dryRun('eu-west-1', 'ec2:DescribeInstances')).toBe(true);
    expect(await dryRun('eu-west-1', 'ec2:DescribeInstanceTypes')).toBe(true);
    expect(await dryRun('eu-west-1', 'ec2:CreateSecurityGroup', subnet)).toBeUndefined();
    expect(await dryRun('eu-west-1', 'elasticfilesystem:DescribeFileSystems')).toBe(false);
    expect(await dryRun('eu-west-1', 'sagemaker:ListDomains')).toBe(true);
    expect(await dryRun('eu-west-1', 'iam:PassRole')).toBeUndefined();
    // One tagged launch dry run in the recorded subnet answers for RunInstances and CreateTags.
    const launches = ec2Mock.commandCalls(RunInstancesCommand);
    expect(launches).toHaveLength(1);
    expect(launches[0]?.args[0].input).toMatchObject({
      DryRun: true,
      ImageId: 'ami-0abcdef1234567890',
      SubnetId: subnet,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'cws:managed', Value: 'true' }] }],
    });
    expect(ec2Mock.commandCalls(CreateSecurityGroupCommand)[0]?.args[0].input).toMatchObject({
      DryRun: true,
      VpcId: 'vpc-0lz',
    });
  });
});
