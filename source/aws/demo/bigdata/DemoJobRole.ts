import {
  CLUSTER_NODE_ROLE_NAME,
  CLUSTER_SERVICE_ROLE_NAME,
  JOB_ROLE_NAME,
  jobRoleInlinePolicies,
} from '../../../core/bigdata/jobRolePolicy.js';
import type { BigDataRolePort, S3Location } from '../../../core/bigdata/ports.js';
import { STUDIO_ROLE_NAME, studioRoleInlinePolicies } from '../../../core/bigdata/studioRolePolicy.js';
import { DEMO_ACCOUNT_ID } from '../demoState.js';
import type { DemoBigDataStore } from './DemoBigDataStore.js';

/** The demo's job role: the inline policies it would have, recorded by name. */
export class DemoJobRole implements BigDataRolePort {
  constructor(private readonly store: DemoBigDataStore) {}

  async ensureJobExecutionRole(staging: S3Location, dataBuckets: readonly string[]): Promise<string> {
    const names = Object.keys(jobRoleInlinePolicies(staging, dataBuckets));
    await this.store.update((state) => {
      for (const name of names) if (!state.role_policies.includes(name)) state.role_policies.push(name);
    });
    return `arn:aws:iam::${DEMO_ACCOUNT_ID}:role/cws-tui/${JOB_ROLE_NAME}`;
  }

  async ensureStudioServiceRole(workspaces: S3Location): Promise<string> {
    const names = Object.keys(studioRoleInlinePolicies(workspaces)).map(
      (name) => `${STUDIO_ROLE_NAME}/${name}`,
    );
    await this.store.update((state) => {
      for (const name of names) if (!state.role_policies.includes(name)) state.role_policies.push(name);
    });
    return `arn:aws:iam::${DEMO_ACCOUNT_ID}:role/cws-tui/${STUDIO_ROLE_NAME}`;
  }

  async ensureClusterRoles(
    staging: S3Location,
    dataBuckets: readonly string[],
  ): Promise<{ service_role: string; instance_profile: string }> {
    const names = Object.keys(jobRoleInlinePolicies(staging, dataBuckets)).map(
      (name) => `${CLUSTER_NODE_ROLE_NAME}/${name}`,
    );
    await this.store.update((state) => {
      for (const name of names) if (!state.role_policies.includes(name)) state.role_policies.push(name);
    });
    return {
      service_role: `arn:aws:iam::${DEMO_ACCOUNT_ID}:role/cws-tui/${CLUSTER_SERVICE_ROLE_NAME}`,
      instance_profile: CLUSTER_NODE_ROLE_NAME,
    };
  }
}
