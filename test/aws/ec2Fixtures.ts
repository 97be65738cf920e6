import type { Instance as Ec2Instance } from '@aws-sdk/client-ec2';
import type { RunInstanceRequest } from '../../source/core/ports.js';

/** An instance as DescribeInstances returns one, launched by cws-tui. */
export function ec2Instance(overrides: Partial<Ec2Instance> = {}): Ec2Instance {
  return {
    InstanceId: 'i-0a1b2c3d4e5f60718',
    ImageId: 'ami-0c7217cdde317cfec',
    InstanceType: 'm7i.large',
    Architecture: 'x86_64',
    KeyName: 'cws-ana',
    LaunchTime: new Date('2026-11-25T09:14:02.000Z'),
    Placement: { AvailabilityZone: 'us-east-1b', Tenancy: 'default' },
    PrivateIpAddress: '172.31.20.14',
    PublicIpAddress: '3.91.22.107',
    State: { Code: 16, Name: 'running' },
    StateTransitionReason: '',
    SubnetId: 'subnet-0b2',
    VpcId: 'vpc-0d1',
    ClientToken: 'launch-7f3a',
    HibernationOptions: { Configured: false },
    MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled', State: 'applied' },
    RootDeviceName: '/dev/xvda',
    Tags: [
      { Key: 'Name', Value: 'ana-rstudio' },
      { Key: 'cws:managed', Value: 'true' },
      { Key: 'cws:template', Value: 'r-research' },
      { Key: 'cws:research-user', Value: 'ana' },
      { Key: 'cws:root-volume-gb', Value: '50' },
      { Key: 'cws:root-volume-type', Value: 'gp3' },
    ],
    ...overrides,
  };
}

export function runRequest(overrides: Partial<RunInstanceRequest> = {}): RunInstanceRequest {
  return {
    region: 'us-east-1',
    name: 'ana-rstudio',
    image_id: 'ami-0c7217cdde317cfec',
    instance_type: 'm7i.large',
    user_data_base64: Buffer.from('#!/bin/bash\necho cws:ready\n').toString('base64'),
    client_token: 'launch-7f3a',
    tags: {
      'cws:template': 'r-research',
      'cws:research-user': 'ana',
      'cws:owner': 'arn:aws:iam::123456789012:user/ana',
    },
    root_volume_gb: 50,
    root_volume_type: 'gp3',
    spot: false,
    hibernation: false,
    key_name: 'cws-ana',
    security_group_ids: ['sg-0aa'],
    ...overrides,
  };
}
