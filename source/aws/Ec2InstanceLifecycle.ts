import {
  CancelSpotInstanceRequestsCommand,
  CreateTagsCommand,
  DescribeInstancesCommand,
  type EC2Client,
  GetConsoleOutputCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CloudError } from '../core/CloudError.js';
import { TAG } from '../core/ports.js';
import { callAws } from './callAws.js';

/**
 * Start, stop (or hibernate), terminate and read the console of an EC2 instance: the lifecycle half
 * of Ec2Compute. The hibernated tag and the Spot request follow the instance's state.
 */
export class Ec2InstanceLifecycle {
  constructor(private readonly options: { ec2: (region: string) => EC2Client; profile?: string }) {}

  private context(action: string, region: string) {
    return { action, region, ...(this.options.profile ? { profile: this.options.profile } : {}) };
  }

  async start(region: string, id: string): Promise<void> {
    await callAws(this.context('ec2:StartInstances', region), () =>
      this.options.ec2(region).send(new StartInstancesCommand({ InstanceIds: [id] })),
    );
    await this.tagHibernated(region, id, false);
  }

  async stop(region: string, id: string, options: { hibernate: boolean }): Promise<void> {
    await callAws(this.context('ec2:StopInstances', region), () =>
      this.options
        .ec2(region)
        .send(new StopInstancesCommand({ InstanceIds: [id], Hibernate: options.hibernate })),
    );
    await this.tagHibernated(region, id, options.hibernate);
  }

  /** The tag lets every bastion see a hibernated instance as such once EC2's state reason has moved on. */
  private async tagHibernated(region: string, id: string, hibernated: boolean): Promise<void> {
    await callAws(this.context('ec2:CreateTags', region), () =>
      this.options.ec2(region).send(
        new CreateTagsCommand({
          Resources: [id],
          Tags: [{ Key: TAG.hibernated, Value: String(hibernated) }],
        }),
      ),
    );
  }

  async terminate(region: string, id: string): Promise<void> {
    const described = await callAws(this.context('ec2:DescribeInstances', region), () =>
      this.options.ec2(region).send(new DescribeInstancesCommand({ InstanceIds: [id] })),
    );
    const spotRequestId = described.Reservations?.[0]?.Instances?.[0]?.SpotInstanceRequestId;
    // A persistent Spot request left open would launch a replacement for the terminated instance.
    if (spotRequestId) {
      await callAws(this.context('ec2:CancelSpotInstanceRequests', region), () =>
        this.options
          .ec2(region)
          .send(new CancelSpotInstanceRequestsCommand({ SpotInstanceRequestIds: [spotRequestId] })),
      );
    }
    await callAws(this.context('ec2:TerminateInstances', region), () =>
      this.options.ec2(region).send(new TerminateInstancesCommand({ InstanceIds: [id] })),
    );
  }

  async consoleOutput(region: string, id: string): Promise<string> {
    const client = this.options.ec2(region);
    const context = this.context('ec2:GetConsoleOutput', region);
    // Latest gives the live buffer on Nitro instances; Xen instances only have the snapshot.
    const response = await callAws(context, () =>
      client.send(new GetConsoleOutputCommand({ InstanceId: id, Latest: true })),
    ).catch((error: unknown) => {
      if (error instanceof CloudError && error.code === 'UnsupportedOperation') {
        return callAws(context, () => client.send(new GetConsoleOutputCommand({ InstanceId: id })));
      }
      throw error;
    });
    return response.Output ? Buffer.from(response.Output, 'base64').toString('utf8') : '';
  }
}
