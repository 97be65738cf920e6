import type {
  CodeCatalystPort,
  CodeCatalystSpace,
  DevEnvironment,
  DevEnvironmentStatus,
} from '../../../core/analytics/codeCatalystPorts.js';
import { CloudError } from '../../../core/CloudError.js';

const SPACE = 'cws-demo-space';
const PROJECT = 'climate-analysis';

/** CodeCatalyst on the demo account: one space, one project, two dev environments (kept in memory). */
export class DemoCodeCatalyst implements CodeCatalystPort {
  private readonly environments: DevEnvironment[] = [
    {
      id: 'd1f0c2a4-5b6e-4c7d-8e9f-0a1b2c3d4e5f',
      space: SPACE,
      project: PROJECT,
      alias: 'notebook-env',
      status: 'STOPPED',
      instance_type: 'dev.standard1.medium',
      ides: ['VSCode'],
    },
    {
      id: 'a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c6d',
      space: SPACE,
      project: PROJECT,
      alias: 'pipeline-env',
      status: 'RUNNING',
      instance_type: 'dev.standard1.small',
      ides: ['Cloud9'],
    },
  ];

  async listSpaces(): Promise<CodeCatalystSpace[]> {
    return [{ name: SPACE, region: 'us-west-2', display_name: 'CWS demo space' }];
  }

  async listDevEnvironments(space: string, project: string): Promise<DevEnvironment[]> {
    if (space !== SPACE || project !== PROJECT)
      throw new CloudError({
        kind: 'not-found',
        code: 'ResourceNotFoundException',
        message: `CodeCatalyst: project ${project} in space ${space} does not exist`,
        hint: `The demo space is ${SPACE} with project ${PROJECT}.`,
      });
    return this.environments.map((env) => ({ ...env }));
  }

  private find(space: string, project: string, id: string): DevEnvironment {
    const env = this.environments.find((e) => e.space === space && e.project === project && e.id === id);
    if (!env)
      throw new CloudError({
        kind: 'not-found',
        code: 'ResourceNotFoundException',
        message: `CodeCatalyst: dev environment ${id} does not exist`,
        hint: '`cws-tui codecatalyst devenvs <space> <project>` lists them.',
      });
    return env;
  }

  async startDevEnvironment(space: string, project: string, id: string): Promise<DevEnvironmentStatus> {
    const env = this.find(space, project, id);
    env.status = 'RUNNING';
    return 'STARTING';
  }

  async stopDevEnvironment(space: string, project: string, id: string): Promise<DevEnvironmentStatus> {
    const env = this.find(space, project, id);
    env.status = 'STOPPED';
    return 'STOPPING';
  }
}
