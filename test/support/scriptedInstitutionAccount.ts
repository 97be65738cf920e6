import {
  CreateTagsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  type DescribeInstancesCommandInput,
  DescribeInstanceTypesCommand,
  type DescribeInstanceTypesCommandInput,
  EC2Client,
  GetConsoleOutputCommand,
  type Instance,
  RunInstancesCommand,
  type RunInstancesCommandInput,
} from '@aws-sdk/client-ec2';
import { DescribeFileSystemsCommand, EFSClient } from '@aws-sdk/client-efs';
import { IAMClient } from '@aws-sdk/client-iam';
import { GetProductsCommand, type GetProductsCommandInput, PricingClient } from '@aws-sdk/client-pricing';
import { ListDomainsCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import {
  GetServiceQuotaCommand,
  type GetServiceQuotaCommandInput,
  ServiceQuotasClient,
} from '@aws-sdk/client-service-quotas';
import {
  GetParameterCommand,
  type GetParameterCommandInput,
  ParameterNotFound,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { awsServiceError } from '../aws/awsServiceError.js';
import { ScriptedIam } from './ScriptedIam.js';
import { ScriptedEc2Network } from './scriptedEc2Network.js';

export const ACCOUNT_ID = '210987654321';
/** An IAM Identity Center session, as institutions hand them out. */
export const CALLER_ARN = `arn:aws:sts::${ACCOUNT_ID}:assumed-role/AWSReservedSSO_Researcher_0a1b2c3d4e5f6a7b/ana@uni.example`;
const AMI = 'ami-0e2c8caa4b6378d8c';

/** EC2's answer to a permitted DryRun request. */
export const dryRunOperation = () =>
  awsServiceError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);

/** One Price List product in eu-west-2, as GetProducts returns it (a JSON string). */
function priceListProduct(attributes: Record<string, string>, unit: string, usd: number): string {
  return JSON.stringify({
    product: { attributes: { ...attributes, regionCode: 'eu-west-2' } },
    terms: {
      OnDemand: {
        term: {
          effectiveDate: '2026-11-01T00:00:00Z',
          priceDimensions: { dimension: { unit, pricePerUnit: { USD: String(usd) } } },
        },
      },
    },
  });
}

/**
 * One institution's AWS account, scripted behind aws-sdk-client-mock: no default VPC, no role for
 * workstations yet, and the answers (ids, filters, error codes) EC2, IAM, SSM, STS, Service
 * Quotas and the Price List give as the app creates what it needs. Nothing leaves the machine.
 */
export class ScriptedInstitutionAccount {
  readonly ec2 = mockClient(EC2Client);
  readonly iam = mockClient(IAMClient);
  readonly ssm = mockClient(SSMClient);
  readonly sts = mockClient(STSClient);
  readonly quotas = mockClient(ServiceQuotasClient);
  readonly pricing = mockClient(PricingClient);
  readonly efs = mockClient(EFSClient);
  readonly sagemaker = mockClient(SageMakerClient);
  network: ScriptedEc2Network;
  instances: Instance[] = [];
  /** Roles, instance profiles and the policy simulator (`identity.maySimulate = false` denies it). */
  identity = new ScriptedIam(ACCOUNT_ID, CALLER_ARN);
  /** The secrets the workstations stored at boot, by parameter name. */
  parameters = new Map<string, string>();

  constructor(readonly region: string) {
    this.network = new ScriptedEc2Network(region);
  }

  /** Starts the account afresh: nothing made, simulation allowed, every mock re-scripted. */
  install(): this {
    this.network = new ScriptedEc2Network(this.region);
    this.instances = [];
    this.identity = new ScriptedIam(ACCOUNT_ID, CALLER_ARN);
    this.parameters = new Map();
    for (const mock of [
      this.ec2,
      this.iam,
      this.ssm,
      this.sts,
      this.quotas,
      this.pricing,
      this.efs,
      this.sagemaker,
    ])
      mock.reset();
    this.network.install(this.ec2);
    this.sts
      .on(GetCallerIdentityCommand)
      .resolves({ Account: ACCOUNT_ID, Arn: CALLER_ARN, UserId: 'AROAEXAMPLE:ana@uni.example' });
    this.quotas.on(GetServiceQuotaCommand).callsFake(async (input: GetServiceQuotaCommandInput) => ({
      Quota: { QuotaCode: input.QuotaCode, Value: input.QuotaCode === 'L-1216C47A' ? 64 : 0 },
    }));
    this.pricing.on(GetProductsCommand).callsFake(async (input: GetProductsCommandInput) => {
      const storage = input.Filters?.some((filter) => filter.Value === 'Storage');
      return {
        PriceList: [
          storage
            ? priceListProduct({ volumeApiName: 'gp3' }, 'GB-Mo', 0.0928)
            : priceListProduct({ instanceType: 't3.large' }, 'Hrs', 0.0944),
        ],
      };
    });
    this.efs.on(DescribeFileSystemsCommand).resolves({ FileSystems: [] });
    this.sagemaker.on(ListDomainsCommand).resolves({ Domains: [] });
    this.identity.install(this.iam);
    this.installCompute();
    this.ssm.on(GetParameterCommand).callsFake(async (input: GetParameterCommandInput) => {
      const name = input.Name ?? '';
      if (name.startsWith('/aws/service/')) return { Parameter: { Name: name, Type: 'String', Value: AMI } };
      const value = this.parameters.get(name);
      if (value === undefined)
        throw new ParameterNotFound({ message: '', $metadata: { httpStatusCode: 400 } });
      return { Parameter: { Name: name, Type: 'SecureString', Value: value } };
    });
    return this;
  }

  private installCompute(): void {
    this.ec2.on(DescribeInstanceTypesCommand).callsFake(async (input: DescribeInstanceTypesCommandInput) => {
      if (input.DryRun) throw dryRunOperation();
      return {
        InstanceTypes: [
          {
            InstanceType: 't3.large',
            VCpuInfo: { DefaultVCpus: 2 },
            MemoryInfo: { SizeInMiB: 8192 },
            ProcessorInfo: { SupportedArchitectures: ['x86_64'] },
            HibernationSupported: true,
          },
        ],
      };
    });
    this.ec2.on(DescribeImagesCommand).resolves({
      Images: [{ ImageId: AMI, RootDeviceName: '/dev/sda1', Architecture: 'x86_64', State: 'available' }],
    });
    this.ec2.on(RunInstancesCommand).callsFake(async (input: RunInstancesCommandInput) => {
      // Without a default VPC EC2 needs a subnet: exactly what a landing-zone account answers.
      if (!input.SubnetId) {
        throw awsServiceError('VPCIdNotSpecified', 'No default VPC for this user');
      }
      if (input.DryRun)
        throw awsServiceError(
          'DryRunOperation',
          'Request would have succeeded, but DryRun flag is set.',
          412,
        );
      const subnet = this.network.subnets.find((candidate) => candidate.SubnetId === input.SubnetId);
      const existing = this.instances.find((instance) => instance.ClientToken === input.ClientToken);
      if (existing) return { Instances: [existing] };
      const instance: Instance = {
        InstanceId: this.network.id('i'),
        ImageId: input.ImageId,
        InstanceType: input.InstanceType,
        Architecture: 'x86_64',
        KeyName: input.KeyName,
        LaunchTime: new Date(),
        Placement: { AvailabilityZone: subnet?.AvailabilityZone, Tenancy: 'default' },
        PrivateIpAddress: '10.42.3.17',
        PublicIpAddress: subnet?.MapPublicIpOnLaunch ? '54.210.33.7' : undefined,
        SubnetId: input.SubnetId,
        VpcId: subnet?.VpcId,
        State: { Code: 0, Name: 'pending' },
        ClientToken: input.ClientToken,
        RootDeviceName: '/dev/sda1',
        IamInstanceProfile: { Arn: input.IamInstanceProfile?.Arn, Id: 'AIPAWORKSTATIONPROF01' },
        SecurityGroups: (input.SecurityGroupIds ?? []).map((GroupId) => ({
          GroupId,
          GroupName: 'cws-tui-workstations',
        })),
        Tags: input.TagSpecifications?.find((spec) => spec.ResourceType === 'instance')?.Tags ?? [],
      };
      this.instances.push({ ...instance, State: { Code: 16, Name: 'running' } });
      // EC2 answers pending; the first describe after it already sees the instance running.
      return { Instances: [instance] };
    });
    this.ec2.on(DescribeInstancesCommand).callsFake(async (input: DescribeInstancesCommandInput) => {
      if (input.DryRun) throw dryRunOperation();
      const found = this.instances.filter((instance) => {
        const fields: Record<string, string[]> = {
          'client-token': [instance.ClientToken ?? ''],
          'instance-id': [instance.InstanceId ?? ''],
        };
        return (
          (!input.InstanceIds || input.InstanceIds.includes(instance.InstanceId ?? '')) &&
          (input.Filters ?? []).every((filter) => {
            const have = filter.Name?.startsWith('tag:')
              ? (instance.Tags ?? [])
                  .filter((tag) => tag.Key === filter.Name?.slice(4))
                  .map((tag) => tag.Value ?? '')
              : (fields[filter.Name ?? ''] ?? []);
            return have.some((value) => (filter.Values ?? []).includes(value));
          })
        );
      });
      return {
        Reservations: found.length > 0 ? [{ Instances: found.map((instance) => ({ ...instance })) }] : [],
      };
    });
    this.ec2.on(CreateTagsCommand).resolves({});
    this.ec2.on(GetConsoleOutputCommand).resolves({ Output: '' });
  }
}
