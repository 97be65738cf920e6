import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CodeCatalystClient,
  paginateListDevEnvironments,
  paginateListProjects,
  paginateListSpaces,
  StartDevEnvironmentCommand,
  StopDevEnvironmentCommand,
} from '@aws-sdk/client-codecatalyst';
import { builderIdToken, type SsoCacheEntry } from '../../core/analytics/builderIdToken.js';
import type {
  CodeCatalystPort,
  CodeCatalystSpace,
  DevEnvironment,
  DevEnvironmentStatus,
  DevEnvironmentUsage,
} from '../../core/analytics/codeCatalystPorts.js';
import { CloudError } from '../../core/CloudError.js';
import { translateAwsError } from '../translateAwsError.js';

/** The Builder ID token `aws sso login --sso-session <codecatalyst session>` left in the SSO cache. */
export async function readBuilderIdToken(home: string, now = new Date()): Promise<string | undefined> {
  const dir = join(home, '.aws', 'sso', 'cache');
  const names = await readdir(dir).catch(() => [] as string[]);
  const entries: SsoCacheEntry[] = [];
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    try {
      entries.push(JSON.parse(await readFile(join(dir, name), 'utf8')) as SsoCacheEntry);
    } catch {
      // Another tool's unreadable cache file is not ours to report.
    }
  }
  return builderIdToken(entries, now);
}

const NO_TOKEN = new CloudError({
  kind: 'no-credentials',
  code: 'NoBuilderIdToken',
  message: 'CodeCatalyst needs an AWS Builder ID sign-in, and there is no valid token in ~/.aws/sso/cache',
  hint: 'Add an sso-session with sso_start_url = https://view.awsapps.com/start and sso_registration_scopes = codecatalyst:read_write to ~/.aws/config, then run `aws sso login --sso-session <name>`.',
});

/** CodeCatalyst through the SDK with a bearer token; its API lives in us-west-2 for every space. */
export class CodeCatalystSpaces implements CodeCatalystPort {
  private client?: CodeCatalystClient;

  constructor(private readonly token: () => Promise<string | undefined>) {}

  private async connect(): Promise<CodeCatalystClient> {
    if (this.client) return this.client;
    const token = await this.token();
    if (!token) throw NO_TOKEN;
    this.client = new CodeCatalystClient({ region: 'us-west-2', token: { token } });
    return this.client;
  }

  private async call<T>(action: string, run: (client: CodeCatalystClient) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      return await run(client);
    } catch (thrown) {
      throw translateAwsError(thrown, { action, region: 'us-west-2' });
    }
  }

  async listSpaces(): Promise<CodeCatalystSpace[]> {
    return this.call('codecatalyst:ListSpaces', async (client) => {
      const spaces: CodeCatalystSpace[] = [];
      for await (const page of paginateListSpaces({ client }, {}))
        for (const space of page.items ?? [])
          if (space.name)
            spaces.push({
              name: space.name,
              region: space.regionName ?? 'us-west-2',
              ...(space.displayName ? { display_name: space.displayName } : {}),
            });
      return spaces;
    });
  }

  async listDevEnvironments(space: string, project: string): Promise<DevEnvironment[]> {
    return this.call('codecatalyst:ListDevEnvironments', async (client) => {
      const environments: DevEnvironment[] = [];
      for await (const page of paginateListDevEnvironments(
        { client },
        { spaceName: space, projectName: project },
      ))
        for (const env of page.items ?? [])
          if (env.id)
            environments.push({
              id: env.id,
              space,
              project,
              status: (env.status ?? 'PENDING') as DevEnvironmentStatus,
              instance_type: env.instanceType ?? 'dev.standard1.small',
              ides: (env.ides ?? []).map((ide) => ide.name ?? ide.runtime ?? '').filter(Boolean),
              ...(env.alias ? { alias: env.alias } : {}),
              ...(env.lastUpdatedTime ? { updated_at: env.lastUpdatedTime.toISOString() } : {}),
            });
      return environments;
    });
  }

  async startDevEnvironment(space: string, project: string, id: string): Promise<DevEnvironmentStatus> {
    const reply = await this.call('codecatalyst:StartDevEnvironment', (client) =>
      client.send(new StartDevEnvironmentCommand({ spaceName: space, projectName: project, id })),
    );
    return (reply.status ?? 'STARTING') as DevEnvironmentStatus;
  }

  async stopDevEnvironment(space: string, project: string, id: string): Promise<DevEnvironmentStatus> {
    const reply = await this.call('codecatalyst:StopDevEnvironment', (client) =>
      client.send(new StopDevEnvironmentCommand({ spaceName: space, projectName: project, id })),
    );
    return (reply.status ?? 'STOPPING') as DevEnvironmentStatus;
  }

  private async listProjects(space: string): Promise<string[]> {
    return this.call('codecatalyst:ListProjects', async (client) => {
      const projects: string[] = [];
      for await (const page of paginateListProjects({ client }, { spaceName: space }))
        for (const project of page.items ?? []) if (project.name) projects.push(project.name);
      return projects;
    });
  }

  /**
   * The running environments of every space and project. The API gives only the current status
   * and its last update, so a running one is counted from that update (and says so); stopped ones
   * have no compute the API can show.
   */
  async listDevEnvironmentUsage(): Promise<DevEnvironmentUsage[]> {
    const usages: DevEnvironmentUsage[] = [];
    for (const space of await this.listSpaces())
      for (const project of await this.listProjects(space.name))
        for (const environment of await this.listDevEnvironments(space.name, project)) {
          const running = environment.status === 'RUNNING' || environment.status === 'STARTING';
          if (!running || !environment.updated_at) continue;
          usages.push({
            environment,
            transitions: [{ at: environment.updated_at, state: 'running' }],
            partial_history: true,
          });
        }
    return usages;
  }
}
