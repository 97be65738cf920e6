import { CreateStackCommand, DeleteStackCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import { CloudError } from '../../core/CloudError.js';
import { runRemoteCommand } from '../../core/exec/runRemoteCommand.js';
import {
  PARALLELCLUSTER_VERSION,
  type ParallelClusterConfig,
} from '../../core/hpc/parallelClusterConfigSchema.js';
import type { HeadNodeRun, HpcCluster, HpcPort, ProviderStatus, StackFailure } from '../../core/hpc/ports.js';
import { callAws } from '../callAws.js';
import { type CloudFormationHpcOptions, hpcCallContext } from './CloudFormationHpcOptions.js';
import { describeStack } from './clusterStacks.js';
import {
  CLUSTER_TAG,
  clusterStackName,
  clusterStackTemplate,
  providerStackName,
  providerTemplateUrl,
} from './clusterStackTemplate.js';
import { requestComputeFleet } from './computeFleetStatusItem.js';
import { firstClusterFailure } from './firstClusterFailure.js';
import { headNodeRunOf } from './headNodeRunOf.js';
import { listParallelClusters } from './listParallelClusters.js';

const CAPABILITIES = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'] as const;

/**
 * ParallelCluster 3 through CloudFormation: the provider stack ParallelCluster publishes, one app
 * stack per cluster holding its `Custom::PclusterCluster`, clusters found by their stacks'
 * `parallelcluster:version` tag (so `pcluster`-made ones are listed too), nodes by their EC2 tags,
 * the compute fleet through the cluster's DynamoDB status item, Slurm through SSM Run Command.
 */
export class CloudFormationHpc implements HpcPort {
  constructor(private readonly options: CloudFormationHpcOptions) {}

  private context(action: string, region: string) {
    return hpcCallContext(this.options, action, region);
  }

  async providerStatus(region: string): Promise<ProviderStatus> {
    const stack = await describeStack(this.options, region, providerStackName());
    return {
      installed: stack?.StackStatus === 'CREATE_COMPLETE' || stack?.StackStatus === 'UPDATE_COMPLETE',
      ...(stack?.StackStatus?.endsWith('IN_PROGRESS') ? { in_progress: true } : {}),
      stack_name: providerStackName(),
      version: PARALLELCLUSTER_VERSION,
      creates: [
        `stack ${providerStackName()} from ${providerTemplateUrl(region)}`,
        'a Lambda function running the ParallelCluster API, with its IAM role and log group',
        "an S3 bucket for cluster configurations (ParallelCluster's own)",
      ],
    };
  }

  async installProvider(region: string): Promise<void> {
    await callAws(this.context('cloudformation:CreateStack', region), () =>
      this.options.cloudformation(region).send(
        new CreateStackCommand({
          StackName: providerStackName(),
          TemplateURL: providerTemplateUrl(region),
          Capabilities: [...CAPABILITIES],
          Tags: [{ Key: 'cws:managed', Value: 'true' }],
        }),
      ),
    );
  }

  private async serviceToken(region: string): Promise<string> {
    const provider = await describeStack(this.options, region, providerStackName());
    const token = provider?.Outputs?.find((output) => output.OutputKey === 'ServiceToken')?.OutputValue;
    if (!token)
      throw new CloudError({
        kind: 'not-found',
        code: 'ProviderNotInstalled',
        message: `ParallelCluster's provider stack ${providerStackName()} is not ready in ${region}`,
        hint: 'cws-tui hpc create installs it after asking; wait until it is CREATE_COMPLETE.',
      });
    return token;
  }

  async createCluster(request: {
    region: string;
    name: string;
    config: ParallelClusterConfig;
    tags: Record<string, string>;
  }): Promise<void> {
    const token = await this.serviceToken(request.region);
    await callAws(this.context('cloudformation:CreateStack', request.region), () =>
      this.options.cloudformation(request.region).send(
        new CreateStackCommand({
          StackName: clusterStackName(request.name),
          TemplateBody: clusterStackTemplate(request.name, request.config, token),
          // The failure must stay to be read (first failed resource), then deleted on request.
          OnFailure: 'DO_NOTHING',
          Tags: Object.entries({ ...request.tags, [CLUSTER_TAG]: request.name }).map(([Key, Value]) => ({
            Key,
            Value,
          })),
        }),
      ),
    );
  }

  async listClusters(regions: readonly string[]): Promise<HpcCluster[]> {
    const clusters: HpcCluster[] = [];
    for (const region of regions) clusters.push(...(await listParallelClusters(this.options, region)));
    return clusters;
  }

  async describeCluster(region: string, name: string): Promise<HpcCluster | undefined> {
    return (await listParallelClusters(this.options, region)).find((cluster) => cluster.name === name);
  }

  async updateCluster(region: string, name: string, config: ParallelClusterConfig): Promise<void> {
    const token = await this.serviceToken(region);
    await callAws(this.context('cloudformation:UpdateStack', region), () =>
      this.options.cloudformation(region).send(
        new UpdateStackCommand({
          StackName: clusterStackName(name),
          TemplateBody: clusterStackTemplate(name, config, token),
        }),
      ),
    );
  }

  async setComputeFleet(
    region: string,
    name: string,
    status: 'STOP_REQUESTED' | 'START_REQUESTED',
  ): Promise<void> {
    const dynamodb = this.options.dynamodb(region);
    await requestComputeFleet(dynamodb, this.context('dynamodb:UpdateItem', region), name, status);
  }

  async deleteCluster(region: string, name: string): Promise<void> {
    const wrapper = await describeStack(this.options, region, clusterStackName(name));
    // A cluster pcluster made has no app stack: deleting its own stack is what pcluster does.
    const target = wrapper ? clusterStackName(name) : name;
    await callAws(this.context('cloudformation:DeleteStack', region), () =>
      this.options.cloudformation(region).send(new DeleteStackCommand({ StackName: target })),
    );
  }

  firstFailure(region: string, name: string): Promise<StackFailure | undefined> {
    return firstClusterFailure(this.options, region, name);
  }

  async headNodeReachable(region: string, instanceId: string): Promise<boolean> {
    const nodes = await this.options.commands.managedNodes(region, [instanceId]);
    return nodes.some((node) => node.instance_id === instanceId && node.ping === 'Online');
  }

  async runOnHeadNode(
    region: string,
    instanceId: string,
    script: string,
    comment: string,
  ): Promise<HeadNodeRun> {
    const invocation = await runRemoteCommand(
      this.options.commands,
      { region, instance_id: instanceId, script, comment, timeout_seconds: 120 },
      { intervalMs: this.options.pollIntervalMs ?? 1000 },
    );
    return headNodeRunOf(invocation);
  }
}
