import { GetTemplateCommand, paginateDescribeStacks, type Stack } from '@aws-sdk/client-cloudformation';
import {
  type ParallelClusterConfig,
  parallelClusterConfigSchema,
} from '../../core/hpc/parallelClusterConfigSchema.js';
import type { HpcCluster } from '../../core/hpc/ports.js';
import { callAws } from '../callAws.js';
import { type CloudFormationHpcOptions, hpcCallContext } from './CloudFormationHpcOptions.js';
import { clusterStatusOf, stackTagsOf } from './clusterStacks.js';
import { CLUSTER_TAG, configOfClusterTemplate } from './clusterStackTemplate.js';
import { computeFleetStatus } from './computeFleetStatusItem.js';
import { clusterNodes } from './parallelClusterNodes.js';

/**
 * The clusters in a region: those the app made (its app stack, tagged with the cluster's name) and
 * those `pcluster` made (a top-level stack tagged `parallelcluster:version`), with their nodes, the
 * compute fleet's status and, for the app's own, the config it was made from.
 */
export async function listParallelClusters(
  options: CloudFormationHpcOptions,
  region: string,
): Promise<HpcCluster[]> {
  const context = (action: string) => hpcCallContext(options, action, region);
  const stacks: Stack[] = [];
  await callAws(context('cloudformation:DescribeStacks'), async () => {
    for await (const page of paginateDescribeStacks({ client: options.cloudformation(region) }, {}))
      stacks.push(...(page.Stacks ?? []));
  });
  const ours = new Map(
    stacks.filter((s) => stackTagsOf(s)[CLUSTER_TAG]).map((s) => [stackTagsOf(s)[CLUSTER_TAG] ?? '', s]),
  );
  const clusterStacks = new Map(
    stacks
      .filter((s) => stackTagsOf(s)['parallelcluster:version'] && s.StackName && !s.ParentId)
      .map((s) => [s.StackName ?? '', s]),
  );
  const names = [...new Set([...ours.keys(), ...clusterStacks.keys()])].sort();
  if (names.length === 0) return [];
  const nodes = await clusterNodes(options.ec2(region), context('ec2:DescribeInstances'), names);
  const clusters: HpcCluster[] = [];
  for (const name of names) {
    const wrapper = ours.get(name);
    const inner = clusterStacks.get(name);
    const wrapperFailed =
      wrapper?.StackStatus?.endsWith('FAILED') || wrapper?.StackStatus === 'ROLLBACK_COMPLETE';
    const status = clusterStatusOf(wrapperFailed || !inner ? wrapper?.StackStatus : inner.StackStatus);
    const tags = { ...(inner ? stackTagsOf(inner) : {}), ...(wrapper ? stackTagsOf(wrapper) : {}) };
    const config = wrapper ? await configOf(options, region, wrapper) : undefined;
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
        ? await computeFleetStatus(options.dynamodb(region), context('dynamodb:GetItem'), name)
        : 'UNKNOWN',
      ...(head ? { head_node: head.node } : {}),
      compute_nodes: mine.filter((node) => node.node_type === 'Compute').map((node) => node.node),
      ...(config ? { config } : {}),
      tags,
    });
  }
  return clusters;
}

/** The config the app stack was made from, as its template body carries it. */
async function configOf(
  options: CloudFormationHpcOptions,
  region: string,
  stack: Stack,
): Promise<ParallelClusterConfig | undefined> {
  const reply = await callAws(hpcCallContext(options, 'cloudformation:GetTemplate', region), () =>
    options
      .cloudformation(region)
      .send(
        new GetTemplateCommand({ StackName: stack.StackId ?? stack.StackName, TemplateStage: 'Original' }),
      ),
  );
  const parsed = parallelClusterConfigSchema.safeParse(configOfClusterTemplate(reply.TemplateBody));
  return parsed.success ? parsed.data : undefined;
}
