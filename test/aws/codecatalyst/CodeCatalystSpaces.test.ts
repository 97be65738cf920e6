import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AccessDeniedException,
  CodeCatalystClient,
  ListDevEnvironmentsCommand,
  type ListDevEnvironmentsCommandOutput,
  ListProjectsCommand,
  type ListProjectsCommandOutput,
  ListSpacesCommand,
  type ListSpacesCommandOutput,
  StartDevEnvironmentCommand,
  type StartDevEnvironmentCommandOutput,
} from '@aws-sdk/client-codecatalyst';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CodeCatalystSpaces,
  readBuilderIdToken,
} from '../../../source/aws/codecatalyst/CodeCatalystSpaces.js';
import type { CloudError } from '../../../source/core/CloudError.js';

// The CodeCatalyst client's last release (3.693) carries an older @smithy/types than the mock's.
const catalyst = mockClient(CodeCatalystClient as unknown as Parameters<typeof mockClient>[0]);
type MockedCommand = Parameters<typeof catalyst.on>[0];
/** The mock keyed by the old client's command (see above); replies typed by the client's own models. */
function on<T extends object>(command: unknown, reply: Omit<T, '$metadata'> | Error) {
  const behaviour = catalyst.on(command as MockedCommand);
  const response: object = reply;
  if (reply instanceof Error) behaviour.rejects(reply);
  else behaviour.resolves(response);
}
const NOW = new Date('2026-12-06T05:00:00Z');

function home(entries: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sso-'));
  mkdirSync(join(dir, '.aws', 'sso', 'cache'), { recursive: true });
  for (const [name, body] of Object.entries(entries))
    writeFileSync(
      join(dir, '.aws', 'sso', 'cache', name),
      typeof body === 'string' ? body : JSON.stringify(body),
    );
  return dir;
}

describe('CodeCatalystSpaces', () => {
  beforeEach(() => catalyst.reset());

  it('reads the valid Builder ID token from the SSO cache, skipping expired, foreign and broken files', async () => {
    const dir = home({
      'a.json': {
        startUrl: 'https://view.awsapps.com/start',
        accessToken: 'old',
        expiresAt: '2026-12-06T04:00:00Z',
      },
      'b.json': {
        startUrl: 'https://view.awsapps.com/start/',
        accessToken: 'aoa-good',
        expiresAt: '2026-12-06T06:00:00Z',
      },
      'c.json': {
        startUrl: 'https://lab.awsapps.com/start',
        accessToken: 'org',
        expiresAt: '2026-12-07T00:00:00Z',
      },
      'd.json': '{ not json',
    });
    expect(await readBuilderIdToken(dir, NOW)).toBe('aoa-good');
    expect(await readBuilderIdToken(home({}), NOW)).toBeUndefined();
  });

  it('says how to sign in when there is no token, before any call', async () => {
    const spaces = new CodeCatalystSpaces(async () => undefined);
    const error = (await spaces.listSpaces().catch((e: unknown) => e)) as CloudError;
    expect(error.message).toMatch(/needs an AWS Builder ID sign-in/);
    expect(error.hint).toMatch(/aws sso login --sso-session/);
    expect(catalyst.calls()).toHaveLength(0);
  });

  it('lists spaces and dev environments, and starts one', async () => {
    on<ListSpacesCommandOutput>(ListSpacesCommand, {
      items: [{ name: 'lab-space', regionName: 'us-west-2', displayName: 'Lab space' }],
    });
    on<ListDevEnvironmentsCommandOutput>(ListDevEnvironmentsCommand, {
      items: [
        {
          spaceName: 'lab-space',
          projectName: 'climate',
          id: 'd1f0c2a4-5b6e-4c7d-8e9f-0a1b2c3d4e5f',
          lastUpdatedTime: new Date('2026-12-05T10:00:00Z'),
          creatorId: 'u-1',
          status: 'STOPPED',
          repositories: [],
          alias: 'notebook-env',
          ides: [{ name: 'VSCode', runtime: 'public.ecr.aws/jetbrains/vscode' }],
          instanceType: 'dev.standard1.medium',
          inactivityTimeoutMinutes: 15,
          persistentStorage: { sizeInGiB: 16 },
        },
      ],
    });
    on<StartDevEnvironmentCommandOutput>(StartDevEnvironmentCommand, {
      spaceName: 'lab-space',
      projectName: 'climate',
      id: 'd1f0c2a4-5b6e-4c7d-8e9f-0a1b2c3d4e5f',
      status: 'STARTING',
    });
    const spaces = new CodeCatalystSpaces(async () => 'aoa-good');
    expect(await spaces.listSpaces()).toEqual([
      { name: 'lab-space', region: 'us-west-2', display_name: 'Lab space' },
    ]);
    const [env] = await spaces.listDevEnvironments('lab-space', 'climate');
    expect(env).toMatchObject({
      alias: 'notebook-env',
      status: 'STOPPED',
      instance_type: 'dev.standard1.medium',
      ides: ['VSCode'],
    });
    expect(await spaces.startDevEnvironment('lab-space', 'climate', env?.id ?? '')).toBe('STARTING');
  });

  it('reports a refused call as unauthorized', async () => {
    on(
      ListSpacesCommand,
      new AccessDeniedException({ message: 'Access denied', $metadata: { httpStatusCode: 403 } }),
    );
    const error = (await new CodeCatalystSpaces(async () => 't')
      .listSpaces()
      .catch((e: unknown) => e)) as CloudError;
    expect(error.kind).toBe('unauthorized');
  });

  it('counts each running environment of every space and project from its last update only', async () => {
    on<ListSpacesCommandOutput>(ListSpacesCommand, {
      items: [{ name: 'lab-space', regionName: 'us-west-2', displayName: 'Lab space' }],
    });
    on<ListProjectsCommandOutput>(ListProjectsCommand, {
      items: [{ name: 'climate', displayName: 'Climate' }],
    });
    const env = {
      spaceName: 'lab-space',
      projectName: 'climate',
      creatorId: 'u-1',
      repositories: [],
      ides: [{ name: 'VSCode', runtime: 'public.ecr.aws/jetbrains/vscode' }],
      inactivityTimeoutMinutes: 15,
      persistentStorage: { sizeInGiB: 16 },
    };
    on<ListDevEnvironmentsCommandOutput>(ListDevEnvironmentsCommand, {
      items: [
        {
          ...env,
          id: 'a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c6d',
          alias: 'pipeline-env',
          status: 'RUNNING',
          instanceType: 'dev.standard1.large',
          lastUpdatedTime: new Date('2026-12-06T03:00:00Z'),
        },
        {
          ...env,
          id: 'd1f0c2a4-5b6e-4c7d-8e9f-0a1b2c3d4e5f',
          alias: 'notebook-env',
          status: 'STOPPED',
          instanceType: 'dev.standard1.medium',
          lastUpdatedTime: new Date('2026-12-05T10:00:00Z'),
        },
      ],
    });
    const usages = await new CodeCatalystSpaces(async () => 'aoa-good').listDevEnvironmentUsage();
    expect(usages).toEqual([
      {
        environment: expect.objectContaining({ alias: 'pipeline-env', instance_type: 'dev.standard1.large' }),
        transitions: [{ at: '2026-12-06T03:00:00.000Z', state: 'running' }],
        partial_history: true,
      },
    ]);
    expect(catalyst.commandCalls(ListProjectsCommand as unknown as MockedCommand)[0]?.args[0].input).toEqual({
      spaceName: 'lab-space',
    });
    expect(
      catalyst.commandCalls(ListDevEnvironmentsCommand as unknown as MockedCommand)[0]?.args[0].input,
    ).toMatchObject({ spaceName: 'lab-space', projectName: 'climate' });
  });
});
