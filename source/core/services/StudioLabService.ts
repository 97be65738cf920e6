import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { withFileLock } from '../fs/withFileLock.js';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import type { ResearchUser } from '../identity/ResearchUser.js';
import { LaunchDeniedError, LaunchError } from '../launch/LaunchError.js';
import type { LaunchProgress } from '../launch/LaunchProgress.js';
import type { LaunchRequest } from '../launch/LaunchRequest.js';
import type { LaunchProfile } from '../launch/launchChecks.js';
import { launchStepRunner } from '../launch/launchStepRunner.js';
import { validateWorkstationName } from '../launch/validateLaunchNames.js';
import { lazySchema } from '../schema/lazySchema.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import type { Workstation } from '../workstations/Workstation.js';
import type { Service, ServiceEndpoint, ServiceLaunchResult } from './Service.js';
import type { ServiceHealth } from './ServiceHealth.js';
import { unsupportedOperationError } from './serviceOperations.js';
import { STUDIO_LAB_URL, studioLabImportUrl } from './studioLabLinks.js';

const linkSchema = lazySchema(() =>
  z.object({
    name: z.string(),
    template: z.string(),
    url: z.string(),
    profile: z.string(),
    research_user: z.string(),
    created_at: z.string(),
  }),
);
const linksFileSchema = lazySchema(() => z.object({ links: z.array(linkSchema) }));
type StudioLabLink = z.infer<typeof linkSchema>;

/** Studio Lab is not in an AWS region; its rows say so. */
export const STUDIO_LAB_REGION = 'global';
/** The policy sees a Studio Lab link as this "instance type": free, with no hardware to check. */
export const STUDIO_LAB_INSTANCE_TYPE = 'studio-lab';
export const STUDIO_LAB_NOTE =
  'Studio Lab has no AWS API: it signs in with its own account, has no lifecycle here and costs nothing.';

export interface StudioLabServiceContext {
  stateDir: string;
  profile: LaunchProfile;
  researchUser(): Promise<ResearchUser>;
  now?: () => Date;
}

/** A launch request for Studio Lab: optionally a GitHub notebook to import. */
export interface StudioLabLaunchRequest extends LaunchRequest {
  notebook_url?: string;
}

/**
 * SageMaker Studio Lab, treated honestly: a launch saves a link (the sign-in page, or the import
 * address of a GitHub notebook) in the state dir, so it sits on the dashboard next to the rest;
 * connect opens it. There is nothing to start, stop or bill.
 */
export class StudioLabService implements Service {
  readonly kinds = ['studio-lab'] as const;
  private readonly context: StudioLabServiceContext;
  private readonly path: string;
  private readonly now: () => Date;

  constructor(context: StudioLabServiceContext) {
    this.context = context;
    this.path = join(context.stateDir, 'studio-lab-links.json');
    this.now = context.now ?? (() => new Date());
  }

  async launch(
    request: StudioLabLaunchRequest,
    template: ResolvedTemplate,
    onProgress: (progress: LaunchProgress) => void,
  ): Promise<ServiceLaunchResult> {
    const steps = launchStepRunner(onProgress, this.now);
    const nameProblem = validateWorkstationName(request.name);
    if (nameProblem) throw new LaunchError('resolve-template', nameProblem);
    const url = await steps.run('resolve-template', async () => {
      const config = template.service_config;
      if (config?.kind !== 'studio-lab') {
        throw new LaunchError('resolve-template', `${template.slug} is not a Studio Lab template`);
      }
      const base = config.url ?? STUDIO_LAB_URL;
      if (!request.notebook_url) return [base, base];
      try {
        const imported = studioLabImportUrl(request.notebook_url, base);
        return [imported, `imports ${request.notebook_url}`];
      } catch (error) {
        throw new LaunchError('resolve-template', (error as Error).message);
      }
    });
    steps.skip('estimate-cost', 'Studio Lab is free');
    const user = await this.context.researchUser();
    const verdict = await steps.run('check-policy', async () => {
      // The policy engine and template facts are loaded for a launch only: a `list` never needs them.
      const { evaluatePolicy } = await import('../policy/evaluatePolicy.js');
      const { templatePolicyFacts } = await import('../templates/templatePolicyFacts.js');
      const verdict = evaluatePolicy(
        this.context.profile.policy,
        {
          template_slug: template.slug,
          instance_type: STUDIO_LAB_INSTANCE_TYPE,
          region: STUDIO_LAB_REGION,
          spot: false,
          hibernation: false,
          service_type: 'web',
          root_volume_gb: 0,
          tags: request.tags ?? {},
          ...templatePolicyFacts(template),
        },
        { hourly_cost: 0, running_count_for_user: 0 },
      );
      if (!verdict.allowed) throw new LaunchDeniedError(verdict);
      return [verdict, verdict.notes[0] ?? `allowed (${verdict.checked.length} rules checked)`];
    });
    const link: StudioLabLink = {
      name: request.name,
      template: template.slug,
      url,
      profile: this.context.profile.name,
      research_user: user.username,
      created_at: this.now().toISOString(),
    };
    const resumed = await steps.run('create-app', async () => {
      const replaced = await this.update((links) => {
        const index = links.findIndex((candidate) => candidate.name === request.name);
        const existing = links[index];
        if (existing && existing.template !== template.slug) {
          throw new LaunchError(
            'create-app',
            `a service named '${request.name}' already exists (${existing.template})`,
            'Choose another name, or terminate the existing one first.',
          );
        }
        if (existing) links[index] = { ...link, created_at: existing.created_at };
        else links.push(link);
        return existing !== undefined;
      });
      return [replaced, `saved the link ${url}`];
    });
    return { workstation: toRow(link), template, hourly_cost: 0, verdict, resumed };
  }

  /** Links are not in a region: every listing has them all. */
  async list(): Promise<Workstation[]> {
    return (await this.read()).map(toRow);
  }

  async status(row: Workstation): Promise<Workstation | undefined> {
    const link = (await this.read()).find((candidate) => candidate.name === row.name);
    return link ? toRow(link) : { ...row, state: 'terminated' };
  }

  async health(): Promise<ServiceHealth> {
    return { status: 'unknown', detail: STUDIO_LAB_NOTE };
  }

  async start(row: Workstation): Promise<void> {
    throw unsupportedOperationError(row.kind, 'start');
  }

  async stop(row: Workstation): Promise<void> {
    throw unsupportedOperationError(row.kind, 'stop');
  }

  /** Forgets the link; the Studio Lab account and its files are the user's own and stay. */
  async delete(row: Workstation): Promise<void> {
    await this.update((links) => {
      const index = links.findIndex((candidate) => candidate.name === row.name);
      if (index >= 0) links.splice(index, 1);
    });
  }

  async connection(row: Workstation): Promise<ServiceEndpoint> {
    const link = (await this.read()).find((candidate) => candidate.name === row.name);
    return { url: link?.url ?? STUDIO_LAB_URL, note: STUDIO_LAB_NOTE };
  }

  hourlyCost(): number {
    return 0;
  }

  private async read(): Promise<StudioLabLink[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    let parsed: ReturnType<typeof linksFileSchema.safeParse>;
    try {
      parsed = linksFileSchema.safeParse(JSON.parse(text));
    } catch (error) {
      throw new Error(`${this.path} is not valid JSON (${(error as Error).message}); fix or remove it`);
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `${this.path}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}; fix or remove it`,
      );
    }
    return parsed.data.links;
  }

  private update<T>(change: (links: StudioLabLink[]) => T): Promise<T> {
    return withFileLock(`${this.path}.lock`, async () => {
      const links = await this.read();
      const result = change(links);
      await writeFileAtomic(this.path, `${JSON.stringify({ links }, null, 2)}\n`);
      return result;
    });
  }
}

function toRow(link: StudioLabLink): Workstation {
  return {
    id: `studio-lab/${link.name}`,
    name: link.name,
    kind: 'studio-lab',
    template: link.template,
    region: STUDIO_LAB_REGION,
    // A link is always there to open: it reads as running, at no cost.
    state: 'running',
    hibernated: false,
    instance_type: STUDIO_LAB_INSTANCE_TYPE,
    launched_at: link.created_at,
    hourly_cost: 0,
    research_user: link.research_user,
    profile: link.profile,
    connect: 'browser',
  };
}
