import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAwsAccount } from '../../source/aws/createAwsAccount.js';
import { rejectionOf } from './rejectionOf.js';

/**
 * Endpoints on loopback that are not AWS: one that accepts the connection and never answers, and
 * ones that answer with a proxy's or captive portal's HTML page. Reached through AWS_ENDPOINT_URL,
 * with the real clients, handler and parsers.
 */
let server: Server | undefined;
let home: string | undefined;

async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<void> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  home = await mkdtemp(join(tmpdir(), 'cws-nonaws-'));
  vi.stubEnv('AWS_ENDPOINT_URL', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDLOCALTEST');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local-secret');
  vi.stubEnv('AWS_CONFIG_FILE', join(home, 'none'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(home, 'none'));
}

afterEach(async () => {
  vi.unstubAllEnvs();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  if (home) await rm(home, { recursive: true, force: true });
});

const account = (env: NodeJS.ProcessEnv = {}) =>
  createAwsAccount({ region: 'eu-west-1', regions: [], maxAttempts: 1, env });

describe('an endpoint that accepts the connection and never answers', () => {
  it('fails after the request timeout, naming the region, the service and the call', async () => {
    await serve(() => {});
    const cloud = await account({ CWS_AWS_REQUEST_TIMEOUT_MS: '400', CWS_AWS_CONNECT_TIMEOUT_MS: '400' });
    const error = await rejectionOf(cloud.compute.listInstances({ regions: ['eu-west-1'] }));
    expect(error.code).toBe('Timeout');
    expect(error.message).toBe('AWS did not answer in 0.4 s (eu-west-1, EC2: ec2:DescribeInstances).');
    expect(error.hint).toContain('CWS_AWS_REQUEST_TIMEOUT_MS');
  });
});

describe('replies that are not AWS XML or JSON', () => {
  const page = (status: number, body: string) => (_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    response.end(body);
  };

  it('an HTML 404 from a proxy is not "it may have been deleted"', async () => {
    await serve(
      page(404, '<html><head><title>404 Not Found</title></head><body><center>nginx</center></body></html>'),
    );
    const error = await rejectionOf((await account()).compute.listInstances({ regions: ['eu-west-1'] }));
    expect(error.code).toBe('NonAwsReply');
    expect(error.message).toBe(
      'The reply to ec2:DescribeInstances in eu-west-1 did not come from AWS: HTTP 404, "404 Not Found".',
    );
    expect(error.hint).toContain('captive portal');
    expect(error.message).not.toMatch(/deleted/);
  });

  it('an HTML 500 from a captive portal shows the status and its first line, not a parse message', async () => {
    await serve(page(500, '<!DOCTYPE html>\n<html><body>\n<h1>Sign in to CampusNet</h1></body></html>'));
    const error = await rejectionOf((await account()).identity.callerIdentity());
    expect(error.message).toBe(
      'The reply to sts:GetCallerIdentity did not come from AWS: HTTP 500, "Sign in to CampusNet".',
    );
  });

  it('an HTML 200 to a JSON service (SageMaker) is caught too', async () => {
    await serve(page(200, '<html><title>Welcome</title></html>'));
    const error = await rejectionOf((await account()).studio.listDomains('eu-west-1'));
    expect(error.code).toBe('NonAwsReply');
    expect(error.message).toContain('HTTP 200, "Welcome"');
  });

  it('a body the SDK cannot parse, without a content type, still says it is not AWS', async () => {
    await serve((_request, response) => {
      response.writeHead(502);
      response.end('Bad gateway');
    });
    const error = await rejectionOf((await account()).studio.listDomains('eu-west-1'));
    expect(error.code).toBe('NonAwsReply');
    expect(error.message).toBe(
      'SageMaker in eu-west-1 answered sagemaker:ListDomains with HTTP 502 that is not an AWS reply.',
    );
  });
});
