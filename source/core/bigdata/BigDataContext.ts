import type { Policy } from '../policy/policySchema.js';
import type { NetworkPort } from '../ports.js';
import type { BigDataPort } from './ports.js';

/** What the big-data operations work with: the account's ports and the profile's terms. */
export interface BigDataContext {
  bigdata: BigDataPort;
  network: Pick<NetworkPort, 'describeNetworks' | 'ensureSecurityGroup'>;
  policy: Policy;
  profile: string;
  research_user?: string;
  project?: string;
  /** The AWS account id: it names the staging bucket. */
  account_id: () => Promise<string>;
  now: () => Date;
}

/** The tag listing an application's data buckets (space-separated), which its jobs may name. */
export const DATA_BUCKETS_TAG = 'cws:data-buckets';
