import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAwsAccount } from '../../source/aws/createAwsAccount.js';
import { CloudError } from '../../source/core/CloudError.js';
import { rejectionOf } from './rejectionOf.js';

/**
 * A local stand-in for AWS reached through AWS_ENDPOINT_URL, as LocalStack or a corporate endpoint
 * would be: it proves the adapters never override endpoints and that the real clients, signing,
 * retry and XML parsing work end to end.
 */
let server: Server;
let requests: { action: string; authorization: string; host: string; params: URLSearchParams }[];
let home: string;
/** How many DescribeInstances calls to refuse with RequestLimitExceeded before answering. */
let throttleNext = 0;

const STS_IDENTITY = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::123456789012:user/ana</Arn>
    <UserId>AIDAEXAMPLEUSERID</UserId>
    <Account>123456789012</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`;

const EC2_INSTANCES = `<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>8f7724cf-496f-496e-8fe3-example</requestId>
  <reservationSet>
    <item>
      <reservationId>r-0a1</reservationId>
      <ownerId>123456789012</ownerId>
      <instancesSet>
        <item>
          <instanceId>i-0a1b2c3d4e5f60718</instanceId>
          <imageId>ami-0c7217cdde317cfec</imageId>
          <instanceState><code>16</code><name>running</name></instanceState>
          <instanceType>m7i.large</instanceType>
          <launchTime>2026-11-25T09:14:02.000Z</launchTime>
          <placement><availabilityZone>us-east-1b</availabilityZone></placement>
          <architecture>x86_64</architecture>
          <clientToken>launch-7f3a</clientToken>
          <tagSet>
            <item><key>Name</key><value>ana-rstudio</value></item>
            <item><key>cws:managed</key><value>true</value></item>
          </tagSet>
        </item>
      </instancesSet>
    </item>
  </reservationSet>
</DescribeInstancesResponse>`;

const EC2_UNAUTHORIZED = `<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/ana is not authorized to perform: ec2:TerminateInstances on resource: arn:aws:ec2:us-east-1:123456789012:instance/i-1 because no identity-based policy allows the ec2:TerminateInstances action. Encoded authorization failure message: Zm9v</Message></Error></Errors><RequestID>5e4f</RequestID></Response>`;

const EC2_IMAGES = `<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>a1</requestId>
  <imagesSet><item><imageId>ami-0c7217cdde317cfec</imageId><rootDeviceName>/dev/sda1</rootDeviceName></item></imagesSet>
</DescribeImagesResponse>`;

const EC2_RUN = `<RunInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>b2</requestId>
  <reservationId>r-0b2</reservationId>
  <ownerId>123456789012</ownerId>
  <instancesSet>
    <item>
      <instanceId>i-0fedcba9876543210</instanceId>
      <imageId>ami-0c7217cdde317cfec</imageId>
      <instanceState><code>0</code><name>pending</name></instanceState>
      <instanceType>m7i.large</instanceType>
      <launchTime>2026-11-26T03:00:00.000Z</launchTime>
      <placement><availabilityZone>us-east-1a</availabilityZone></placement>
      <architecture>x86_64</architecture>
      <clientToken>launch-9c1d</clientToken>
      <instanceLifecycle>spot</instanceLifecycle>
    </item>
  </instancesSet>
</RunInstancesResponse>`;

const EC2_THROTTLED = `<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>7a1c</RequestID></Response>`;

beforeEach(async () => {
  requests = [];
  throttleNext = 0;
  home = await mkdtemp(join(tmpdir(), 'cws-home-'));
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      const params = new URLSearchParams(body);
      const action = params.get('Action') ?? '';
      requests.push({
        action,
        authorization: request.headers.authorization ?? '',
        host: request.headers.host ?? '',
        params,
      });
      response.setHeader('content-type', 'text/xml');
      if (action === 'GetCallerIdentity') {
        response.end(STS_IDENTITY);
      } else if (action === 'DescribeInstances' && throttleNext > 0) {
        throttleNext -= 1;
        response.statusCode = 503;
        response.end(EC2_THROTTLED);
      } else if (action === 'DescribeInstances') {
        response.end(EC2_INSTANCES);
      } else if (action === 'DescribeImages') {
        response.end(EC2_IMAGES);
      } else if (action === 'RunInstances') {
        response.end(EC2_RUN);
      } else {
        response.statusCode = 403;
        response.end(EC2_UNAUTHORIZED);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  vi.stubEnv('AWS_ENDPOINT_URL', endpoint);
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDLOCALTEST');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local-secret');
  vi.stubEnv('HOME', home);
  vi.stubEnv('AWS_CONFIG_FILE', join(home, 'none'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(home, 'none'));
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => server.close(resolve));
  await rm(home, { recursive: true, force: true });
});

describe('createAwsAccount', () => {
  it('describes an AWS account over the regions asked for, default region first', async () => {
    const account = await createAwsAccount({
      region: 'us-east-1',
      regions: ['eu-west-1', 'us-east-1'],
      maxAttempts: 1,
    });
    expect(account.kind).toBe('aws');
    expect(account.defaultRegion).toBe('us-east-1');
    expect(account.regions).toEqual(['us-east-1', 'eu-west-1']);
  });

  it('reaches AWS_ENDPOINT_URL with credentials from the default provider chain', async () => {
    const account = await createAwsAccount({ region: 'us-east-1', regions: [], maxAttempts: 1 });
    expect(await account.identity.callerIdentity()).toEqual({
      account: '123456789012',
      arn: 'arn:aws:iam::123456789012:user/ana',
      user_id: 'AIDAEXAMPLEUSERID',
    });
    const listed = await account.compute.listInstances({ regions: ['us-east-1'] });
    expect(listed.requests).toBe(1);
    expect(listed.items[0]).toMatchObject({
      id: 'i-0a1b2c3d4e5f60718',
      name: 'ana-rstudio',
      state: 'running',
    });
    expect(requests.map((request) => request.action)).toEqual(['GetCallerIdentity', 'DescribeInstances']);
    expect(requests[0]!.authorization).toContain('Credential=AKIDLOCALTEST/');
    expect(requests[1]!.authorization).toContain('/us-east-1/ec2/aws4_request');
  });

  it('turns an error response from the wire into a CloudError naming the permission', async () => {
    const account = await createAwsAccount({ region: 'us-east-1', regions: [], maxAttempts: 1 });
    const error = await rejectionOf(account.compute.terminateInstance('us-east-1', 'i-1'));
    expect(error).toBeInstanceOf(CloudError);
    // DescribeInstances answers first; TerminateInstances is refused.
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toBe('Not permitted: ec2:TerminateInstances in us-east-1.');
  });
  it("keeps the SDK's Node version notice off the screen unless the user asked otherwise", async () => {
    vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', undefined);
    await createAwsAccount({ region: 'us-east-1', regions: [] });
    expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('true');
    vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'false');
    await createAwsAccount({ region: 'us-east-1', regions: [] });
    expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('false');
  });
  it("backs off and retries RequestLimitExceeded with the SDK's adaptive retry", async () => {
    throttleNext = 1;
    const account = await createAwsAccount({ region: 'us-east-1', regions: [], maxAttempts: 2 });
    const listed = await account.compute.listInstances({ regions: ['us-east-1'] });
    expect(listed.items).toHaveLength(1);
    expect(requests.filter((request) => request.action === 'DescribeInstances')).toHaveLength(2);
  });

  it('reports throttling that outlasts the retries as such', async () => {
    throttleNext = 5;
    const account = await createAwsAccount({ region: 'us-east-1', regions: [], maxAttempts: 1 });
    const error = await rejectionOf(account.compute.listInstances({ regions: ['us-east-1'] }));
    expect(error.kind).toBe('throttled');
    expect(requests).toHaveLength(1);
  });

  it('puts every RunInstances parameter on the wire as EC2 expects it', async () => {
    const account = await createAwsAccount({ region: 'us-east-1', regions: [], maxAttempts: 1 });
    const instance = await account.compute.runInstance({
      region: 'us-east-1',
      name: 'ana-gpu',
      image_id: 'ami-0c7217cdde317cfec',
      instance_type: 'm7i.large',
      user_data_base64: 'IyEvYmluL2Jhc2gK',
      client_token: 'launch-9c1d',
      tags: { 'cws:research-user': 'ana' },
      root_volume_gb: 80,
      root_volume_type: 'gp3',
      spot: true,
      hibernation: false,
      key_name: 'cws-ana',
      security_group_ids: ['sg-0aa'],
      iam_instance_profile: 'cws-workstation',
    });
    expect(instance).toMatchObject({
      id: 'i-0fedcba9876543210',
      state: 'pending',
      spot: true,
      root_volume_gb: 80,
    });
    const run = requests.find((request) => request.action === 'RunInstances')!.params;
    expect(Object.fromEntries(run)).toMatchObject({
      ImageId: 'ami-0c7217cdde317cfec',
      InstanceType: 'm7i.large',
      MinCount: '1',
      MaxCount: '1',
      ClientToken: 'launch-9c1d',
      UserData: 'IyEvYmluL2Jhc2gK',
      KeyName: 'cws-ana',
      'SecurityGroupId.1': 'sg-0aa',
      'IamInstanceProfile.Name': 'cws-workstation',
      'BlockDeviceMapping.1.DeviceName': '/dev/sda1',
      'BlockDeviceMapping.1.Ebs.VolumeSize': '80',
      'BlockDeviceMapping.1.Ebs.VolumeType': 'gp3',
      'BlockDeviceMapping.1.Ebs.Encrypted': 'true',
      'MetadataOptions.HttpTokens': 'required',
      'InstanceMarketOptions.MarketType': 'spot',
      'InstanceMarketOptions.SpotOptions.SpotInstanceType': 'persistent',
      'InstanceMarketOptions.SpotOptions.InstanceInterruptionBehavior': 'stop',
      'TagSpecification.1.ResourceType': 'instance',
      'TagSpecification.2.ResourceType': 'volume',
      'TagSpecification.3.ResourceType': 'spot-instances-request',
    });
    const instanceTags = [...run.entries()].filter(([key]) => key.startsWith('TagSpecification.1.Tag.'));
    expect(instanceTags).toContainEqual(['TagSpecification.1.Tag.1.Key', 'cws:research-user']);
    expect(run.get('HibernationOptions.Configured')).toBeNull();
  });
});
