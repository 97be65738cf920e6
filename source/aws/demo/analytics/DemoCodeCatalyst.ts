import { z } from 'zod';
import type {
  CodeCatalystPort,
  CodeCatalystSpace,
  DevEnvironment,
  DevEnvironmentStatus,
  DevEnvironmentUsage,
} from '../../../core/analytics/codeCatalystPorts.js';
import { CloudError } from '../../../core/CloudError.js';
import { lazySchema } from '../../../core/schema/lazySchema.js';
import { DemoStateFile } from '../DemoStateFile.js';

const SPACE = 'cws-demo-space';
const PROJECT = 'climate-analysis';
/** Seconds a dev environment spends starting or stopping at realistic pace (speed 1; 0 is instant). */
const TRANSITION_SECONDS = 30;

const ENVIRONMENTS: DevEnvironment[] = [
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
    // Seeded stopped, as an idle environment is after CodeCatalyst's inactivity timeout: compute is
    // only what the kept starts and stops say.
    status: 'STOPPED',
    instance_type: 'dev.standard1.small',
    ides: ['Cloud9'],
  },
];

/** A start or stop asked for: where the environment is heading and since when (epoch ms). */
const changeSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    target: z.enum(['RUNNING', 'STOPPED']),
    since: z.number(),
  }),
);
const stateSchema = lazySchema(() => z.object({ changes: z.array(changeSchema) }));
type DevEnvironmentChange = z.infer<typeof changeSchema>;

/**
 * CodeCatalyst on the demo account: one space, one project, two dev environments. Starts and stops
 * are kept in the demo state dir (locked, atomic, a broken file set aside) and pass through
 * STARTING/STOPPING by the clock, as the other demo resources do.
 */
export class DemoCodeCatalyst implements CodeCatalystPort {
  private readonly file: DemoStateFile<typeof stateSchema>;

  constructor(
    stateDir: string,
    private readonly speed: number = 1,
    private readonly now: () => number = Date.now,
  ) {
    this.file = new DemoStateFile(stateDir, 'demo-codecatalyst.json', stateSchema, () => ({ changes: [] }));
  }

  private async changes(): Promise<DevEnvironmentChange[]> {
    return (await this.file.read()).changes;
  }

  private statusOf(env: DevEnvironment, changes: DevEnvironmentChange[]): DevEnvironmentStatus {
    // The history is kept whole (for the cost report); the last change decides.
    const change = changes.findLast((c) => c.id === env.id);
    if (!change) return env.status;
    // speed scales durations, as for the other demo resources: 0 is instant.
    const settled = this.now() - change.since >= TRANSITION_SECONDS * 1000 * this.speed;
    if (settled) return change.target;
    return change.target === 'RUNNING' ? 'STARTING' : 'STOPPING';
  }

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
    const changes = await this.changes();
    return ENVIRONMENTS.map((env) => ({ ...env, ides: [...env.ides], status: this.statusOf(env, changes) }));
  }

  private find(space: string, project: string, id: string): DevEnvironment {
    const env = ENVIRONMENTS.find((e) => e.space === space && e.project === project && e.id === id);
    if (!env)
      throw new CloudError({
        kind: 'not-found',
        code: 'ResourceNotFoundException',
        message: `CodeCatalyst: dev environment ${id} does not exist`,
        hint: '`cws-tui codecatalyst devenvs <space> <project>` lists them.',
      });
    return env;
  }

  /** Moves an environment toward `target`, refusing (as CodeCatalyst does) one still in transition. */
  private async change(
    space: string,
    project: string,
    id: string,
    target: 'RUNNING' | 'STOPPED',
  ): Promise<DevEnvironmentStatus> {
    const env = this.find(space, project, id);
    return this.file.update((state) => {
      const status = this.statusOf(env, state.changes);
      if (status === target) return status;
      if (status === 'STARTING' || status === 'STOPPING')
        throw new CloudError({
          kind: 'conflict',
          code: 'ConflictException',
          message: `CodeCatalyst: dev environment ${id} is ${status.toLowerCase()}; try again when it has finished`,
          hint: '`cws-tui codecatalyst devenvs <space> <project>` shows its status.',
        });
      state.changes = [...state.changes, { id, target, since: this.now() }];
      return target === 'RUNNING' ? 'STARTING' : 'STOPPING';
    });
  }

  startDevEnvironment(space: string, project: string, id: string): Promise<DevEnvironmentStatus> {
    return this.change(space, project, id, 'RUNNING');
  }

  stopDevEnvironment(space: string, project: string, id: string): Promise<DevEnvironmentStatus> {
    return this.change(space, project, id, 'STOPPED');
  }

  /** Each started environment's running and stopped spans, from the kept start/stop history. */
  async listDevEnvironmentUsage(): Promise<DevEnvironmentUsage[]> {
    const changes = await this.changes();
    const settle = TRANSITION_SECONDS * 1000 * this.speed;
    return ENVIRONMENTS.flatMap((env) => {
      const transitions: DevEnvironmentUsage['transitions'] = [];
      for (const change of changes.filter((c) => c.id === env.id)) {
        // Billed from the start request; a stop ends billing once the environment has stopped.
        const at = change.target === 'RUNNING' ? change.since : change.since + settle;
        if (at > this.now()) continue;
        const state = change.target === 'RUNNING' ? 'running' : 'stopped';
        transitions.push({ at: new Date(at).toISOString(), state });
      }
      if (transitions.length === 0) return [];
      const environment = { ...env, ides: [...env.ides], status: this.statusOf(env, changes) };
      return [{ environment, transitions }];
    });
  }
}
