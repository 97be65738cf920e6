import type { ResearchUser } from '../identity/ResearchUser.js';
import { TAG } from '../ports.js';
import type { ServiceEndpoint } from '../services/Service.js';
import { ec2WebService, type ServiceKind, serviceKindOf } from '../services/ServiceKind.js';
import { unsupportedOperationError } from '../services/serviceOperations.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import type { Workstation } from '../workstations/Workstation.js';
import type { ConnectionPlan } from './ConnectionPlan.js';
import { planConnection } from './planConnection.js';

/** Where connect gets its facts: the session supplies them. */
export interface ConnectionSources {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  bastion?: string;
  /** The address a laptop reaches this machine at, and where it was set (see laptopSshTarget). */
  laptop_host?: { value: string; source: string };
  /** The profile's SSH source CIDR, when it opened SSH at all. */
  ssh_cidr?: string;
  /** On the demo account the simulated security group lets SSH in. */
  demo?: boolean;
  aws_profile?: string;
  ssm: { aws_cli: boolean; plugin: boolean };
  /** The template the row was launched from, if it is still on the search path. */
  template(slug: string): Promise<ResolvedTemplate | undefined>;
  researchUser(username: string): Promise<ResearchUser | undefined>;
  /** Tokens an older version kept in the launch record of this launch id (before secrets moved to the instance). */
  tokens(launchId: string): Promise<Record<string, string> | undefined>;
  /** The secret the instance stored for `service` in Parameter Store (ServiceSecretPort). */
  serviceSecret(row: Workstation, service: string): Promise<string | undefined>;
  /** A managed service's address, made now (a SageMaker URL expires in five minutes). */
  endpoint(row: Workstation): Promise<ServiceEndpoint>;
}

export interface ConnectionOptions {
  prefer?: 'ssh' | 'ssm';
  local_port?: number;
}

/** The secret each kind signs in with, by its name in Parameter Store (see renderServiceSecrets). */
const SECRET_OF_KIND: Partial<Record<ServiceKind, string>> = {
  jupyterlab: 'jupyter',
  'code-server': 'code-server',
  rstudio: 'rstudio',
  'ec2-desktop': 'desktop',
};

/** The DCV server's port when a desktop template does not name one. */
const DCV_PORT = 8443;

/** Gathers what `planConnection` needs for a row, then plans. */
export async function connectionPlanFor(
  row: Workstation,
  sources: ConnectionSources,
  options: ConnectionOptions = {},
): Promise<ConnectionPlan> {
  if (row.kind === 'hpc-cluster' || row.kind === 'emr-application' || row.kind === 'emr-cluster')
    throw unsupportedOperationError(row.kind, 'connect');
  const template = row.template === '-' ? undefined : await sources.template(row.template);
  const kind: ServiceKind = row.kind === 'ec2' ? (template ? serviceKindOf(template) : 'ec2-ssh') : row.kind;
  const username = row.research_user;
  const user = username ? await sources.researchUser(username) : undefined;
  const launchId = row.instance?.tags[TAG.launchId];
  const needsAddress = row.kind !== 'ec2' && (row.state === 'running' || row.kind === 'studio-lab');
  const secretName = SECRET_OF_KIND[kind];
  const [legacyTokens, secret, endpoint] = await Promise.all([
    launchId ? sources.tokens(launchId) : Promise.resolve(undefined),
    secretName && row.instance && row.state === 'running'
      ? sources.serviceSecret(row, secretName).then(
          (value) => ({ value }),
          (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
        )
      : Promise.resolve(undefined),
    needsAddress ? sources.endpoint(row) : Promise.resolve(undefined),
  ]);
  const tokens = { ...legacyTokens };
  if (secretName && secret && 'value' in secret && secret.value) tokens[secretName] = secret.value;
  const webPort =
    kind === 'ec2-desktop'
      ? (template?.services?.find((service) => service.name.startsWith('dcv'))?.port ?? DCV_PORT)
      : template
        ? ec2WebService(template)?.port
        : undefined;
  return planConnection({
    workstation: row,
    kind,
    user: {
      username: username ?? 'ec2-user',
      ...(user?.ssh_private_key_path ? { private_key_path: user.ssh_private_key_path } : {}),
    },
    env: sources.env,
    platform: sources.platform,
    ssm: sources.ssm,
    ...(sources.bastion ? { bastion: sources.bastion } : {}),
    ...(sources.laptop_host ? { laptop_host: sources.laptop_host } : {}),
    ...(sources.ssh_cidr ? { ssh_cidr: sources.ssh_cidr } : {}),
    ...(sources.demo ? { demo: true } : {}),
    ...(sources.aws_profile ? { aws_profile: sources.aws_profile } : {}),
    ...(options.prefer ? { prefer: options.prefer } : {}),
    ...(options.local_port !== undefined ? { local_port: options.local_port } : {}),
    ...(webPort !== undefined ? { web_port: webPort } : {}),
    tokens,
    ...(secret && 'error' in secret ? { secret_error: secret.error } : {}),
    ...(endpoint ? { endpoint } : {}),
  });
}
