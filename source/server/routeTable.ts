import type { ApiRoute } from './ApiRoute.js';
import { athenaRoutes } from './routes/athenaRoutes.js';
import { bigdataRoutes } from './routes/bigdataRoutes.js';
import { costRoutes } from './routes/costRoutes.js';
import { dataRoutes } from './routes/dataRoutes.js';
import { emrClusterRoutes } from './routes/emrClusterRoutes.js';
import { eventRoutes } from './routes/eventRoutes.js';
import { fsxDataRoutes } from './routes/fsxDataRoutes.js';
import { fsxRoutes } from './routes/fsxRoutes.js';
import { hpcClusterRoutes } from './routes/hpcClusterRoutes.js';
import { hpcRoutes } from './routes/hpcRoutes.js';
import { marketplaceRoutes } from './routes/marketplaceRoutes.js';
import { policyRoutes } from './routes/policyRoutes.js';
import { sessionRoutes } from './routes/sessionRoutes.js';
import { sparkApplicationRoutes } from './routes/sparkApplicationRoutes.js';
import { storageRoutes } from './routes/storageRoutes.js';
import { teamRoutes } from './routes/teamRoutes.js';
import { templateRoutes } from './routes/templateRoutes.js';
import { workstationRoutes } from './routes/workstationRoutes.js';

/**
 * Every endpoint of the service API. A capability adds its routes in its own file under
 * `routes/` (an `ApiRoute[]`) and one line here; the OpenAPI document follows by itself.
 */
export const routeTable: ApiRoute[] = [
  ...sessionRoutes,
  ...templateRoutes,
  ...workstationRoutes,
  ...eventRoutes,
  ...storageRoutes,
  ...policyRoutes,
  ...costRoutes,
  ...teamRoutes,
  ...hpcRoutes,
  ...hpcClusterRoutes,
  ...bigdataRoutes,
  ...sparkApplicationRoutes,
  ...emrClusterRoutes,
  ...fsxRoutes,
  ...fsxDataRoutes,
  ...athenaRoutes,
  ...dataRoutes,
  ...marketplaceRoutes,
];
