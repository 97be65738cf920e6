import { findOnPath } from '../connect/findOnPath.js';
import type { NetworkChoice } from '../network/NetworkChoice.js';
import type { NetworkOverview } from '../network/NetworkOverview.js';
import type { CallerIdentity } from '../ports.js';
import { check, type DoctorCheck, type DoctorProbes, simulatablePrincipal } from './DoctorCheck.js';
import { permissionsCheck } from './permissionsCheck.js';

export { DOCTOR_PERMISSIONS } from './permissionsCheck.js';

/** Service Quotas codes: running On-Demand vCPUs of the standard families and of G and P. */
const VCPU_QUOTAS = [
  { label: 'standard (A, C, D, H, I, M, R, T, Z)', code: 'L-1216C47A', gpu: false },
  { label: 'G and VT', code: 'L-DB2E81BA', gpu: true },
  { label: 'P', code: 'L-417A185B', gpu: true },
];

/** The checks every account gets: the tools on PATH and where launches would go. */
export async function localChecks(facts: {
  env: NodeJS.ProcessEnv;
  region: string;
  network: () => Promise<{ overview: NetworkOverview; choice: NetworkChoice }>;
}): Promise<DoctorCheck[]> {
  const tool = (name: string, missing: Omit<DoctorCheck, 'name'>): Promise<DoctorCheck> =>
    check(`${name} on PATH`, async () =>
      findOnPath(name, facts.env) ? { status: 'ok', detail: findOnPath(name, facts.env) ?? '' } : missing,
    );
  return Promise.all([
    check('network', async () => networkVerdict(facts.region, await facts.network())),
    tool('session-manager-plugin', {
      status: 'warning',
      detail:
        'not installed: connect needs SSH instead, allowed from your network with `cws-tui network use --ssh-cidr <cidr>` or through a bastion (CWS_SSH_BASTION)',
      fix: 'Or install it: https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-working-with-install-plugin.html',
    }),
    tool('aws', {
      status: 'warning',
      detail: 'the AWS CLI is not installed: Session Manager sessions need it',
      fix: 'Install the AWS CLI v2.',
    }),
    tool('ssh', {
      status: 'warning',
      detail: 'no ssh client: connect can only use Session Manager',
      fix: 'Install OpenSSH.',
    }),
  ]);
}

function networkVerdict(
  region: string,
  { overview, choice }: { overview: NetworkOverview; choice: NetworkChoice },
): Omit<DoctorCheck, 'name'> {
  const fixBoth = `Run \`cws-tui network use <subnet-id> --region ${region}\` or \`cws-tui network create --region ${region}\`.`;
  const vpc = choice.subnet_id
    ? overview.vpcs.find((candidate) => candidate.subnets.some((subnet) => subnet.id === choice.subnet_id))
    : overview.vpcs.find((candidate) => candidate.is_default);
  if (!vpc) {
    return {
      status: 'failing',
      detail: choice.subnet_id
        ? `the recorded subnet ${choice.subnet_id} no longer exists in ${region}`
        : `${region} has no default VPC and no subnet is recorded`,
      fix: fixBoth,
    };
  }
  const subnet = vpc.subnets.find((candidate) => candidate.id === choice.subnet_id) ?? vpc.subnets[0];
  const where = choice.subnet_id ? `the recorded subnet ${choice.subnet_id}` : `the default VPC ${vpc.id}`;
  if (subnet?.public && subnet.auto_public_ip) {
    return {
      status: 'ok',
      detail: `${where}: public IP, Session Manager${choice.ssh_cidr ? ` and SSH from ${choice.ssh_cidr}` : ''}`,
    };
  }
  if (subnet?.nat || vpc.ssm_endpoints)
    return { status: 'ok', detail: `${where}: private, Session Manager only` };
  return {
    status: 'failing',
    detail: `${where} has neither a public IP route, a NAT nor SSM endpoints: a workstation there cannot be reached`,
    fix: fixBoth,
  };
}

/** The AWS checks: identity, permissions (simulated when allowed, else dry runs), vCPU quotas, the Price List. */
export async function awsChecks(facts: {
  identity: () => Promise<CallerIdentity>;
  credentialSource: string;
  region: string;
  costExplorer: boolean;
  probes: DoctorProbes;
  /** The subnet `network use` recorded, where the launch dry run goes (none: the default VPC). */
  subnetId?: string;
}): Promise<DoctorCheck[]> {
  const identityCheck = await check('credentials and identity', async () => {
    const identity = await facts.identity();
    return {
      status: 'ok',
      detail: `${identity.arn} (account ${identity.account}) from ${facts.credentialSource}`,
    };
  });
  const checks: DoctorCheck[] = [identityCheck, { name: 'region', status: 'ok', detail: facts.region }];
  if (identityCheck.status === 'failing') return checks;
  const identity = await facts.identity();
  const principal = simulatablePrincipal(identity.arn);
  checks.push(
    await permissionsCheck({
      principal,
      region: facts.region,
      ...(facts.subnetId ? { subnetId: facts.subnetId } : {}),
      probes: facts.probes,
    }),
  );
  for (const quota of VCPU_QUOTAS) {
    checks.push(
      await check(`vCPU quota ${quota.label}`, async () => {
        const value = await facts.probes.quota(facts.region, 'ec2', quota.code);
        if (value === undefined) return { status: 'warning', detail: 'unknown in this region' };
        return value > 0
          ? { status: 'ok', detail: `${value} vCPUs in ${facts.region}` }
          : {
              status: quota.gpu ? 'warning' : 'failing',
              detail: `0 vCPUs in ${facts.region}: no ${quota.label} instance can start`,
              fix: `Request an increase of ${quota.code} in Service Quotas (Amazon EC2).`,
            };
      }).then((result) =>
        result.status === 'failing' && !result.detail.includes('vCPUs')
          ? { ...result, status: 'warning' as const, fix: result.fix ?? 'Service Quotas could not be read.' }
          : result,
      ),
    );
  }
  checks.push(
    facts.costExplorer
      ? {
          name: 'Cost Explorer',
          status: 'ok',
          detail: 'billed spend is fetched (each refresh past 6 h costs $0.01)',
        }
      : {
          name: 'Cost Explorer',
          status: 'ok',
          detail: 'not enabled: estimates only (profiles create --cost-explorer)',
        },
    await check('Price List', async () => {
      await facts.probes.priceList();
      return { status: 'ok', detail: 'live on-demand prices can be read' };
    }).then((result) =>
      result.status === 'failing'
        ? {
            ...result,
            status: 'warning' as const,
            detail: `${result.detail} (the built-in price table is used)`,
          }
        : result,
    ),
  );
  return checks;
}
