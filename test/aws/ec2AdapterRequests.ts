import {
  AttachInternetGatewayCommand,
  AttachVolumeCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateImageCommand,
  CreateInternetGatewayCommand,
  CreateReplaceRootVolumeTaskCommand,
  CreateRouteCommand,
  CreateSecurityGroupCommand,
  CreateSnapshotCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateVolumeCommand,
  CreateVpcCommand,
  DeleteSnapshotCommand,
  DeleteTagsCommand,
  DeleteVolumeCommand,
  DescribeAvailabilityZonesCommand,
  DescribeImagesCommand,
  DescribeInternetGatewaysCommand,
  DescribeKeyPairsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSnapshotsCommand,
  DescribeSpotPriceHistoryCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  DetachVolumeCommand,
  ImportKeyPairCommand,
  ModifyInstanceAttributeCommand,
  ModifySubnetAttributeCommand,
  ModifyVpcAttributeCommand,
  type ResourceType,
  RevokeSecurityGroupIngressCommand,
} from '@aws-sdk/client-ec2';

const INSTANCE = 'i-0a1b2c3d4e5f60718';
const VPC = 'vpc-0c1d2e3f4a5b6c7d8';
const managedTags = [{ Key: 'cws:managed', Value: 'true' }];
const tagged = (ResourceType: ResourceType) => [
  { ResourceType, Tags: [...managedTags, { Key: 'Name', Value: 'cws-tui' }] },
];
const filter = (Name: string, ...Values: string[]) => ({ Name, Values });

/** Each command the EBS, instance-change, spot-price and network adapters send to EC2, shaped as they send it. */
export const ec2Requests = [
  new DescribeVolumesCommand({ Filters: [filter('tag:cws:managed', 'true')] }),
  new CreateVolumeCommand({
    AvailabilityZone: 'us-east-1a',
    Size: 100,
    VolumeType: 'gp3',
    Iops: 4000,
    Throughput: 250,
    SnapshotId: 'snap-0a1b2c3d4e5f60718',
    Encrypted: true,
    ClientToken: 'cws-8d2f',
    TagSpecifications: tagged('volume'),
  }),
  new AttachVolumeCommand({ VolumeId: 'vol-0a1b', InstanceId: INSTANCE, Device: '/dev/sdf' }),
  new DetachVolumeCommand({ VolumeId: 'vol-0a1b', InstanceId: INSTANCE }),
  new DeleteVolumeCommand({ VolumeId: 'vol-0a1b' }),
  new DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: [filter('tag:cws:managed', 'true')] }),
  new CreateSnapshotCommand({
    VolumeId: 'vol-0a1b',
    Description: 'before upgrade',
    TagSpecifications: tagged('snapshot'),
  }),
  new DeleteSnapshotCommand({ SnapshotId: 'snap-0a1b' }),
  new CreateReplaceRootVolumeTaskCommand({ InstanceId: INSTANCE, SnapshotId: 'snap-0a1b' }),
  new CreateImageCommand({
    InstanceId: INSTANCE,
    Name: 'genomics-2026-12-06',
    Description: 'cws-tui image',
    NoReboot: true,
    TagSpecifications: [...tagged('image'), ...tagged('snapshot')],
  }),
  new DescribeImagesCommand({ ImageIds: ['ami-0c7217cdde317cfec'] }),
  new ModifyInstanceAttributeCommand({ InstanceId: INSTANCE, InstanceType: { Value: 'm7i.xlarge' } }),
  new CreateTagsCommand({ Resources: [INSTANCE], Tags: [{ Key: 'cws:project', Value: 'genomics' }] }),
  new DeleteTagsCommand({ Resources: [INSTANCE], Tags: [{ Key: 'cws:project' }] }),
  new DescribeSpotPriceHistoryCommand({
    InstanceTypes: ['m7i.large'],
    ProductDescriptions: ['Linux/UNIX'],
    StartTime: new Date('2026-12-06T00:00:00Z'),
    AvailabilityZone: 'us-east-1a',
  }),
  new DescribeVpcsCommand({ Filters: [filter('tag:cws:managed', 'true')] }),
  new CreateVpcCommand({ CidrBlock: '10.42.0.0/16', TagSpecifications: tagged('vpc') }),
  new ModifyVpcAttributeCommand({ VpcId: VPC, EnableDnsHostnames: { Value: true } }),
  new DescribeVpcAttributeCommand({ VpcId: VPC, Attribute: 'enableDnsHostnames' }),
  new DescribeAvailabilityZonesCommand({
    Filters: [filter('state', 'available'), filter('zone-type', 'availability-zone')],
  }),
  new DescribeSubnetsCommand({ Filters: [filter('vpc-id', VPC)] }),
  new CreateSubnetCommand({
    VpcId: VPC,
    CidrBlock: '10.42.0.0/20',
    AvailabilityZone: 'us-east-1a',
    TagSpecifications: tagged('subnet'),
  }),
  new ModifySubnetAttributeCommand({ SubnetId: 'subnet-a', MapPublicIpOnLaunch: { Value: true } }),
  new DescribeRouteTablesCommand({ Filters: [filter('vpc-id', VPC), filter('association.main', 'true')] }),
  new CreateRouteCommand({
    RouteTableId: 'rtb-0a1b',
    DestinationCidrBlock: '0.0.0.0/0',
    GatewayId: 'igw-0a1b',
  }),
  new DescribeInternetGatewaysCommand({ Filters: [filter('attachment.vpc-id', VPC)] }),
  new CreateInternetGatewayCommand({ TagSpecifications: tagged('internet-gateway') }),
  new AttachInternetGatewayCommand({ InternetGatewayId: 'igw-0a1b', VpcId: VPC }),
  new DescribeVpcEndpointsCommand({}),
  new DescribeSecurityGroupRulesCommand({ Filters: [filter('group-id', 'sg-0ws')] }),
  new RevokeSecurityGroupIngressCommand({ GroupId: 'sg-0ws', SecurityGroupRuleIds: ['sgr-0old'] }),
  new AuthorizeSecurityGroupIngressCommand({
    GroupId: 'sg-0ws',
    IpPermissions: [
      {
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
        IpRanges: [{ CidrIp: '203.0.113.0/24', Description: 'cws-tui: ssh' }],
      },
      {
        IpProtocol: 'tcp',
        FromPort: 2049,
        ToPort: 2049,
        UserIdGroupPairs: [{ GroupId: 'sg-0ws', Description: 'cws-tui: nfs' }],
      },
    ],
    TagSpecifications: [{ ResourceType: 'security-group-rule', Tags: managedTags }],
  }),
  new ImportKeyPairCommand({
    KeyName: 'cws-tui-ana',
    PublicKeyMaterial: new TextEncoder().encode('ssh-ed25519 AAAAC3Nza ana@lab'),
    TagSpecifications: tagged('key-pair'),
  }),
  new DescribeKeyPairsCommand({ KeyNames: ['cws-tui-ana'], IncludePublicKey: true }),
];

/** CreateSecurityGroup's Description is GroupDescription on the wire. */
export const createSecurityGroup = {
  queryNames: { description: 'groupdescription' },
  command: new CreateSecurityGroupCommand({
    GroupName: 'cws-tui-workstations',
    Description: 'cws-tui workstations',
    VpcId: VPC,
    TagSpecifications: tagged('security-group'),
  }),
};
