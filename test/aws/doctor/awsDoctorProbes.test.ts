import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetServiceQuotaCommand, ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsDoctorProbes } from '../../../source/aws/doctor/awsDoctorProbes.js';

const iamMock = mockClient(IAMClient);
const quotasMock = mockClient(ServiceQuotasClient);
const probes = () =>
  awsDoctorProbes({ credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' }, maxAttempts: 1 });

beforeEach(() => {
  iamMock.reset();
  quotasMock.reset();
});

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
});
