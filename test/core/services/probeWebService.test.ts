import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { freeLocalPort } from '../../../source/core/connect/startTunnel.js';
import { probeWebService } from '../../../source/core/services/probeWebService.js';

let server: Server | undefined;

async function serve(status: number): Promise<number> {
  server = createServer((_request, response) => {
    response.writeHead(status, status === 302 ? { Location: '/login' } : {});
    response.end();
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

afterEach(() => {
  server?.close();
  server = undefined;
});

describe('probeWebService', () => {
  it('counts a sign-in redirect as a service that answers', async () => {
    const port = await serve(302);
    expect(await probeWebService(`http://127.0.0.1:${port}/`)).toEqual({
      status: 'healthy',
      detail: 'answers (HTTP 302)',
    });
  });

  it('reports a server error and a closed port as unhealthy', async () => {
    const port = await serve(502);
    expect(await probeWebService(`http://127.0.0.1:${port}/`)).toEqual({
      status: 'unhealthy',
      detail: 'answers with HTTP 502',
    });
    const closed = await freeLocalPort(0);
    expect(await probeWebService(`http://127.0.0.1:${closed}/`)).toMatchObject({
      status: 'unhealthy',
      detail: expect.stringMatching(/^does not answer \(.*ECONNREFUSED/),
    });
  });
});
