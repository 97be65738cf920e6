import {
  CancelJobRunCommand,
  CreateApplicationCommand,
  DeleteApplicationCommand,
  type EMRServerlessClient,
  GetApplicationCommand,
  GetDashboardForJobRunCommand,
  GetJobRunCommand,
  paginateListApplications,
  paginateListJobRuns,
  StartApplicationCommand,
  StartJobRunCommand,
  StopApplicationCommand,
} from '@aws-sdk/client-emr-serverless';
import type {
  EmrServerlessPort,
  JobRun,
  JobRunRequest,
  SparkApplication,
  SparkApplicationSpec,
} from '../../core/bigdata/ports.js';
import { CloudError } from '../../core/CloudError.js';
import { TAG } from '../../core/ports.js';
import { callAws } from '../callAws.js';
import { emptyResponseError } from '../emptyResponseError.js';

import type { AwsCallContext } from '../translateAwsError.js';
import { capacityText, toJobRun, toSparkApplication, workerGroupConfig } from './emrServerlessShapes.js';

export interface EmrServerlessOptions {
  emrServerless: (region: string) => EMRServerlessClient;
  profile?: string;
}

/** How many runs of an application `listJobRuns` reads (newest first). */
const RUNS_LISTED = 100;

/** EMR Serverless through its SDK: the applications cws-tui manages (tagged) and their runs. */
export class EmrServerlessApplications implements EmrServerlessPort {
  constructor(private readonly options: EmrServerlessOptions) {}

  private context(action: string, region: string): AwsCallContext {
    return { action, region, ...(this.options.profile ? { profile: this.options.profile } : {}) };
  }

  private call<T>(
    action: string,
    region: string,
    run: (client: EMRServerlessClient) => Promise<T>,
  ): Promise<T> {
    const client = this.options.emrServerless(region);
    return callAws(this.context(`emr-serverless:${action}`, region), () => run(client));
  }

  async listApplications(regions: readonly string[]): Promise<SparkApplication[]> {
    const perRegion = await Promise.all(regions.map((region) => this.listIn(region)));
    return perRegion.flat();
  }

  private async listIn(region: string): Promise<SparkApplication[]> {
    const ids = await this.call('ListApplications', region, async (client) => {
      const found: string[] = [];
      for await (const page of paginateListApplications({ client }, {}))
        for (const summary of page.applications ?? [])
          if (summary.state !== 'TERMINATED' && summary.id) found.push(summary.id);
      return found;
    });
    const applications = await Promise.all(ids.map((id) => this.getApplication(region, id)));
    return applications.filter((application) => application.tags[TAG.managed] === 'true');
  }

  private async getApplication(region: string, id: string): Promise<SparkApplication> {
    const response = await this.call('GetApplication', region, (client) =>
      client.send(new GetApplicationCommand({ applicationId: id })),
    );
    if (!response.application) throw emptyResponseError(`EMR Serverless returned no application ${id}`);
    return toSparkApplication(region, response.application);
  }

  async createApplication(spec: SparkApplicationSpec, clientToken: string): Promise<SparkApplication> {
    const initial: Record<string, ReturnType<typeof workerGroupConfig>> = {};
    if (spec.initial_capacity?.driver) initial.Driver = workerGroupConfig(spec.initial_capacity.driver);
    if (spec.initial_capacity?.executor) initial.Executor = workerGroupConfig(spec.initial_capacity.executor);
    const created = await this.call('CreateApplication', spec.region, (client) =>
      client.send(
        new CreateApplicationCommand({
          name: spec.name,
          type: 'SPARK',
          releaseLabel: spec.release_label,
          architecture: spec.architecture,
          clientToken,
          ...(Object.keys(initial).length > 0 ? { initialCapacity: initial } : {}),
          maximumCapacity: capacityText(spec.maximum_capacity),
          autoStartConfiguration: { enabled: spec.auto_start },
          autoStopConfiguration:
            spec.auto_stop_idle_minutes === undefined
              ? { enabled: false }
              : { enabled: true, idleTimeoutMinutes: spec.auto_stop_idle_minutes },
          ...(spec.network
            ? {
                networkConfiguration: {
                  subnetIds: spec.network.subnet_ids,
                  securityGroupIds: spec.network.security_group_ids,
                },
              }
            : {}),
          tags: spec.tags,
        }),
      ),
    );
    if (!created.applicationId) throw emptyResponseError('EMR Serverless returned no application id');
    return this.getApplication(spec.region, created.applicationId);
  }

  async startApplication(region: string, applicationId: string): Promise<void> {
    await this.call('StartApplication', region, (client) =>
      client.send(new StartApplicationCommand({ applicationId })),
    );
  }

  async stopApplication(region: string, applicationId: string): Promise<void> {
    await this.call('StopApplication', region, (client) =>
      client.send(new StopApplicationCommand({ applicationId })),
    );
  }

  async deleteApplication(region: string, applicationId: string): Promise<void> {
    await this.call('DeleteApplication', region, (client) =>
      client.send(new DeleteApplicationCommand({ applicationId })),
    );
  }

  async startJobRun(request: JobRunRequest): Promise<{ id: string }> {
    const started = await this.call('StartJobRun', request.region, (client) =>
      client.send(
        new StartJobRunCommand({
          applicationId: request.application_id,
          clientToken: request.client_token,
          executionRoleArn: request.execution_role_arn,
          name: request.name,
          jobDriver: {
            sparkSubmit: {
              entryPoint: request.entry_point,
              ...(request.arguments.length > 0 ? { entryPointArguments: request.arguments } : {}),
              ...(request.spark_submit_parameters
                ? { sparkSubmitParameters: request.spark_submit_parameters }
                : {}),
            },
          },
          configurationOverrides: {
            monitoringConfiguration: { s3MonitoringConfiguration: { logUri: request.log_uri } },
          },
          ...(request.max_attempts > 1 ? { retryPolicy: { maxAttempts: request.max_attempts } } : {}),
          tags: request.tags,
        }),
      ),
    );
    if (!started.jobRunId) throw emptyResponseError('EMR Serverless returned no job run id');
    return { id: started.jobRunId };
  }

  async listJobRuns(region: string, applicationId: string): Promise<JobRun[]> {
    return this.call('ListJobRuns', region, async (client) => {
      const runs: JobRun[] = [];
      for await (const page of paginateListJobRuns({ client }, { applicationId })) {
        runs.push(...(page.jobRuns ?? []).map(toJobRun));
        if (runs.length >= RUNS_LISTED) break;
      }
      return runs.sort((a, b) => b.created_at.localeCompare(a.created_at)).slice(0, RUNS_LISTED);
    });
  }

  async getJobRun(region: string, applicationId: string, jobRunId: string): Promise<JobRun> {
    const response = await this.call('GetJobRun', region, (client) =>
      client.send(new GetJobRunCommand({ applicationId, jobRunId })),
    );
    if (!response.jobRun) throw emptyResponseError(`EMR Serverless returned no job run ${jobRunId}`);
    return toJobRun(response.jobRun);
  }

  async cancelJobRun(region: string, applicationId: string, jobRunId: string): Promise<void> {
    await this.call('CancelJobRun', region, (client) =>
      client.send(new CancelJobRunCommand({ applicationId, jobRunId })),
    );
  }

  async dashboardUrl(region: string, applicationId: string, jobRunId: string): Promise<string> {
    const response = await this.call('GetDashboardForJobRun', region, (client) =>
      client.send(new GetDashboardForJobRunCommand({ applicationId, jobRunId })),
    );
    if (!response.url)
      throw new CloudError({
        kind: 'not-found',
        code: 'NoDashboard',
        message: `EMR Serverless has no Spark UI for run ${jobRunId} yet`,
        hint: 'The Spark UI appears once the run has started.',
      });
    return response.url;
  }
}
