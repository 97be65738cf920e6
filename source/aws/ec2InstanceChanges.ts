import {
  CreateTagsCommand,
  DeleteTagsCommand,
  type EC2Client,
  ModifyInstanceAttributeCommand,
} from '@aws-sdk/client-ec2';
import type { InstanceChangePort } from '../core/ports.js';
import { callAws } from './callAws.js';
import { toTagList } from './tagList.js';

export interface Ec2InstanceChangesOptions {
  ec2: (region: string) => EC2Client;
  profile?: string;
}

/** Instance type changes and tags, through EC2. */
export class Ec2InstanceChanges implements InstanceChangePort {
  constructor(private readonly options: Ec2InstanceChangesOptions) {}

  private context(action: string, region: string) {
    return { action, region, ...(this.options.profile ? { profile: this.options.profile } : {}) };
  }

  async modifyInstanceType(region: string, instanceId: string, instanceType: string): Promise<void> {
    await callAws(this.context('ec2:ModifyInstanceAttribute', region), () =>
      this.options.ec2(region).send(
        new ModifyInstanceAttributeCommand({
          InstanceId: instanceId,
          InstanceType: { Value: instanceType },
        }),
      ),
    );
  }

  async tagInstances(region: string, instanceIds: string[], tags: Record<string, string>): Promise<void> {
    if (instanceIds.length === 0) return;
    await callAws(this.context('ec2:CreateTags', region), () =>
      this.options.ec2(region).send(new CreateTagsCommand({ Resources: instanceIds, Tags: toTagList(tags) })),
    );
  }

  async untagInstances(region: string, instanceIds: string[], keys: string[]): Promise<void> {
    if (instanceIds.length === 0) return;
    await callAws(this.context('ec2:DeleteTags', region), () =>
      this.options
        .ec2(region)
        .send(new DeleteTagsCommand({ Resources: instanceIds, Tags: keys.map((Key) => ({ Key })) })),
    );
  }
}
