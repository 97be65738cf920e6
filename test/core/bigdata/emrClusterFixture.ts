import type { EmrCluster } from '../../../source/core/bigdata/clusterPorts.js';

/** A Spark cluster waiting since 06:07 with no auto-termination and an all on-demand core fleet. */
export const waitingCluster: EmrCluster = {
  id: 'j-2AXXXXXXGAPLF',
  name: 'hadoop',
  region: 'us-east-1',
  state: 'WAITING',
  release_label: 'emr-7.5.0',
  applications: ['Spark'],
  fleets: [
    {
      id: 'if-1',
      role: 'primary',
      instance_types: ['m6g.xlarge'],
      on_demand: 1,
      spot: 0,
      provisioned_on_demand: 1,
      provisioned_spot: 0,
    },
    {
      id: 'if-2',
      role: 'core',
      instance_types: ['m6g.xlarge'],
      on_demand: 3,
      spot: 0,
      provisioned_on_demand: 3,
      provisioned_spot: 0,
    },
  ],
  ebs_gb: 64,
  created_at: '2026-12-06T06:00:00.000Z',
  ready_at: '2026-12-06T06:07:00.000Z',
  tags: { 'cws:managed': 'true' },
};
