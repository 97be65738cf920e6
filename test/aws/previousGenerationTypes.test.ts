import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeInstanceTypesCommand,
  EC2Client,
  type InstanceTypeInfo as Ec2InstanceTypeInfo,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ec2Compute } from '../../source/aws/ec2Compute.js';
import { findInstanceType } from '../../source/core/catalog/instanceTypes.js';

const ec2Mock = mockClient(EC2Client);
const ec2 = (region: string) =>
  new EC2Client({
    region,
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
  });

/** DescribeInstanceTypes as EC2 answers for two still-sold previous-generation-era types. */
const r5Large: Ec2InstanceTypeInfo = {
  InstanceType: 'r5.large',
  CurrentGeneration: true,
  SupportedUsageClasses: ['on-demand', 'spot'],
  ProcessorInfo: { SupportedArchitectures: ['x86_64'], SustainedClockSpeedInGhz: 3.1 },
  VCpuInfo: { DefaultVCpus: 2, DefaultCores: 1, DefaultThreadsPerCore: 2 },
  MemoryInfo: { SizeInMiB: 16384 },
  HibernationSupported: true,
  Hypervisor: 'nitro',
};
const p32xlarge: Ec2InstanceTypeInfo = {
  InstanceType: 'p3.2xlarge',
  CurrentGeneration: true,
  ProcessorInfo: { SupportedArchitectures: ['x86_64'] },
  VCpuInfo: { DefaultVCpus: 8 },
  MemoryInfo: { SizeInMiB: 62464 },
  GpuInfo: {
    Gpus: [{ Name: 'V100', Manufacturer: 'NVIDIA', Count: 1, MemoryInfo: { SizeInMiB: 16384 } }],
    TotalGpuMemoryInMiB: 16384,
  },
  HibernationSupported: false,
  Hypervisor: 'xen',
};
const t2Micro: Ec2InstanceTypeInfo = {
  InstanceType: 't2.micro',
  CurrentGeneration: true,
  ProcessorInfo: { SupportedArchitectures: ['i386', 'x86_64'] },
  VCpuInfo: { DefaultVCpus: 1 },
  MemoryInfo: { SizeInMiB: 1024 },
  HibernationSupported: true,
  Hypervisor: 'xen',
};

let cacheDir: string;
beforeEach(async () => {
  ec2Mock.reset();
  cacheDir = await mkdtemp(join(tmpdir(), 'cws-prevgen-'));
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

describe('previous-generation types from DescribeInstanceTypes', () => {
  it('are read from EC2 when credentials allow, and agree with the shipped catalog', async () => {
    ec2Mock.on(DescribeInstanceTypesCommand).resolves({ InstanceTypes: [r5Large, p32xlarge, t2Micro] });
    const compute = new Ec2Compute({ ec2, cacheDir });
    const types = await compute.describeInstanceTypes('us-east-1', ['r5.large', 'p3.2xlarge', 't2.micro']);
    expect(ec2Mock.commandCalls(DescribeInstanceTypesCommand)[0]!.args[0].input).toEqual({
      InstanceTypes: ['r5.large', 'p3.2xlarge', 't2.micro'],
    });
    expect(types).toEqual([
      {
        name: 'r5.large',
        vcpus: 2,
        memory_gib: 16,
        gpus: 0,
        architecture: 'x86_64',
        hibernation_supported: true,
      },
      {
        name: 'p3.2xlarge',
        vcpus: 8,
        memory_gib: 61,
        gpus: 1,
        gpu_model: 'NVIDIA V100',
        architecture: 'x86_64',
        hibernation_supported: false,
      },
      {
        name: 't2.micro',
        vcpus: 1,
        memory_gib: 1,
        gpus: 0,
        architecture: 'x86_64',
        hibernation_supported: true,
      },
    ]);
    for (const type of types) {
      const shipped = findInstanceType(type.name);
      expect(shipped, type.name).toMatchObject({
        vcpus: type.vcpus,
        memory_gib: type.memory_gib,
        gpus: type.gpus,
        architecture: type.architecture,
      });
    }
  });
});
