import {
  type CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
  paginateDescribeStackEvents,
  paginateDescribeStacks,
  type Stack,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { type DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { CloudError } from '../../core/CloudError.js';
import { runRemoteCommand } from '../../core/exec/runRemoteCommand.js';
import { firstFailedEvent, type StackEventFacts } from '../../core/hpc/firstFailedEvent.js';
import {
  PARALLELCLUSTER_VERSION,
  type ParallelClusterConfig,
  parallelClusterConfigSchema,
} from '../../core/hpc/parallelClusterConfigSchema.js';
import type {
  ClusterStatus,
  HeadNodeRun,
  HpcCluster,
  HpcPort,
  ProviderStatus,
  StackFailure,
} from '../../core/hpc/ports.js';
import type { RemoteCommandPort } from '../../core/ports.js';
import { callAws } from '../callAws.js';
import {
  CLUSTER_TAG,
  clusterStackName,
  clusterStackTemplate,
  configOfClusterTemplate,
  providerStackName,
  providerTemplateUrl,
} from './clusterStackTemplate.js';
import { headNodeRunOf } from './headNodeRunOf.js';
import { clusterNodes, computeFleetStatus } from './parallelClusterNodes.js';

export interface CloudFormationHpcOptions {
  cloudformation: (region: string) => CloudFormationClient;
  dynamodb: (region: string) => DynamoDBClient;
  ec2: (region: string) => EC2Client;
  commands: RemoteCommandPort;
  profile?: string;
  /** How often to poll a Run Command invocation. */
  pollIntervalMs?: number;
}

const CAPABILITIES = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'] as const;
const KNOWN_STATUSES = new Set<string>([
  'CREATE_IN_PROGRESS',
  'CREATE_COMPLETE',
  'CREATE_FAILED',
  'ROLLBACK_COMPLETE',
  'UPDATE_IN_PROGRESS',
  'UPDATE_COMPLETE',
  'UPDATE_FAILED',
  'DELETE_IN_PROGRESS',
  'DELETE_FAILED',
  'DELETE_COMPLETE',
]);

function statusOf(raw: string | undefined): ClusterStatus {
  if (raw && KNOWN_STATUSES.has(raw)) return raw as ClusterStatus;
  if (raw?.startsWith('UPDATE_ROLLBACK'))
    return raw.endsWith('IN_PROGRESS') ? 'UPDATE_IN_PROGRESS' : 'UPDATE_FAILED';
  if (raw?.startsWith('ROLLBACK'))
    return raw === 'ROLLBACK_IN_PROGRESS' ? 'CREATE_IN_PROGRESS' : 'ROLLBACK_COMPLETE';
  return 'CREATE_IN_PROGRESS';
}

const tagsOf = (stack: Stack) =>
  Object.fromEntries((stack.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']));
const isMissingStack = (error: unknown) =>
  error instanceof CloudError && /does not exist/.test(error.message);

/**
 * ParallelCluster 3 through CloudFormation: the provider stack ParallelCluster publishes, one app
 * stack per cluster holding its `Custom::PclusterCluster`, clusters found by their stacks'
 * `parallelcluster:version` tag (so `pcluster`-made ones are listed too), nodes by their EC2 tags,
 * the compute fleet through the cluster's DynamoDB status item, Slurm through SSM Run Command.
 */
export class CloudFormationHpc implements HpcPort {
  constructor(private readonly options: CloudFormationHpcOptions) {}

  private context(action: string, region: string) {
    return { action, region, ...(this.options.profile ? { profile: this.options.profile } : {}) };
  }

  private async stack(region: string, name: string): Promise<Stack | undefined> {
    try {
      const reply = await callAws(this.context('cloudformation:DescribeStacks', region), () =>
        this.options.cloudformation(region).send(new DescribeStacksCommand({ StackName: name })),
      );
      return reply.Stacks?.[0];
    } catch (error) {
      if (isMissingStack(error)) return undefined;
      throw error;
    }
  }

  async providerStatus(region: string): Promise<ProviderStatus> {
    const stack = await this.stack(region, providerStackName());
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
    const provider = await this.stack(region, providerStackName());
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
    for (const region of regions) clusters.push(...(await this.clustersIn(region)));
    return clusters;
  }

  private async clustersIn(region: string): Promise<HpcCluster[]> {
    const stacks: Stack[] = [];
    await callAws(this.context('cloudformation:DescribeStacks', region), async () => {
      for await (const page of paginateDescribeStacks({ client: this.options.cloudformation(region) }, {}))
        stacks.push(...(page.Stacks ?? []));
    });
    const ours = new Map(
      stacks.filter((s) => tagsOf(s)[CLUSTER_TAG]).map((s) => [tagsOf(s)[CLUSTER_TAG] ?? '', s]),
    );
    const clusterStacks = new Map(
      stacks
        .filter((s) => tagsOf(s)['parallelcluster:version'] && s.StackName && !s.ParentId)
        .map((s) => [s.StackName ?? '', s]),
    );
    const names = [...new Set([...ours.keys(), ...clusterStacks.keys()])].sort();
    if (names.length === 0) return [];
    const nodes = await clusterNodes(
      this.options.ec2(region),
      this.context('ec2:DescribeInstances', region),
      names,
    );
    const clusters: HpcCluster[] = [];
    for (const name of names) {
      const wrapper = ours.get(name);
      const inner = clusterStacks.get(name);
      const wrapperFailed =
        wrapper?.StackStatus?.endsWith('FAILED') || wrapper?.StackStatus === 'ROLLBACK_COMPLETE';
      const status = statusOf(wrapperFailed || !inner ? wrapper?.StackStatus : inner.StackStatus);
      const tags = { ...(inner ? tagsOf(inner) : {}), ...(wrapper ? tagsOf(wrapper) : {}) };
      const config = wrapper ? await this.configOf(region, wrapper) : undefined;
      const version = tags['parallelcluster:version'];
      const mine = nodes.filter((node) => node.cluster === name);
      const head = mine.find((node) => node.node_type === 'HeadNode');
      const ready = status === 'CREATE_COMPLETE' || status.startsWith('UPDATE');
      clusters.push({
        name,
        region,
        status,
        made_by: wrapper ? 'cws-tui' : 'pcluster',
        ...(version ? { version } : {}),
        created_at: ((inner ?? wrapper)?.CreationTime ?? new Date(0)).toISOString(),
        compute_fleet: ready
          ? await computeFleetStatus(
              this.options.dynamodb(region),
              this.context('dynamodb:GetItem', region),
              name,
            )
          : 'UNKNOWN',
        ...(head ? { head_node: head.node } : {}),
        compute_nodes: mine.filter((node) => node.node_type === 'Compute').map((node) => node.node),
        ...(config ? { config } : {}),
        tags,
      });
    }
    return clusters;
  }

  private async configOf(region: string, stack: Stack): Promise<ParallelClusterConfig | undefined> {
    const reply = await callAws(this.context('cloudformation:GetTemplate', region), () =>
      this.options
        .cloudformation(region)
        .send(
          new GetTemplateCommand({ StackName: stack.StackId ?? stack.StackName, TemplateStage: 'Original' }),
        ),
    );
    const parsed = parallelClusterConfigSchema.safeParse(configOfClusterTemplate(reply.TemplateBody));
    return parsed.success ? parsed.data : undefined;
  }

  async describeCluster(region: string, name: string): Promise<HpcCluster | undefined> {
    return (await this.clustersIn(region)).find((cluster) => cluster.name === name);
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
    await callAws(this.context('dynamodb:UpdateItem', region), () =>
      this.options.dynamodb(region).send(
        new UpdateItemCommand({
          TableName: `parallelcluster-${name}`,
          Key: { Id: { S: 'COMPUTE_FLEET' } },
          UpdateExpression: 'SET #d.#s = :s, #d.#t = :t',
          ExpressionAttributeNames: { '#d': 'Data', '#s': 'status', '#t': 'lastStatusUpdatedTime' },
          ExpressionAttributeValues: { ':s': { S: status }, ':t': { S: new Date().toISOString() } },
        }),
      ),
    );
  }

  async deleteCluster(region: string, name: string): Promise<void> {
    const wrapper = await this.stack(region, clusterStackName(name));
    // A cluster pcluster made has no app stack: deleting its own stack is what pcluster does.
    const target = wrapper ? clusterStackName(name) : name;
    await callAws(this.context('cloudformation:DeleteStack', region), () =>
      this.options.cloudformation(region).send(new DeleteStackCommand({ StackName: target })),
    );
  }

  async firstFailure(region: string, name: string): Promise<StackFailure | undefined> {
    for (const stackName of [name, clusterStackName(name)]) {
      const events: StackEventFacts[] = [];
      try {
        await callAws(this.context('cloudformation:DescribeStackEvents', region), async () => {
          for await (const page of paginateDescribeStackEvents(
            { client: this.options.cloudformation(region) },
            { StackName: stackName },
          )) {
            for (const event of page.StackEvents ?? [])
              events.push({
                stack: stackName,
                logical_id: event.LogicalResourceId ?? '?',
                resource_type: event.ResourceType ?? '?',
                status: event.ResourceStatus ?? '',
                ...(event.ResourceStatusReason ? { reason: event.ResourceStatusReason } : {}),
                at: (event.Timestamp ?? new Date(0)).toISOString(),
              });
          }
        });
      } catch (error) {
        if (isMissingStack(error)) continue;
        throw error;
      }
      const failure = firstFailedEvent(events);
      if (failure) return failure;
    }
    return undefined;
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
