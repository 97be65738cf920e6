import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
  RevokeSecurityGroupIngressCommand,
  type SecurityGroupRule,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkSshCidr, Ec2Network, WORKSTATION_GROUP_NAME } from '../../source/aws/ec2Network.js';
import { awsServiceError } from './awsServiceError.js';
import { rejectionOf } from './rejectionOf.js';

const ec2Mock = mockClient(EC2Client);
const client = new EC2Client({
  region: 'us-east-1',
  maxAttempts: 1,
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
});
const network = () => new Ec2Network({ ec2: () => client });

function ingressRule(
  id: string,
  port: number,
  source: Partial<SecurityGroupRule>,
  description?: string,
): SecurityGroupRule {
  return {
    SecurityGroupRuleId: id,
    GroupId: 'sg-0old',
    GroupOwnerId: '123456789012',
    IsEgress: false,
    IpProtocol: 'tcp',
    FromPort: port,
    ToPort: port,
    ...source,
    ...(description ? { Description: description } : {}),
    Tags: [],
  };
}

function nfsRule(groupId: string): SecurityGroupRule {
  return {
    ...ingressRule('sgr-nfs', 2049, { ReferencedGroupInfo: { GroupId: groupId, UserId: '123456789012' } }),
    Description: 'NFS between cws-tui workstations',
    Tags: [{ Key: 'cws:managed', Value: 'true' }],
  };
}

function egressRule(groupId: string): SecurityGroupRule {
  return {
    SecurityGroupRuleId: 'sgr-egress',
    GroupId: groupId,
    IsEgress: true,
    IpProtocol: '-1',
    FromPort: -1,
    ToPort: -1,
    CidrIpv4: '0.0.0.0/0',
  };
}

beforeEach(() => {
  ec2Mock.reset();
  ec2Mock
    .on(DescribeVpcsCommand)
    .resolves({ Vpcs: [{ VpcId: 'vpc-0def', IsDefault: true, CidrBlock: '172.31.0.0/16' }] });
});

describe('Ec2Network.ensureSecurityGroup', () => {
  it('creates the tagged group in the default VPC with SSH from the CIDR and NFS between members only', async () => {
    ec2Mock
      .on(DescribeSecurityGroupsCommand)
      .resolves({ SecurityGroups: [] })
      .on(CreateSecurityGroupCommand)
      .resolves({ GroupId: 'sg-0new' })
      .on(DescribeSecurityGroupRulesCommand)
      .resolves({ SecurityGroupRules: [egressRule('sg-0new')] })
      .on(AuthorizeSecurityGroupIngressCommand)
      .resolves({ Return: true });
    const groupId = await network().ensureSecurityGroup('us-east-1', { ssh_cidr: '203.0.113.0/24' });
    expect(groupId).toBe('sg-0new');
    const create = ec2Mock.commandCalls(CreateSecurityGroupCommand)[0]!.args[0].input;
    expect(create.GroupName).toBe(WORKSTATION_GROUP_NAME);
    expect(create.VpcId).toBe('vpc-0def');
    expect(create.TagSpecifications?.[0]?.Tags).toContainEqual({ Key: 'cws:managed', Value: 'true' });
    const authorize = ec2Mock.commandCalls(AuthorizeSecurityGroupIngressCommand)[0]!.args[0].input;
    expect(authorize.IpPermissions).toEqual([
      {
        IpProtocol: 'tcp',
        FromPort: 2049,
        ToPort: 2049,
        UserIdGroupPairs: [{ GroupId: 'sg-0new', Description: 'NFS between cws-tui workstations' }],
      },
      {
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
        IpRanges: [{ CidrIp: '203.0.113.0/24', Description: 'SSH for cws-tui' }],
      },
    ]);
    // The rules are tagged, so that a later run knows which are the app's.
    expect(authorize.TagSpecifications).toEqual([
      { ResourceType: 'security-group-rule', Tags: [{ Key: 'cws:managed', Value: 'true' }] },
    ]);
    expect(JSON.stringify(authorize.IpPermissions)).not.toContain('0.0.0.0/0');
    expect(ec2Mock.commandCalls(RevokeSecurityGroupIngressCommand)).toHaveLength(0);
  });

  it('says the group is kept without its rules when adding them is refused; the next launch completes it', async () => {
    ec2Mock
      .on(DescribeSecurityGroupsCommand)
      .resolvesOnce({ SecurityGroups: [] })
      .resolves({
        SecurityGroups: [{ GroupId: 'sg-0new', GroupName: WORKSTATION_GROUP_NAME, VpcId: 'vpc-0def' }],
      })
      .on(CreateSecurityGroupCommand)
      .resolves({ GroupId: 'sg-0new' })
      .on(DescribeSecurityGroupRulesCommand)
      .resolves({ SecurityGroupRules: [egressRule('sg-0new')] })
      .on(AuthorizeSecurityGroupIngressCommand)
      .rejectsOnce(
        awsServiceError(
          'RulesPerSecurityGroupLimitExceeded',
          'The maximum number of rules per security group has been reached.',
        ),
      )
      .resolves({ Return: true });
    const ports = network();
    const error = await rejectionOf(ports.ensureSecurityGroup('us-east-1', { ssh_cidr: '203.0.113.0/24' }));
    expect(error.message).toContain(
      'The security group sg-0new is left without its rules for ports 2049 and 22; nothing was removed.',
    );
    expect(error.hint).toContain('The next launch adds it');
    expect(await ports.ensureSecurityGroup('us-east-1', { ssh_cidr: '203.0.113.0/24' })).toBe('sg-0new');
    expect(ec2Mock.commandCalls(CreateSecurityGroupCommand)).toHaveLength(1);
    expect(ec2Mock.commandCalls(AuthorizeSecurityGroupIngressCommand)).toHaveLength(2);
  });

  it('leaves a correct group alone and remembers it for the session', async () => {
    ec2Mock
      .on(DescribeSecurityGroupsCommand)
      .resolves({
        SecurityGroups: [{ GroupId: 'sg-0old', GroupName: WORKSTATION_GROUP_NAME, VpcId: 'vpc-0def' }],
      })
      .on(DescribeSecurityGroupRulesCommand)
      .resolves({ SecurityGroupRules: [nfsRule('sg-0old'), egressRule('sg-0old')] });
    const port = network();
    expect(await port.ensureSecurityGroup('us-east-1', {})).toBe('sg-0old');
    expect(await port.ensureSecurityGroup('us-east-1', {})).toBe('sg-0old');
    expect(ec2Mock.commandCalls(DescribeSecurityGroupsCommand)).toHaveLength(1);
    expect(ec2Mock.commandCalls(AuthorizeSecurityGroupIngressCommand)).toHaveLength(0);
    expect(ec2Mock.commandCalls(RevokeSecurityGroupIngressCommand)).toHaveLength(0);
  });

  it("removes only its own stale SSH rule and leaves an admin's hand-made rules alone", async () => {
    ec2Mock
      .on(DescribeSecurityGroupsCommand)
      .resolves({ SecurityGroups: [{ GroupId: 'sg-0old', VpcId: 'vpc-0def' }] })
      .on(DescribeSecurityGroupRulesCommand)
      .resolves({
        SecurityGroupRules: [
          nfsRule('sg-0old'),
          // An admin's rules: a web port for a workshop and their office's SSH range.
          ingressRule('sgr-admin-web', 8787, { CidrIpv4: '192.0.2.0/24' }, 'RStudio for the workshop'),
          ingressRule('sgr-admin-ssh', 22, { CidrIpv4: '198.51.100.0/24' }, 'office VPN'),
          // The app's earlier SSH range: tagged by it.
          {
            ...ingressRule('sgr-app-ssh', 22, { CidrIpv4: '203.0.113.0/24' }, 'SSH for cws-tui'),
            Tags: [{ Key: 'cws:managed', Value: 'true' }],
          },
        ],
      })
      .on(RevokeSecurityGroupIngressCommand)
      .resolves({ Return: true })
      .on(AuthorizeSecurityGroupIngressCommand)
      .rejects(awsServiceError('InvalidPermission.Duplicate', 'the specified rule already exists'));
    expect(await network().ensureSecurityGroup('us-east-1', { ssh_cidr: '203.0.113.7/32' })).toBe('sg-0old');
    expect(ec2Mock.commandCalls(RevokeSecurityGroupIngressCommand)[0]!.args[0].input).toEqual({
      GroupId: 'sg-0old',
      SecurityGroupRuleIds: ['sgr-app-ssh'],
    });
    expect(
      ec2Mock.commandCalls(AuthorizeSecurityGroupIngressCommand)[0]!.args[0].input.IpPermissions,
    ).toEqual([
      {
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
        IpRanges: [{ CidrIp: '203.0.113.7/32', Description: 'SSH for cws-tui' }],
      },
    ]);
  });

  it("uses an admin's own security group as is", async () => {
    expect(await network().ensureSecurityGroup('us-east-1', { security_group_id: 'sg-0admin' })).toBe(
      'sg-0admin',
    );
    expect(ec2Mock.calls()).toHaveLength(0);
  });

  it('uses the VPC of a configured subnet', async () => {
    ec2Mock
      .on(DescribeSubnetsCommand)
      .resolves({ Subnets: [{ SubnetId: 'subnet-priv', VpcId: 'vpc-0lab' }] })
      .on(DescribeSecurityGroupsCommand)
      .resolves({ SecurityGroups: [{ GroupId: 'sg-0lab', VpcId: 'vpc-0lab' }] })
      .on(DescribeSecurityGroupRulesCommand)
      .resolves({ SecurityGroupRules: [] })
      .on(AuthorizeSecurityGroupIngressCommand)
      .resolves({});
    expect(await network().ensureSecurityGroup('us-east-1', { subnet_id: 'subnet-priv' })).toBe('sg-0lab');
    expect(ec2Mock.commandCalls(DescribeSecurityGroupsCommand)[0]!.args[0].input.Filters).toContainEqual({
      Name: 'vpc-id',
      Values: ['vpc-0lab'],
    });
    expect(ec2Mock.commandCalls(DescribeVpcsCommand)).toHaveLength(0);
  });

  it('names the network commands for a subnet that does not exist', async () => {
    ec2Mock
      .on(DescribeSubnetsCommand)
      .rejects(awsServiceError('InvalidSubnetID.NotFound', "The subnet ID 'subnet-0gone' does not exist"));
    const error = await rejectionOf(
      network().ensureSecurityGroup('us-east-1', { subnet_id: 'subnet-0gone' }),
    );
    expect(error.message).toBe('The subnet subnet-0gone does not exist in us-east-1.');
    expect(error.hint).toContain('cws-tui network show --region us-east-1');
  });

  it('finds the group another bastion created in the same instant', async () => {
    ec2Mock
      .on(DescribeSecurityGroupsCommand)
      .resolvesOnce({ SecurityGroups: [] })
      .resolves({ SecurityGroups: [{ GroupId: 'sg-0race', VpcId: 'vpc-0def' }] })
      .on(DescribeSecurityGroupRulesCommand)
      .resolves({ SecurityGroupRules: [nfsRule('sg-0race')] })
      .on(CreateSecurityGroupCommand)
      .rejects(
        awsServiceError(
          'InvalidGroup.Duplicate',
          "The security group 'cws-tui-workstations' already exists for VPC 'vpc-0def'",
        ),
      );
    expect(await network().ensureSecurityGroup('us-east-1', {})).toBe('sg-0race');
  });

  it('refuses SSH from the whole internet and malformed CIDRs', async () => {
    expect(
      (await rejectionOf(network().ensureSecurityGroup('us-east-1', { ssh_cidr: '0.0.0.0/0' }))).code,
    ).toBe('SshOpenToWorld');
    expect((await rejectionOf(network().ensureSecurityGroup('us-east-1', { ssh_cidr: '::/0' }))).code).toBe(
      'SshOpenToWorld',
    );
    const malformed = await rejectionOf(
      network().ensureSecurityGroup('us-east-1', { ssh_cidr: '10.0.0.300/8' }),
    );
    expect(malformed.message).toContain('"10.0.0.300/8" is not a CIDR block');
    expect(ec2Mock.calls()).toHaveLength(0);
  });

  it('explains a region without a default VPC and names both network commands', async () => {
    ec2Mock.on(DescribeVpcsCommand).resolves({ Vpcs: [] });
    const error = await rejectionOf(network().ensureSecurityGroup('eu-north-1', {}));
    expect(error.message).toBe(
      'eu-north-1 has no default VPC and no subnet is recorded for this profile there.',
    );
    expect(error.hint).toContain('cws-tui network use <subnet-id> --region eu-north-1');
    expect(error.hint).toContain('cws-tui network create --region eu-north-1');
  });
});

describe('checkSshCidr', () => {
  it('accepts IPv4 and IPv6 networks and refuses the rest', () => {
    expect(() => checkSshCidr('203.0.113.7/32')).not.toThrow();
    expect(() => checkSshCidr('2001:db8::/48')).not.toThrow();
    for (const bad of [
      '203.0.113.7',
      '203.0.113.0/33',
      '2001:db8::/129',
      'campus',
      '10.0.0.0/8/1',
      '10.0.0.0/x',
    ]) {
      expect(() => checkSshCidr(bad), bad).toThrow(/is not a CIDR block/);
    }
  });
});
