import type { ConnectionPlan } from '../../core/connect/ConnectionPlan.js';
import { type ConnectionOptions, connectionPlanFor } from '../../core/connect/connectionPlanFor.js';
import { findOnPath } from '../../core/connect/findOnPath.js';
import { LaunchRecordStore } from '../../core/launch/LaunchRecordStore.js';
import { NetworkSettingsStore } from '../../core/network/NetworkSettingsStore.js';
import type { Service } from '../../core/services/Service.js';
import type { ResolvedTemplate } from '../../core/templates/templateSchema.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import type { CloudSessionOptions } from './CloudSessionOptions.js';
import { laptopHostSource } from './laptopHostSource.js';

interface ConnectionSource {
  options: CloudSessionOptions;
  resolveTemplate(slug: string): Promise<ResolvedTemplate>;
  serviceOf(workstation: Workstation): Service | undefined;
}

/** How to reach a workstation from here: the profile's network settings, the tools on PATH, its tokens. */
export async function sessionConnectionPlan(
  source: ConnectionSource,
  workstation: Workstation,
  options: ConnectionOptions,
): Promise<ConnectionPlan> {
  const { env, paths, profile, account, users } = source.options;
  const records = new LaunchRecordStore(paths.stateDir);
  const { ssh_cidr: sshCidr, laptop_host: laptopHost } = await new NetworkSettingsStore(
    paths.configDir,
  ).profile(profile.name);
  return connectionPlanFor(
    workstation,
    {
      env,
      platform: process.platform,
      ...(env.CWS_SSH_BASTION ? { bastion: env.CWS_SSH_BASTION } : {}),
      ...laptopHostSource(env, laptopHost, profile.name),
      ...(sshCidr ? { ssh_cidr: sshCidr } : {}),
      ...(account.kind === 'demo' ? { demo: true } : {}),
      ...(env.AWS_PROFILE ? { aws_profile: env.AWS_PROFILE } : {}),
      ssm: {
        aws_cli: findOnPath('aws', env) !== undefined,
        plugin: findOnPath('session-manager-plugin', env) !== undefined,
      },
      template: async (slug) => {
        try {
          return await source.resolveTemplate(slug);
        } catch {
          // The template was removed from the search path since the launch: plan without it.
          return undefined;
        }
      },
      researchUser: (username) => users.get(username),
      tokens: async (launchId) => (await records.get(launchId))?.service_tokens,
      serviceSecret: (row, service) =>
        row.instance
          ? account.secrets.readServiceSecret(row.region, row.instance.id, service)
          : Promise.resolve(undefined),
      endpoint: (row) => {
        const service = source.serviceOf(row);
        if (!service) throw new Error(`${row.name} is not a managed service`);
        return service.connection(row);
      },
    },
    options,
  );
}
