import type { AnalyticsRolePort } from './analyticsRolePorts.js';
import type { GlueCrawlerPort } from './glueCrawlerPorts.js';
import type { LogEventsPort } from './logEventsPorts.js';

/** Data preparation beside DataBrew: Glue crawlers, the service roles, and the logs of crawls and jobs. */
export interface DataPrepPort {
  glue: GlueCrawlerPort;
  roles: AnalyticsRolePort;
  logs: LogEventsPort;
}
