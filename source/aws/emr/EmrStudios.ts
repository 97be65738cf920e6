import type { EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateStudioCommand,
  DescribeStudioCommand,
  type EMRClient,
  paginateListStudios,
  type Studio,
  type StudioSummary,
} from '@aws-sdk/client-emr';
import type { EmrStudio, EmrStudioPort, EmrStudioSpec } from '../../core/bigdata/ports.js';
import { CloudError } from '../../core/CloudError.js';
import { callAws } from '../callAws.js';
import { emptyResponseError } from '../emptyResponseError.js';
import { toTagList } from '../tagList.js';
import type { AwsCallContext } from '../translateAwsError.js';
import { ensureStudioSecurityGroups } from './ensureStudioSecurityGroups.js';

export interface EmrStudiosOptions {
  emr: (region: string) => EMRClient;
  ec2: (region: string) => EC2Client;
  profile?: string;
}

function toStudio(region: string, studio: Studio | StudioSummary): EmrStudio {
  const full = studio as Studio;
  if (!studio.StudioId || !studio.Name || !studio.Url)
    throw new CloudError({
      kind: 'unknown',
      code: 'IncompleteResponse',
      message: `EMR described a Studio without its id, name or URL in ${region}`,
      hint: 'Try again; if it persists, check the AWS Health Dashboard.',
    });
  return {
    id: studio.StudioId,
    name: studio.Name,
    region,
    url: studio.Url,
    auth_mode: studio.AuthMode === 'SSO' ? 'SSO' : 'IAM',
    vpc_id: studio.VpcId ?? '',
    subnet_ids: full.SubnetIds ?? [],
    ...(full.DefaultS3Location ? { workspace_location: full.DefaultS3Location } : {}),
    ...(studio.CreationTime ? { created_at: studio.CreationTime.toISOString() } : {}),
  };
}

/** EMR Studio through the EMR API, with its security groups through EC2. */
export class EmrStudios implements EmrStudioPort {
  constructor(private readonly options: EmrStudiosOptions) {}

  private context(action: string, region: string): AwsCallContext {
    return { action, region, ...(this.options.profile ? { profile: this.options.profile } : {}) };
  }

  async listStudios(region: string): Promise<EmrStudio[]> {
    const client = this.options.emr(region);
    return callAws(this.context('elasticmapreduce:ListStudios', region), async () => {
      const studios: EmrStudio[] = [];
      for await (const page of paginateListStudios({ client }, {}))
        for (const summary of page.Studios ?? []) studios.push(toStudio(region, summary));
      return studios;
    });
  }

  async describeStudio(region: string, id: string): Promise<EmrStudio> {
    const client = this.options.emr(region);
    const reply = await callAws(this.context('elasticmapreduce:DescribeStudio', region), () =>
      client.send(new DescribeStudioCommand({ StudioId: id })),
    );
    if (!reply.Studio) throw emptyResponseError(`EMR returned no description of Studio ${id} in ${region}`);
    return toStudio(region, reply.Studio);
  }

  async createStudio(spec: EmrStudioSpec): Promise<EmrStudio> {
    const groups = await ensureStudioSecurityGroups(this.options.ec2(spec.region), spec.vpc_id, (action) =>
      this.context(action, spec.region),
    );
    const client = this.options.emr(spec.region);
    const reply = await callAws(this.context('elasticmapreduce:CreateStudio', spec.region), () =>
      client.send(
        new CreateStudioCommand({
          Name: spec.name,
          Description: 'EMR Studio of the lab, made by cws-tui',
          AuthMode: 'IAM',
          VpcId: spec.vpc_id,
          SubnetIds: spec.subnet_ids,
          ServiceRole: spec.service_role_arn,
          WorkspaceSecurityGroupId: groups.workspace,
          EngineSecurityGroupId: groups.engine,
          DefaultS3Location: spec.workspace_location,
          Tags: toTagList(spec.tags),
        }),
      ),
    );
    if (!reply.StudioId)
      throw emptyResponseError(
        `EMR created no Studio id for ${spec.name} in ${spec.region}`,
        'Run cws-tui bigdata studio show to see whether it exists.',
      );
    return this.describeStudio(spec.region, reply.StudioId);
  }
}
