import { DescribeSubnetsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { type EFSClient, TagResourceCommand } from '@aws-sdk/client-efs';
import {
  CreateDomainCommand,
  DeleteDomainCommand,
  DescribeDomainCommand,
  type DescribeDomainCommandOutput,
  paginateListDomains,
  type SageMakerClient,
  UpdateDomainCommand,
} from '@aws-sdk/client-sagemaker';
import { CloudError } from '../../core/CloudError.js';
import type { StudioDomain, StudioDomainRequest } from '../../core/ports.js';
import { STUDIO_DOMAIN_NAME } from '../../core/services/sageMakerNames.js';
import { retainedStudioHomeTags } from '../../core/services/studioHomeFileSystems.js';
import { callAws } from '../callAws.js';
import type { Ec2Network } from '../ec2Network.js';
import { toTagList } from '../tagList.js';
import type { AwsCallContext } from '../translateAwsError.js';
import { sageMakerTags } from './sageMakerTags.js';
import { studioDomainUpdate, studioUserSettings } from './studioDomainSettings.js';
import { studioDomainSubnets } from './studioDomainSubnets.js';
import { studioStatus } from './studioStatus.js';
import { callSageMaker } from './translateSageMakerError.js';
import { whileExecutionRolePropagates } from './whileExecutionRolePropagates.js';

export interface StudioDomainsOptions {
  sagemaker: (region: string) => SageMakerClient;
  ec2: (region: string) => EC2Client;
  /** Tags the home EFS a deleted domain leaves behind. */
  efs: (region: string) => EFSClient;
  network: Ec2Network;
  executionRole: (region: string) => Promise<string>;
  /** Waits while SageMaker cannot assume a fresh execution role yet (tests shorten them). */
  roleRetryDelaysMs?: readonly number[];
  context: (action: string, region: string) => AwsCallContext;
}

/** The app's SageMaker domain: found, created or brought up to date, described and deleted. */
export class StudioDomains {
  constructor(private readonly options: StudioDomainsOptions) {}

  async list(region: string): Promise<StudioDomain[]> {
    const client = this.options.sagemaker(region);
    const summaries = await callSageMaker(this.options.context('sagemaker:ListDomains', region), async () => {
      const all = [];
      for await (const page of paginateListDomains({ client }, {})) all.push(...(page.Domains ?? []));
      return all;
    });
    // Only the app's domain is described (home EFS, failure reason, tags): the others are listed
    // from their summary, which saves two calls per foreign domain on every refresh.
    return Promise.all(
      summaries.map((summary) =>
        summary.DomainName === STUDIO_DOMAIN_NAME
          ? this.describe(region, summary.DomainId ?? '')
          : {
              id: summary.DomainId ?? '',
              name: summary.DomainName ?? '',
              region,
              status: studioStatus(summary.Status),
              url: summary.Url ?? '',
              tags: {},
            },
      ),
    );
  }

  /** The app's domain: an existing one gets what it lacks of the settings the app relies on. */
  async ensure(region: string, request: StudioDomainRequest): Promise<StudioDomain> {
    const existing = (await this.list(region)).find(
      (domain) => domain.name === request.name && domain.status !== 'Deleting',
    );
    if (existing) {
      if (existing.status !== 'InService') return existing;
      const update = studioDomainUpdate(await this.describeRaw(region, existing.id));
      if (!update) return existing;
      await callSageMaker(this.options.context('sagemaker:UpdateDomain', region), () =>
        this.options.sagemaker(region).send(new UpdateDomainCommand(update)),
      );
      return this.describe(region, existing.id);
    }
    const vpcId = await this.options.network.vpcFor(region, undefined);
    const subnets = await callSageMaker(this.options.context('ec2:DescribeSubnets', region), () =>
      this.options
        .ec2(region)
        .send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] })),
    );
    const subnetIds = studioDomainSubnets(subnets.Subnets ?? []);
    if (subnetIds.length === 0) {
      throw new CloudError({
        kind: 'not-found',
        code: 'NoSubnets',
        message: `the VPC ${vpcId} in ${region} has no subnet in an Availability Zone SageMaker Studio supports`,
        hint: 'Create a subnet in another Availability Zone of the VPC, or configure another VPC for the profile.',
      });
    }
    const role = request.execution_role_arn ?? (await this.options.executionRole(region));
    const created = await whileExecutionRolePropagates(
      role,
      () =>
        callSageMaker(this.options.context('sagemaker:CreateDomain', region), () =>
          this.options.sagemaker(region).send(
            new CreateDomainCommand({
              DomainName: request.name,
              AuthMode: 'IAM',
              VpcId: vpcId,
              SubnetIds: subnetIds,
              AppNetworkAccessType: 'PublicInternetOnly',
              DefaultUserSettings: studioUserSettings(role),
              DefaultSpaceSettings: { ExecutionRole: role },
              // SageMaker API Reference, CreateDomain TagPropagation: copies the domain's custom tags
              // to the resources SageMaker creates for it, so billing sees cws:managed on them.
              TagPropagation: 'ENABLED',
              Tags: toTagList(request.tags),
            }),
          ),
        ),
      this.options.roleRetryDelaysMs,
    );
    const domainId = created.DomainArn?.split('/').pop() ?? '';
    return this.describe(region, domainId);
  }

  /**
   * DeleteDomain with RetentionPolicy Retain keeps the home EFS (SageMaker API Reference,
   * RetentionPolicy: the users' files stay), after which no SageMaker call names it any more. Its id
   * (DescribeDomain HomeEfsFileSystemId) is therefore read and the file system tagged first; the
   * domain is not deleted when that fails, so nothing is left unlisted.
   */
  async delete(region: string, domainId: string): Promise<{ retained_home_efs_file_system_id?: string }> {
    const described = await this.describeRaw(region, domainId);
    const home = described.HomeEfsFileSystemId;
    if (home) {
      await callAws(this.options.context('elasticfilesystem:TagResource', region), () =>
        this.options
          .efs(region)
          .send(
            new TagResourceCommand({ ResourceId: home, Tags: toTagList(retainedStudioHomeTags(domainId)) }),
          ),
      );
    }
    await callSageMaker(this.options.context('sagemaker:DeleteDomain', region), () =>
      this.options
        .sagemaker(region)
        .send(
          new DeleteDomainCommand({ DomainId: domainId, RetentionPolicy: { HomeEfsFileSystem: 'Retain' } }),
        ),
    );
    return home ? { retained_home_efs_file_system_id: home } : {};
  }

  private describeRaw(region: string, domainId: string): Promise<DescribeDomainCommandOutput> {
    return callSageMaker(this.options.context('sagemaker:DescribeDomain', region), () =>
      this.options.sagemaker(region).send(new DescribeDomainCommand({ DomainId: domainId })),
    );
  }

  async describe(region: string, domainId: string): Promise<StudioDomain> {
    const described = await this.describeRaw(region, domainId);
    const domain: StudioDomain = {
      id: described.DomainId ?? domainId,
      name: described.DomainName ?? '',
      region,
      status: studioStatus(described.Status),
      url: described.Url ?? '',
      tags: described.DomainArn
        ? await sageMakerTags(
            this.options.sagemaker(region),
            described.DomainArn,
            this.options.context('sagemaker:ListTags', region),
          )
        : {},
    };
    if (described.HomeEfsFileSystemId) domain.home_efs_file_system_id = described.HomeEfsFileSystemId;
    if (described.FailureReason) domain.failure_reason = described.FailureReason;
    // SageMaker API Reference, DescribeDomain TagPropagation: absent means the default, DISABLED.
    domain.tag_propagation = described.TagPropagation === 'ENABLED';
    return domain;
  }
}
