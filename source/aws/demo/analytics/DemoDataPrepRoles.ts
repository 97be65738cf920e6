import type { AnalyticsRolePort, S3AccessCheck } from '../../../core/analytics/analyticsRolePorts.js';
import {
  DATA_PREP_ROLE_PATH,
  DATABREW_JOB_ROLE_NAME,
  GLUE_CRAWLER_ROLE_NAME,
} from '../../../core/analytics/dataPrepRolePolicies.js';
import { DEMO_ACCOUNT_ID } from '../demoState.js';
import { DEMO_LAB_BUCKET } from './demoCrawledTables.js';

const roleArn = (name: string) => `arn:aws:iam::${DEMO_ACCOUNT_ID}:role${DATA_PREP_ROLE_PATH}${name}`;

/**
 * The demo account's data-preparation roles: the names the AWS adapter would make, reaching the
 * lab bucket only; any other bucket is another account's whose policy grants the role nothing.
 */
export class DemoDataPrepRoles implements AnalyticsRolePort {
  async ensureGlueCrawlerRole(): Promise<string> {
    return roleArn(GLUE_CRAWLER_ROLE_NAME);
  }

  async ensureDataBrewJobRole(): Promise<string> {
    return roleArn(DATABREW_JOB_ROLE_NAME);
  }

  async checkS3Access(
    _roleArn: string,
    checks: ReadonlyArray<Pick<S3AccessCheck, 'action' | 'uri'>>,
  ): Promise<S3AccessCheck[]> {
    return checks.map((check) =>
      check.uri.startsWith(DEMO_LAB_BUCKET)
        ? { ...check, decision: 'allowed' }
        : { ...check, decision: 'implicit-deny', source: 'bucket' },
    );
  }
}
