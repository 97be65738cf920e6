import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  GetInstanceProfileCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { beforeEach, describe, expect, it } from 'vitest';
import { IamEmrJobRole } from '../../../source/aws/emr/ensureEmrJobRole.js';
import { appRoleArn, iam, iamMock, mockFreshAppRoles, noSuchEntity } from '../iamFixtures.js';

const arn = appRoleArn;

beforeEach(() => {
  mockFreshAppRoles();
  iamMock.on(GetInstanceProfileCommand).rejects(noSuchEntity('instance profile'));
  iamMock.on(CreateInstanceProfileCommand).resolves({
    InstanceProfile: {
      InstanceProfileName: 'cws-tui-emr-cluster-node',
      InstanceProfileId: 'AIPAEXAMPLE',
      Path: '/cws-tui/',
      Arn: 'arn:aws:iam::123456789012:instance-profile/cws-tui/cws-tui-emr-cluster-node',
      CreateDate: new Date(0),
      Roles: [],
    },
  });
  iamMock.on(AddRoleToInstanceProfileCommand).resolves({});
});

describe('the EMR cluster roles', () => {
  it("make EMR's service role with AWS's EMR policy, and the nodes' role in its instance profile, reaching only staging and data buckets", async () => {
    const roles = new IamEmrJobRole({ iam: () => iam, profile: 'lab' });
    const made = await roles.ensureClusterRoles(
      { bucket: 'cws-tui-staging-123456789012-us-east-1', key: 'bigdata/' },
      ['lab-data'],
    );
    expect(made).toEqual({
      service_role: arn('cws-tui-emr-cluster-service'),
      instance_profile: 'cws-tui-emr-cluster-node',
    });
    const trusts = Object.fromEntries(
      iamMock
        .commandCalls(CreateRoleCommand)
        .map((call) => [
          call.args[0].input.RoleName,
          JSON.parse(call.args[0].input.AssumeRolePolicyDocument!),
        ]),
    );
    expect(trusts['cws-tui-emr-cluster-service'].Statement[0].Principal).toEqual({
      Service: 'elasticmapreduce.amazonaws.com',
    });
    expect(trusts['cws-tui-emr-cluster-node'].Statement[0].Principal).toEqual({
      Service: 'ec2.amazonaws.com',
    });
    expect(iamMock.commandCalls(AttachRolePolicyCommand).map((call) => call.args[0].input)).toEqual([
      {
        RoleName: 'cws-tui-emr-cluster-service',
        PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonEMRServicePolicy_v2',
      },
    ]);
    const inline = iamMock.commandCalls(PutRolePolicyCommand).map((call) => call.args[0].input);
    expect(inline.map((input) => `${input.RoleName}/${input.PolicyName}`).sort()).toEqual([
      'cws-tui-emr-cluster-node/cws-data-lab-data',
      'cws-tui-emr-cluster-node/cws-staging',
    ]);
    expect(iamMock.commandCalls(AddRoleToInstanceProfileCommand)[0]!.args[0].input).toEqual({
      InstanceProfileName: 'cws-tui-emr-cluster-node',
      RoleName: 'cws-tui-emr-cluster-node',
    });
  });

  it('refuse an instance profile that carries someone else’s role, naming it', async () => {
    iamMock.on(GetInstanceProfileCommand).resolves({
      InstanceProfile: {
        InstanceProfileName: 'cws-tui-emr-cluster-node',
        InstanceProfileId: 'AIPAEXAMPLE',
        Path: '/cws-tui/',
        Arn: 'arn:aws:iam::123456789012:instance-profile/cws-tui/cws-tui-emr-cluster-node',
        CreateDate: new Date(0),
        Roles: [
          {
            RoleName: 'their-role',
            Path: '/',
            RoleId: 'AROAOTHER',
            Arn: arn('their-role'),
            CreateDate: new Date(0),
          },
        ],
      },
    });
    const roles = new IamEmrJobRole({ iam: () => iam });
    await expect(
      roles.ensureClusterRoles({ bucket: 'b-staging', key: 'bigdata/' }, []),
    ).rejects.toMatchObject({
      code: 'InstanceProfileHasOtherRole',
      hint: expect.stringContaining('Remove their-role'),
    });
  });
});
