import { EC2Client } from '@aws-sdk/client-ec2';
import { Ec2Compute } from '../source/aws/ec2Compute.js';
import { TAG } from '../source/core/ports.js';
import { SharedInstanceListing } from '../source/core/workstations/SharedInstanceListing.js';
import type { BenchFigure } from './BenchFigure.js';
import { type EndpointInstance, startEc2QueryEndpoint } from './ec2QueryEndpoint.js';

/** 4,000 managed instances spread unevenly over 4 regions, so that some regions take two pages. */
const PER_REGION: Record<string, number> = {
  'us-east-1': 1700,
  'us-west-2': 1200,
  'eu-west-1': 700,
  'eu-central-1': 400,
};
/** Instances of the account that cws-tui did not launch: the server-side filter keeps them out. */
const UNMANAGED = 250;
const REFRESH_MS = 5_000;
/** 35 s of the TUI: a refresh every 5 s, the cost report at the start and again at 30 s. */
const REFRESHES = 8;

function accountInstances(): EndpointInstance[] {
  const instances: EndpointInstance[] = [];
  let serial = 0;
  for (const [region, count] of Object.entries(PER_REGION)) {
    for (let n = 0; n < count + (region === 'us-east-1' ? UNMANAGED : 0); n++) {
      const managed = n < count;
      serial++;
      instances.push({
        id: `i-${serial.toString(16).padStart(17, '0')}`,
        region,
        type: ['t3.medium', 'm7i.large', 'r7i.large'][serial % 3] ?? 't3.medium',
        state: serial % 5 === 0 ? 'stopped' : 'running',
        launchedAt: '2026-11-01T08:00:00.000Z',
        tags: managed
          ? { [TAG.managed]: 'true', [TAG.name]: `ws-${serial}`, 'cws:research-user': `user${serial % 40}` }
          : { Name: `other-${serial}` },
      });
    }
  }
  return instances;
}

/**
 * The README's formula for the DescribeInstances calls of one refresh: in each region,
 * max(1, ceil(managed instances / 1000)) pages; the dashboard, the cost report and the services
 * page share that one listing.
 */
export function requestsPerRefresh(managedPerRegion: readonly number[]): number {
  return managedPerRegion.reduce((sum, count) => sum + Math.max(1, Math.ceil(count / 1000)), 0);
}

/**
 * Lists 4,000 instances in 4 regions through the real EC2 adapter and SDK against a loopback EC2
 * Query endpoint that counts requests: the dashboard's refreshes and the cost report's cycles as the
 * TUI runs them (at start both at once; the cost report again at 30 s, a second after a refresh).
 * The endpoint's count is checked against the README's formula.
 */
export async function runListingBench(): Promise<BenchFigure[]> {
  const endpoint = await startEc2QueryEndpoint(accountInstances());
  try {
    const clients = new Map<string, EC2Client>();
    const ec2 = (region: string) => {
      const client =
        clients.get(region) ??
        new EC2Client({
          region,
          endpoint: endpoint.url,
          credentials: { accessKeyId: 'AKIDBENCHLISTING', secretAccessKey: 'bench-secret' },
          maxAttempts: 1,
        });
      clients.set(region, client);
      return client;
    };
    let clock = 0;
    // The session's listing, with the TUI's refresh interval as its age (see CloudSession).
    const listing = new SharedInstanceListing(new Ec2Compute({ ec2 }), REFRESH_MS, () => clock);
    const regions = Object.keys(PER_REGION);
    const dashboard = () => listing.listInstances({ regions, tags: { [TAG.managed]: 'true' } });
    const costReport = () => listing.listInstances({ regions });
    let listed = 0;
    for (let refresh = 0; refresh < REFRESHES; refresh++) {
      clock = refresh * REFRESH_MS;
      if (refresh === 0) {
        const [shown] = await Promise.all([dashboard(), costReport()]);
        listed = shown.items.length;
      } else {
        await dashboard();
      }
      if (clock === 30_000) {
        clock += 1_000;
        await costReport();
      }
    }
    for (const client of clients.values()) client.destroy();
    const counted = endpoint.describeCalls();
    const perRefresh = requestsPerRefresh(Object.values(PER_REGION));
    return [
      {
        name: `listing: instances listed (of ${listed + UNMANAGED} in the account)`,
        value: listed,
        unit: 'instances',
      },
      {
        name: `listing: DescribeInstances counted by the endpoint, ${REFRESHES} refreshes + 2 cost cycles`,
        value: counted,
        unit: 'requests',
      },
      {
        name: 'listing: counted requests - README formula x refreshes',
        value: Math.abs(counted - perRefresh * REFRESHES),
        unit: 'requests',
        goal: '<= 0 requests',
      },
      {
        name: 'listing: requests without the cws:managed filter',
        value: endpoint.counts.unfiltered,
        unit: 'requests',
        goal: '<= 0 requests',
      },
    ];
  } finally {
    await endpoint.close();
  }
}
