import type { EC2Client } from '@aws-sdk/client-ec2';
import type { EFSClient } from '@aws-sdk/client-efs';
import {
  type AppDetails,
  type AppInstanceType,
  type AppType,
  CreateAppCommand,
  CreatePresignedDomainUrlCommand,
  CreateUserProfileCommand,
  DeleteAppCommand,
  DeleteUserProfileCommand,
  DescribeAppCommand,
  DescribeUserProfileCommand,
  paginateListApps,
  paginateListUserProfiles,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { CloudError } from '../../core/CloudError.js';
import {
  type ResourceTags,
  STUDIO_APP_TYPES,
  type StudioApp,
  type StudioAppRequest,
  type StudioAppType,
  type StudioDomain,
  type StudioDomainRequest,
  type StudioPort,
  type StudioSpace,
  type StudioSpaceRequest,
  type StudioUserProfile,
} from '../../core/ports.js';
import type { Ec2Network } from '../ec2Network.js';
import { toTagList } from '../tagList.js';
import { orUndefined } from './orUndefined.js';
import { StudioDomains } from './StudioDomains.js';
import { StudioSpaces } from './StudioSpaces.js';
import { sageMakerTags } from './sageMakerTags.js';
import { studioStatus } from './studioStatus.js';
import { callSageMaker } from './translateSageMakerError.js';

/** CreatePresignedDomainUrl's URL lifetime: the default, and the reason it is made at connect time. */
export const PRESIGNED_URL_SECONDS = 300;
/** The app name SageMaker's own console uses; one app of a type per space or profile. */
const APP_NAME = 'default';
/** The app types the app launches; other apps in the domain (JupyterServer, KernelGateway...) are not its. */
const APP_TYPES = new Set<string>(STUDIO_APP_TYPES);

export interface SageMakerStudioOptions {
  sagemaker: (region: string) => SageMakerClient;
  ec2: (region: string) => EC2Client;
  /** Tags the home EFS a deleted domain leaves behind. */
  efs: (region: string) => EFSClient;
  /** The domain goes in the VPC the workstations use (the default VPC unless configured). */
  network: Ec2Network;
  /** Finds or creates the domain's execution role when the admin chose none. */
  executionRole: (region: string) => Promise<string>;
  profile?: string;
  now?: () => number;
  /** Waits while SageMaker cannot assume a fresh execution role yet (tests shorten them). */
  roleRetryDelaysMs?: readonly number[];
}

/** SageMaker Studio and Canvas through the SDK: the AWS side of the StudioPort. */
export class SageMakerStudio implements StudioPort {
  private readonly options: SageMakerStudioOptions;
  private readonly domains: StudioDomains;
  private readonly spaces: StudioSpaces;

  constructor(options: SageMakerStudioOptions) {
    this.options = options;
    const context = (action: string, region: string) => this.context(action, region);
    this.domains = new StudioDomains({ ...options, context });
    this.spaces = new StudioSpaces({ sagemaker: options.sagemaker, now: () => this.now(), context });
  }

  listDomains(region: string): Promise<StudioDomain[]> {
    return this.domains.list(region);
  }

  ensureDomain(region: string, request: StudioDomainRequest): Promise<StudioDomain> {
    return this.domains.ensure(region, request);
  }

  async ensureUserProfile(
    region: string,
    domainId: string,
    name: string,
    tags: ResourceTags,
  ): Promise<StudioUserProfile> {
    const client = this.options.sagemaker(region);
    const found = await orUndefined(() =>
      callSageMaker(this.context('sagemaker:DescribeUserProfile', region), () =>
        client.send(new DescribeUserProfileCommand({ DomainId: domainId, UserProfileName: name })),
      ),
    );
    if (found) return { domain_id: domainId, name, status: studioStatus(found.Status) };
    await callSageMaker(this.context('sagemaker:CreateUserProfile', region), () =>
      client.send(
        new CreateUserProfileCommand({ DomainId: domainId, UserProfileName: name, Tags: toTagList(tags) }),
      ),
    );
    return { domain_id: domainId, name, status: 'Pending' };
  }

  ensureSpace(region: string, request: StudioSpaceRequest): Promise<StudioSpace> {
    return this.spaces.ensure(region, request);
  }

  listSpaces(region: string, domainId: string): Promise<StudioSpace[]> {
    return this.spaces.list(region, domainId);
  }

  deleteSpace(region: string, domainId: string, name: string): Promise<void> {
    return this.spaces.delete(region, domainId, name);
  }

  async listUserProfiles(region: string, domainId: string): Promise<StudioUserProfile[]> {
    const client = this.options.sagemaker(region);
    return callSageMaker(this.context('sagemaker:ListUserProfiles', region), async () => {
      const profiles: StudioUserProfile[] = [];
      for await (const page of paginateListUserProfiles({ client }, { DomainIdEquals: domainId })) {
        for (const profile of page.UserProfiles ?? []) {
          profiles.push({
            domain_id: domainId,
            name: profile.UserProfileName ?? '',
            status: studioStatus(profile.Status),
          });
        }
      }
      return profiles;
    });
  }

  /** Tags and failure reasons are only in DescribeApp and ListTags: fetched for Canvas and failed apps. */
  async listApps(
    region: string,
    domainId: string,
    options: { every_type?: boolean } = {},
  ): Promise<StudioApp[]> {
    const client = this.options.sagemaker(region);
    const details = await callSageMaker(this.context('sagemaker:ListApps', region), async () => {
      const found: AppDetails[] = [];
      for await (const page of paginateListApps({ client }, { DomainIdEquals: domainId })) {
        found.push(
          ...(page.Apps ?? []).filter((app) => options.every_type || APP_TYPES.has(app.AppType ?? '')),
        );
      }
      return found;
    });
    return Promise.all(details.map((detail) => this.toApp(region, domainId, detail)));
  }

  async createApp(region: string, request: StudioAppRequest): Promise<StudioApp> {
    const owner =
      'space' in request.owner
        ? { SpaceName: request.owner.space }
        : { UserProfileName: request.owner.profile };
    await callSageMaker(this.context('sagemaker:CreateApp', region), () =>
      this.options.sagemaker(region).send(
        new CreateAppCommand({
          DomainId: request.domain_id,
          AppType: request.type,
          AppName: APP_NAME,
          ...owner,
          ...(request.type === 'Canvas'
            ? {}
            : { ResourceSpec: { InstanceType: request.instance_type as AppInstanceType } }),
          Tags: toTagList(request.tags),
        }),
      ),
    );
    return {
      domain_id: request.domain_id,
      region,
      type: request.type,
      name: APP_NAME,
      owner: request.owner,
      status: 'Pending',
      instance_type: request.instance_type,
      created_at: new Date(this.now()).toISOString(),
      tags: { ...request.tags },
    };
  }

  async deleteApp(region: string, app: StudioApp): Promise<void> {
    const owner =
      'space' in app.owner ? { SpaceName: app.owner.space } : { UserProfileName: app.owner.profile };
    await callSageMaker(this.context('sagemaker:DeleteApp', region), () =>
      this.options
        .sagemaker(region)
        .send(
          new DeleteAppCommand({ DomainId: app.domain_id, AppType: app.type, AppName: app.name, ...owner }),
        ),
    );
  }

  async deleteUserProfile(region: string, domainId: string, name: string): Promise<void> {
    await callSageMaker(this.context('sagemaker:DeleteUserProfile', region), () =>
      this.options
        .sagemaker(region)
        .send(new DeleteUserProfileCommand({ DomainId: domainId, UserProfileName: name })),
    );
  }

  deleteDomain(region: string, domainId: string): Promise<{ retained_home_efs_file_system_id?: string }> {
    return this.domains.delete(region, domainId);
  }

  async presignedUrl(
    region: string,
    request: { domain_id: string; profile: string; space?: string; landing: StudioAppType },
  ): Promise<{ url: string; expires_at: string }> {
    const requestedAt = this.now();
    const response = await callSageMaker(this.context('sagemaker:CreatePresignedDomainUrl', region), () =>
      this.options.sagemaker(region).send(
        new CreatePresignedDomainUrlCommand({
          DomainId: request.domain_id,
          UserProfileName: request.profile,
          ExpiresInSeconds: PRESIGNED_URL_SECONDS,
          ...(request.space ? { SpaceName: request.space } : {}),
          // SageMaker API Reference, CreatePresignedDomainUrl LandingUri: `app:<AppType>:` opens that
          // app whatever the domain's default experience is (Studio Classic would start a JupyterServer).
          LandingUri: `app:${request.landing}:`,
        }),
      ),
    );
    if (!response.AuthorizedUrl) {
      throw new CloudError({
        kind: 'unknown',
        code: 'NoAuthorizedUrl',
        message: 'SageMaker returned no sign-in URL',
        hint: 'Retry in a moment.',
        retryable: true,
      });
    }
    return {
      url: response.AuthorizedUrl,
      expires_at: new Date(requestedAt + PRESIGNED_URL_SECONDS * 1000).toISOString(),
    };
  }

  private async toApp(region: string, domainId: string, detail: AppDetails): Promise<StudioApp> {
    const type = detail.AppType as StudioApp['type'];
    const owner = detail.SpaceName ? { space: detail.SpaceName } : { profile: detail.UserProfileName ?? '' };
    const app: StudioApp = {
      domain_id: domainId,
      region,
      type,
      name: detail.AppName ?? APP_NAME,
      owner,
      status: studioStatus(detail.Status),
      instance_type: detail.ResourceSpec?.InstanceType ?? '',
      created_at: (detail.CreationTime ?? new Date(0)).toISOString(),
      tags: {},
    };
    const needsDetails = app.status === 'Failed' || (type === 'Canvas' && app.status !== 'Deleted');
    if (!needsDetails) return app;
    const described = await callSageMaker(this.context('sagemaker:DescribeApp', region), () =>
      this.options.sagemaker(region).send(
        new DescribeAppCommand({
          DomainId: domainId,
          AppType: type as AppType,
          AppName: app.name,
          ...(detail.SpaceName
            ? { SpaceName: detail.SpaceName }
            : { UserProfileName: detail.UserProfileName }),
        }),
      ),
    );
    if (described.FailureReason) app.failure_reason = described.FailureReason;
    if (described.AppArn) app.tags = await this.tagsOf(region, described.AppArn);
    return app;
  }

  private tagsOf(region: string, arn: string): Promise<ResourceTags> {
    return sageMakerTags(this.options.sagemaker(region), arn, this.context('sagemaker:ListTags', region));
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private context(action: string, region: string) {
    return { action, region, ...(this.options.profile ? { profile: this.options.profile } : {}) };
  }
}
