import type { EC2Client } from '@aws-sdk/client-ec2';
import type { EFSClient } from '@aws-sdk/client-efs';
import {
  type AppDetails,
  type AppInstanceType,
  type AppType,
  CreateAppCommand,
  CreatePresignedDomainUrlCommand,
  CreateSpaceCommand,
  CreateUserProfileCommand,
  DeleteAppCommand,
  DeleteSpaceCommand,
  DeleteUserProfileCommand,
  DescribeAppCommand,
  DescribeSpaceCommand,
  DescribeUserProfileCommand,
  paginateListApps,
  paginateListSpaces,
  paginateListUserProfiles,
  type SageMakerClient,
  type SpaceSettings,
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
import { StudioDomains } from './StudioDomains.js';
import { sageMakerTags } from './sageMakerTags.js';
import { STUDIO_SPACE_EBS } from './studioDomainSettings.js';
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

  constructor(options: SageMakerStudioOptions) {
    this.options = options;
    this.domains = new StudioDomains({
      ...options,
      context: (action, region) => this.context(action, region),
    });
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
    const found = await this.orUndefined(() =>
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

  async ensureSpace(region: string, request: StudioSpaceRequest): Promise<StudioSpace> {
    const existing = await this.describeSpace(region, request.domain_id, request.name);
    if (existing) {
      if (existing.owner_profile !== request.owner_profile) {
        throw new CloudError({
          kind: 'conflict',
          code: 'ResourceInUse',
          message: `the space ${request.name} belongs to ${existing.owner_profile}`,
          hint: 'Choose another name.',
        });
      }
      return existing;
    }
    // SageMaker API Reference, SpaceIdleSettings: a space holds only its timeout; idle shutdown itself
    // is switched on for the domain (studioUserSettings), which bounds the timeout.
    const idle = {
      AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: request.idle_timeout_minutes } },
      DefaultResourceSpec: { InstanceType: request.instance_type as AppInstanceType },
    };
    const storage = { EbsStorageSettings: { EbsVolumeSizeInGb: STUDIO_SPACE_EBS.DefaultEbsVolumeSizeInGb } };
    const settings: SpaceSettings =
      request.app_type === 'JupyterLab'
        ? { AppType: 'JupyterLab', JupyterLabAppSettings: idle, SpaceStorageSettings: storage }
        : { AppType: 'CodeEditor', CodeEditorAppSettings: idle, SpaceStorageSettings: storage };
    await callSageMaker(this.context('sagemaker:CreateSpace', region), () =>
      this.options.sagemaker(region).send(
        new CreateSpaceCommand({
          DomainId: request.domain_id,
          SpaceName: request.name,
          OwnershipSettings: { OwnerUserProfileName: request.owner_profile },
          SpaceSharingSettings: { SharingType: 'Private' },
          SpaceSettings: settings,
          Tags: toTagList(request.tags),
        }),
      ),
    );
    return {
      domain_id: request.domain_id,
      name: request.name,
      status: 'Pending',
      owner_profile: request.owner_profile,
      app_type: request.app_type,
      instance_type: request.instance_type,
      idle_timeout_minutes: request.idle_timeout_minutes,
      ebs_volume_gb: STUDIO_SPACE_EBS.DefaultEbsVolumeSizeInGb,
      created_at: new Date(this.now()).toISOString(),
      tags: { ...request.tags },
    };
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

  /** ListSpaces lacks the instance type, idle setting and tags: each space is described too. */
  async listSpaces(region: string, domainId: string): Promise<StudioSpace[]> {
    const client = this.options.sagemaker(region);
    const names = await callSageMaker(this.context('sagemaker:ListSpaces', region), async () => {
      const found: string[] = [];
      for await (const page of paginateListSpaces({ client }, { DomainIdEquals: domainId })) {
        for (const space of page.Spaces ?? []) if (space.SpaceName) found.push(space.SpaceName);
      }
      return found;
    });
    const spaces = await Promise.all(names.map((name) => this.describeSpace(region, domainId, name)));
    return spaces.filter((space): space is StudioSpace => space !== undefined);
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

  async deleteSpace(region: string, domainId: string, name: string): Promise<void> {
    await callSageMaker(this.context('sagemaker:DeleteSpace', region), () =>
      this.options.sagemaker(region).send(new DeleteSpaceCommand({ DomainId: domainId, SpaceName: name })),
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

  private async describeSpace(
    region: string,
    domainId: string,
    name: string,
  ): Promise<StudioSpace | undefined> {
    const client = this.options.sagemaker(region);
    const described = await this.orUndefined(() =>
      callSageMaker(this.context('sagemaker:DescribeSpace', region), () =>
        client.send(new DescribeSpaceCommand({ DomainId: domainId, SpaceName: name })),
      ),
    );
    if (!described) return undefined;
    const settings = described.SpaceSettings;
    const ide =
      settings?.AppType === 'CodeEditor' ? settings.CodeEditorAppSettings : settings?.JupyterLabAppSettings;
    return {
      domain_id: domainId,
      name,
      status: studioStatus(described.Status),
      owner_profile: described.OwnershipSettings?.OwnerUserProfileName ?? '',
      app_type: settings?.AppType === 'CodeEditor' ? 'CodeEditor' : 'JupyterLab',
      instance_type: ide?.DefaultResourceSpec?.InstanceType ?? '',
      idle_timeout_minutes: ide?.AppLifecycleManagement?.IdleSettings?.IdleTimeoutInMinutes ?? 0,
      // SageMaker gives a space without its own setting the domain default (5 GB unless changed).
      ebs_volume_gb:
        settings?.SpaceStorageSettings?.EbsStorageSettings?.EbsVolumeSizeInGb ??
        STUDIO_SPACE_EBS.DefaultEbsVolumeSizeInGb,
      created_at: (described.CreationTime ?? new Date(0)).toISOString(),
      tags: described.SpaceArn ? await this.tagsOf(region, described.SpaceArn) : {},
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

  /** A Describe call's not-found answer, as "absent". */
  private async orUndefined<T>(call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof CloudError && error.kind === 'not-found') return undefined;
      throw error;
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private context(action: string, region: string) {
    return { action, region, ...(this.options.profile ? { profile: this.options.profile } : {}) };
  }
}
