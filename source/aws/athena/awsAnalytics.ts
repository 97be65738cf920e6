import { homedir } from 'node:os';
import type { AthenaClient } from '@aws-sdk/client-athena';
import type { DataBrewClient } from '@aws-sdk/client-databrew';
import type { QuickSightClient } from '@aws-sdk/client-quicksight';
import type { DataPrepPort } from '../../core/analytics/dataPrepPorts.js';
import type { AnalyticsPort } from '../../core/analytics/ports.js';
import { CodeCatalystSpaces, readBuilderIdToken } from '../codecatalyst/CodeCatalystSpaces.js';
import { DataBrewJobs } from '../databrew/DataBrewJobs.js';
import { QuickSightAccount } from '../quicksight/QuickSightAccount.js';
import { AthenaDataCatalog } from './AthenaDataCatalog.js';
import { AthenaQueries } from './AthenaQueries.js';

/** The account's analytics services through the SDK, one client per region. */
export function awsAnalytics(
  athena: (region: string) => AthenaClient,
  profile: string | undefined,
  databrew: (region: string) => DataBrewClient,
  quicksight: (region: string) => QuickSightClient,
  dataprep: DataPrepPort,
): AnalyticsPort {
  const options = { athena, ...(profile ? { profile } : {}) };
  return {
    athena: new AthenaQueries(options),
    catalog: new AthenaDataCatalog(options),
    databrew: new DataBrewJobs({ databrew, ...(profile ? { profile } : {}) }),
    dataprep,
    quicksight: new QuickSightAccount({ quicksight, ...(profile ? { profile } : {}) }),
    codecatalyst: new CodeCatalystSpaces(() => readBuilderIdToken(homedir())),
  };
}
