import type { Template } from '../templates/templateSchema.js';

export interface ClusterTemplateFinding {
  severity: 'error' | 'warning';
  field: keyof Template;
  path: (string | number)[];
  message: string;
}

/**
 * What a `cluster_config` template contradicts: a cluster runs ParallelCluster's own image and
 * boot, so workstation fields have no effect (warned), a base or a managed service is an error, and
 * queue limits must make sense (MinCount above MaxCount, EFA on spot-only... are refused here so
 * that CloudFormation never gets a config that fails 20 minutes in).
 */
export function clusterTemplateFindings(merged: Template): ClusterTemplateFinding[] {
  const config = merged.cluster_config;
  if (!config) return [];
  const findings: ClusterTemplateFinding[] = [];
  if (merged.base !== undefined)
    findings.push({
      severity: 'error',
      field: 'base',
      path: ['base'],
      message:
        'a parallelcluster template has no base: ParallelCluster picks the image from cluster_config.os',
    });
  if (merged.service_config !== undefined)
    findings.push({
      severity: 'error',
      field: 'service_config',
      path: ['service_config'],
      message: 'a template is either a cluster (cluster_config) or a web service (service_config), not both',
    });
  for (const key of ['packages', 'services', 'files', 'post_install', 'user_data'] as const) {
    if (merged[key] !== undefined)
      findings.push({
        severity: 'warning',
        field: key,
        path: [key],
        message: `${key} is not used: a parallelcluster cluster boots ParallelCluster's own image`,
      });
  }
  const queueNames = new Set<string>();
  for (const [q, queue] of config.queues.entries()) {
    if (queueNames.has(queue.name))
      findings.push({
        severity: 'error',
        field: 'cluster_config',
        path: ['cluster_config', 'queues', q, 'name'],
        message: `two queues are named ${queue.name}`,
      });
    queueNames.add(queue.name);
    const resourceNames = new Set<string>();
    for (const [r, resource] of queue.compute_resources.entries()) {
      const at = ['cluster_config', 'queues', q, 'compute_resources', r];
      if (resourceNames.has(resource.name))
        findings.push({
          severity: 'error',
          field: 'cluster_config',
          path: [...at, 'name'],
          message: `queue ${queue.name} has two compute resources named ${resource.name}`,
        });
      resourceNames.add(resource.name);
      if ((resource.min_count ?? 0) > resource.max_count)
        findings.push({
          severity: 'error',
          field: 'cluster_config',
          path: [...at, 'min_count'],
          message: `${queue.name}/${resource.name}: min_count ${resource.min_count} is above max_count ${resource.max_count}`,
        });
    }
    if (queue.compute_resources.some((resource) => resource.efa) && !queue.placement_group)
      findings.push({
        severity: 'warning',
        field: 'cluster_config',
        path: ['cluster_config', 'queues', q, 'placement_group'],
        message: `queue ${queue.name} uses EFA without a placement group: MPI latency will suffer`,
      });
  }
  return findings;
}
