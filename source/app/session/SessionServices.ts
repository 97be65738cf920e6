import { BigDataService } from '../../core/bigdata/BigDataService.js';
import { CloudError } from '../../core/CloudError.js';
import type { PriceCatalog } from '../../core/cost/PriceCatalog.js';
import { HpcClusterService } from '../../core/hpc/HpcClusterService.js';
import type { ResearchUser } from '../../core/identity/ResearchUser.js';
import type { LaunchProfile } from '../../core/launch/launchChecks.js';
import type { AppPaths } from '../../core/paths.js';
import type { CallerIdentity, CloudAccount } from '../../core/ports.js';
import { SageMakerService } from '../../core/services/SageMakerService.js';
import type { Service } from '../../core/services/Service.js';
import { StudioLabService } from '../../core/services/StudioLabService.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import type { CloudSessionOptions } from './CloudSessionOptions.js';
import { DEMO_STUDIO_POLLING } from './demoPolling.js';
import type { SessionInfo } from './Session.js';

export interface ManagedServices {
  sageMaker: SageMakerService;
  studioLab: StudioLabService;
  hpc: HpcClusterService;
  bigdata: BigDataService;
}

interface SessionServicesContext {
  account: CloudAccount;
  profile: LaunchProfile;
  paths: AppPaths;
  env: NodeJS.ProcessEnv;
  /** The prices every view shows (discounts applied). */
  prices: PriceCatalog;
  audit: CloudSessionOptions['audit'];
  callerIdentity(): Promise<CallerIdentity>;
  researchUser(): Promise<ResearchUser>;
}

/** The session's managed services (SageMaker, Studio Lab), made on first use and listed each refresh. */
export class SessionServices {
  private managed: ManagedServices | undefined;
  /**
   * Listings this session's credentials were refused (SageMaker, HPC clusters): skipped from then on,
   * with a note saying so, until the profile changes (a new session asks again).
   */
  private readonly denied = new Set<string>();

  constructor(private readonly context: SessionServicesContext) {}

  all(): ManagedServices {
    if (!this.managed) {
      const { account, profile, paths, env, prices, audit } = this.context;
      const researchUser = () => this.context.researchUser();
      this.managed = {
        sageMaker: new SageMakerService({
          account,
          profile,
          owner: async () => (await this.context.callerIdentity()).arn,
          researchUser,
          prices,
          audit,
          ...(env.CWS_SAGEMAKER_EXECUTION_ROLE ? { executionRoleArn: env.CWS_SAGEMAKER_EXECUTION_ROLE } : {}),
          ...(account.kind === 'demo' ? { polling: DEMO_STUDIO_POLLING } : {}),
        }),
        studioLab: new StudioLabService({ stateDir: paths.stateDir, profile, researchUser }),
        hpc: new HpcClusterService(account.hpc, prices),
        bigdata: new BigDataService(account.bigdata),
      };
    }
    return this.managed;
  }

  /** The service behind a row; undefined for an EC2 workstation. */
  of(workstation: Workstation): Service | undefined {
    if (workstation.kind === 'ec2') return undefined;
    const { sageMaker, studioLab, hpc, bigdata } = this.all();
    if (workstation.kind === 'hpc-cluster') return hpc;
    if (workstation.kind === 'emr-application' || workstation.kind === 'emr-cluster') return bigdata;
    return workstation.kind === 'studio-lab' ? studioLab : sageMaker;
  }

  /**
   * The managed services' rows. A failure here (no SageMaker permission, say) must not hide the
   * EC2 workstations: it becomes a notice in `info`, once per distinct message.
   */
  async list(info: SessionInfo): Promise<Workstation[]> {
    const { sageMaker, studioLab, hpc, bigdata } = this.all();
    // Without the permission every refresh would fail the same way: stop asking.
    const unlessDenied = (what: string, list: () => Promise<Workstation[]>) =>
      this.denied.has(what) ? Promise.resolve([]) : list();
    const listings = [
      ['SageMaker Studio and Canvas', () => sageMaker.list(info.regions)],
      ['Studio Lab links', () => studioLab.list()],
      ['HPC clusters', () => hpc.list(info.regions)],
      ['Spark applications and EMR clusters', () => bigdata.list(info.regions)],
    ] as const;
    const results = await Promise.allSettled(listings.map(([what, list]) => unlessDenied(what, list)));
    const rows: Workstation[] = [];
    info.listing_failures = [];
    for (const [index, result] of results.entries()) {
      const what = listings[index]?.[0] ?? '';
      if (result.status === 'fulfilled') {
        rows.push(...result.value);
        continue;
      }
      const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
      info.listing_failures.push({ what, reason });
      const denied = result.reason instanceof CloudError && result.reason.kind === 'unauthorized';
      if (denied) this.denied.add(what);
      const notice = `${what} could not be listed: ${reason}${denied ? ' (not asked again until the profile changes)' : ''}`;
      if (!info.notices.includes(notice)) info.notices.push(notice);
    }
    return rows;
  }
}
