import { EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EndpointInstance, startEc2QueryEndpoint } from '../../bench/ec2QueryEndpoint.js';
import { requestsPerRefresh } from '../../bench/listingBench.js';
import { Ec2Compute } from '../../source/aws/ec2Compute.js';

const instances: EndpointInstance[] = Array.from(
  { length: 1_300 },
  (_, n): EndpointInstance => ({
    id: `i-${n.toString(16).padStart(17, '0')}`,
    region: n < 1_250 ? 'us-east-1' : 'eu-west-1',
    type: 't3.medium',
    state: n % 2 ? 'running' : 'stopped',
    launchedAt: '2026-11-01T08:00:00.000Z',
    // Every tenth is not the app's: the filter on the server must leave it out.
    tags: n % 10 === 0 ? { Name: `other-${n}` } : { 'cws:managed': 'true', Name: `ws-${n}` },
  }),
);

describe('the bench EC2 Query endpoint', () => {
  let endpoint: Awaited<ReturnType<typeof startEc2QueryEndpoint>>;
  const clients: EC2Client[] = [];
  beforeAll(async () => {
    endpoint = await startEc2QueryEndpoint(instances);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await endpoint.close();
  });

  it('answers the real EC2 adapter page by page, filtered on the server, and counts each request', async () => {
    const compute = new Ec2Compute({
      ec2: (region) => {
        const client = new EC2Client({
          region,
          endpoint: endpoint.url,
          credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
          maxAttempts: 1,
        });
        clients.push(client);
        return client;
      },
    });
    const { items, requests } = await compute.listInstances({
      regions: ['us-east-1', 'eu-west-1'],
      tags: { 'cws:managed': 'true' },
    });
    // 1,125 managed in us-east-1 (two pages of at most 1,000) and 45 in eu-west-1 (one page).
    expect(items).toHaveLength(1_170);
    expect(items.every((item) => item.tags['cws:managed'] === 'true')).toBe(true);
    expect(items.find((item) => item.id === instances[1]?.id)).toMatchObject({
      region: 'us-east-1',
      state: 'running',
      name: 'ws-1',
      instance_type: 't3.medium',
    });
    expect(Object.fromEntries(endpoint.counts.describeInstances)).toEqual({ 'us-east-1': 2, 'eu-west-1': 1 });
    expect(endpoint.counts.unfiltered).toBe(0);
    expect(requests).toBe(3);
    expect(requestsPerRefresh([1_125, 45])).toBe(3);
  });
});
