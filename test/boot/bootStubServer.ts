import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One signed AWS call the instance made: EC2 Query parameters, or SSM's JSON target and body. */
export interface StubApiCall {
  service: string;
  action: string;
  params: Record<string, string>;
}

export interface BootStubServer {
  port: number;
  calls: StubApiCall[];
  /** URL fragments whose downloads fail (fault injection). */
  failDownloads: string[];
  /** The values the instance gave its `cws:progress` tag, in order. */
  progressTags(): string[];
  close(): Promise<void>;
}

export interface StubArtifact {
  /** A fragment of the download's URL (host and path, no scheme). */
  match: string;
  body: Buffer;
  /** Serve `<url>.sha256` too, as conda-forge does. */
  sha256?: boolean;
}

const read = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

/**
 * Stands in for everything outside the workstation on the host's loopback: instance metadata
 * (IMDSv2), the EC2 and SSM APIs (recording each call), and the vendors' downloads. The container
 * reaches it through a curl shim that rewrites `scheme://host/path` to `http://127.0.0.1:<port>/host/path`.
 */
export async function startBootStubServer(
  instanceId: string,
  artifacts: StubArtifact[],
): Promise<BootStubServer> {
  const calls: StubApiCall[] = [];
  const failDownloads: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const path = (request.url ?? '/').slice(1);
    const body = await read(request);
    const answer = (status: number, text: string | Buffer) => {
      response.writeHead(status);
      response.end(text);
    };
    if (path.startsWith('169.254.169.254/')) {
      const meta = path.slice('169.254.169.254/latest/'.length);
      if (meta === 'api/token' && request.method === 'PUT') return answer(200, 'harness-token');
      // IMDSv2 only: a read without the session token is refused, as on an instance that requires it.
      if (request.headers['x-aws-ec2-metadata-token'] !== 'harness-token') return answer(401, '');
      const values: Record<string, string> = {
        'meta-data/instance-id': instanceId,
        'meta-data/placement/region': 'us-east-1',
        'meta-data/iam/security-credentials/': 'cws-workstation',
        'meta-data/iam/security-credentials/cws-workstation': JSON.stringify(
          { Code: 'Success', AccessKeyId: 'ASIAHARNESS', SecretAccessKey: 'c2VjcmV0', Token: 'session' },
          null,
          2,
        ),
      };
      const value = values[meta];
      return value === undefined ? answer(404, '') : answer(200, value);
    }
    const host = path.split('/')[0] ?? '';
    if (/^(ec2|ssm)\.[a-z0-9-]+\.amazonaws\.com$/.test(host)) {
      const service = host.split('.')[0] ?? '';
      if (!String(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 '))
        return answer(403, '');
      const target = String(request.headers['x-amz-target'] ?? '');
      if (target) {
        calls.push({ service, action: target, params: JSON.parse(body) as Record<string, string> });
        return answer(200, '{"Version":1,"Tier":"Standard"}');
      }
      const params = Object.fromEntries(new URLSearchParams(body));
      calls.push({ service, action: params.Action ?? '', params });
      return answer(200, '<Response><return>true</return></Response>');
    }
    if (failDownloads.some((fragment) => path.includes(fragment))) return answer(503, '');
    for (const artifact of artifacts) {
      if (artifact.sha256 && path.endsWith('.sha256') && path.includes(artifact.match)) {
        const sum = createHash('sha256').update(artifact.body).digest('hex');
        return answer(200, `${sum}  ${artifact.match.split('/').at(-1)}\n`);
      }
      if (path.includes(artifact.match)) return answer(200, artifact.body);
    }
    return answer(404, `no stub for ${path}\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    calls,
    failDownloads,
    progressTags: () =>
      calls
        .filter((call) => call.action === 'CreateTags' && call.params['Tag.1.Key'] === 'cws:progress')
        .map((call) => call.params['Tag.1.Value'] ?? ''),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
