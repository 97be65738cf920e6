import {
  type AppInstanceType,
  CreateSpaceCommand,
  DeleteSpaceCommand,
  DescribeSpaceCommand,
  paginateListSpaces,
  type SageMakerClient,
  type SpaceSettings,
} from '@aws-sdk/client-sagemaker';
import { CloudError } from '../../core/CloudError.js';
import type { StudioSpace, StudioSpaceRequest } from '../../core/ports.js';
import { toTagList } from '../tagList.js';
import type { AwsCallContext } from '../translateAwsError.js';
import { orUndefined } from './orUndefined.js';
import { sageMakerTags } from './sageMakerTags.js';
import { STUDIO_SPACE_EBS } from './studioDomainSettings.js';
import { studioStatus } from './studioStatus.js';
import { callSageMaker } from './translateSageMakerError.js';

export interface StudioSpacesOptions {
  sagemaker: (region: string) => SageMakerClient;
  now: () => number;
  context: (action: string, region: string) => AwsCallContext;
}

/** Private spaces of the app's domain: one per Studio launch, holding its files and idle timeout. */
export class StudioSpaces {
  constructor(private readonly options: StudioSpacesOptions) {}

  async ensure(region: string, request: StudioSpaceRequest): Promise<StudioSpace> {
    const existing = await this.describe(region, request.domain_id, request.name);
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
    await callSageMaker(this.options.context('sagemaker:CreateSpace', region), () =>
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
      created_at: new Date(this.options.now()).toISOString(),
      tags: { ...request.tags },
    };
  }

  /** ListSpaces lacks the instance type, idle setting and tags: each space is described too. */
  async list(region: string, domainId: string): Promise<StudioSpace[]> {
    const client = this.options.sagemaker(region);
    const names = await callSageMaker(this.options.context('sagemaker:ListSpaces', region), async () => {
      const found: string[] = [];
      for await (const page of paginateListSpaces({ client }, { DomainIdEquals: domainId })) {
        for (const space of page.Spaces ?? []) if (space.SpaceName) found.push(space.SpaceName);
      }
      return found;
    });
    const spaces = await Promise.all(names.map((name) => this.describe(region, domainId, name)));
    return spaces.filter((space): space is StudioSpace => space !== undefined);
  }

  async delete(region: string, domainId: string, name: string): Promise<void> {
    await callSageMaker(this.options.context('sagemaker:DeleteSpace', region), () =>
      this.options.sagemaker(region).send(new DeleteSpaceCommand({ DomainId: domainId, SpaceName: name })),
    );
  }

  async describe(region: string, domainId: string, name: string): Promise<StudioSpace | undefined> {
    const client = this.options.sagemaker(region);
    const described = await orUndefined(() =>
      callSageMaker(this.options.context('sagemaker:DescribeSpace', region), () =>
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
      tags: described.SpaceArn
        ? await sageMakerTags(
            this.options.sagemaker(region),
            described.SpaceArn,
            this.options.context('sagemaker:ListTags', region),
          )
        : {},
    };
  }
}
