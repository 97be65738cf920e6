import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One instance the endpoint knows, in the fields DescribeInstances returns for it. */
export interface EndpointInstance {
  id: string;
  region: string;
  type: string;
  state: 'pending' | 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated';
  launchedAt: string;
  tags: Record<string, string>;
}

/** What the endpoint has been asked, counted on the server side. */
export interface EndpointCounts {
  /** DescribeInstances calls per region. */
  describeInstances: Map<string, number>;
  /** DescribeInstances calls that did not filter on cws:managed=true (so listed everything). */
  unfiltered: number;
  /** Calls of any other action, by name. */
  other: Map<string, number>;
}

const PAGE_LIMIT = 1000;
const STATE_CODES = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

const xml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The region a SigV4-signed request was signed for: `Credential=<key>/<date>/<region>/ec2/aws4_request`. */
function signedRegion(request: IncomingMessage): string {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\/ec2\//.exec(request.headers.authorization ?? '')?.[1] ?? '';
}

/** `Filter.N.Name` / `Filter.N.Value.M` pairs of a Query API request. */
function filtersOf(params: URLSearchParams): Array<{ name: string; values: string[] }> {
  const filters: Array<{ name: string; values: string[] }> = [];
  for (let n = 1; params.has(`Filter.${n}.Name`); n++) {
    const values: string[] = [];
    for (let m = 1; params.has(`Filter.${n}.Value.${m}`); m++)
      values.push(params.get(`Filter.${n}.Value.${m}`) ?? '');
    filters.push({ name: params.get(`Filter.${n}.Name`) ?? '', values });
  }
  return filters;
}

function matches(instance: EndpointInstance, filter: { name: string; values: string[] }): boolean {
  if (filter.name.startsWith('tag:'))
    return filter.values.includes(instance.tags[filter.name.slice(4)] ?? '\u0000');
  if (filter.name === 'instance-id') return filter.values.includes(instance.id);
  if (filter.name === 'instance-state-name') return filter.values.includes(instance.state);
  // A filter this endpoint does not know matches nothing, as EC2's unknown filters fail loudly.
  return false;
}

function instanceXml(instance: EndpointInstance): string {
  const tags = Object.entries(instance.tags)
    .map(([key, value]) => `<item><key>${xml(key)}</key><value>${xml(value)}</value></item>`)
    .join('');
  return `<item><reservationId>r-${instance.id.slice(2)}</reservationId><ownerId>123456789012</ownerId><groupSet/><instancesSet><item><instanceId>${instance.id}</instanceId><imageId>ami-0123456789abcdef0</imageId><instanceState><code>${STATE_CODES[instance.state]}</code><name>${instance.state}</name></instanceState><instanceType>${instance.type}</instanceType><launchTime>${instance.launchedAt}</launchTime><placement><availabilityZone>${instance.region}a</availabilityZone></placement><architecture>x86_64</architecture><clientToken>${instance.id}-token</clientToken><tagSet>${tags}</tagSet></item></instancesSet></item>`;
}

function errorXml(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${code}</Code><Message>${xml(message)}</Message></Error></Errors><RequestID>${randomUUID()}</RequestID></Response>`;
}

/**
 * A loopback HTTP server speaking enough of the EC2 Query API for the bench: DescribeInstances with
 * its filters (tags, instance ids, states) applied on the server, pages of at most `MaxResults`
 * (1000) with a `NextToken`, each region told apart by the region the request was signed for. It
 * counts what it is asked, so the bench compares the requests a refresh really makes with the
 * README's formula.
 */
export async function startEc2QueryEndpoint(instances: readonly EndpointInstance[]) {
  const counts: EndpointCounts = { describeInstances: new Map(), unfiltered: 0, other: new Map() };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const action = params.get('Action') ?? '';
      const send = (status: number, body: string) => {
        response.writeHead(status, { 'content-type': 'text/xml;charset=UTF-8' });
        response.end(body);
      };
      if (action !== 'DescribeInstances') {
        counts.other.set(action, (counts.other.get(action) ?? 0) + 1);
        send(400, errorXml('InvalidAction', `the bench endpoint does not implement ${action}`));
        return;
      }
      const region = signedRegion(request);
      counts.describeInstances.set(region, (counts.describeInstances.get(region) ?? 0) + 1);
      const filters = filtersOf(params);
      if (!filters.some((f) => f.name === 'tag:cws:managed' && f.values.includes('true')))
        counts.unfiltered++;
      const limit = Math.min(PAGE_LIMIT, Number(params.get('MaxResults') ?? PAGE_LIMIT) || PAGE_LIMIT);
      const offset = Number(params.get('NextToken') ?? 0);
      if (!Number.isInteger(offset) || offset < 0) {
        send(400, errorXml('InvalidParameterValue', 'the NextToken is not one this endpoint gave'));
        return;
      }
      const listed = instances.filter((i) => i.region === region && filters.every((f) => matches(i, f)));
      const page = listed.slice(offset, offset + limit);
      const next = offset + limit < listed.length ? `<nextToken>${offset + limit}</nextToken>` : '';
      send(
        200,
        `<?xml version="1.0" encoding="UTF-8"?><DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${randomUUID()}</requestId><reservationSet>${page.map(instanceXml).join('')}</reservationSet>${next}</DescribeInstancesResponse>`,
      );
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    /** DescribeInstances calls so far, all regions. */
    describeCalls: () => [...counts.describeInstances.values()].reduce((sum, n) => sum + n, 0),
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
