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
  /** SageMaker refused this session's credentials: its listing is skipped from then on. */
  private sageMakerDenied = false;

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
    const [studio, lab, clusters, emr] = await Promise.allSettled([
      // Without SageMaker permissions every refresh would fail the same way: stop asking.
      this.sageMakerDenied ? Promise.resolve([]) : sageMaker.list(info.regions),
      studioLab.list(),
      hpc.list(info.regions),
      bigdata.list(info.regions),
    ]);
    if (
      studio.status === 'rejected' &&
      studio.reason instanceof CloudError &&
      studio.reason.kind === 'unauthorized'
    ) {
      this.sageMakerDenied = true;
    }
    const rows: Workstation[] = [];
    info.listing_failures = [];
    for (const [what, result] of [
      ['SageMaker Studio and Canvas', studio],
      ['Studio Lab links', lab],
      ['HPC clusters', clusters],
      ['Spark applications and EMR clusters', emr],
    ] as const) {
      if (result.status === 'fulfilled') {
        rows.push(...result.value);
        continue;
      }
      const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
      info.listing_failures.push({ what, reason });
      const notice = `${what} could not be listed: ${reason}`;
      if (!info.notices.includes(notice)) info.notices.push(notice);
    }
    return rows;
  }
}
