import { check, type DoctorCheck, type DoctorProbes } from './DoctorCheck.js';

/** What the app needs allowed, by task, as `doctor` checks it. */
export const DOCTOR_PERMISSIONS: Record<string, string[]> = {
  list: ['ec2:DescribeInstances', 'ec2:DescribeInstanceTypes'],
  launch: ['ec2:RunInstances', 'ec2:CreateTags', 'iam:PassRole', 'ec2:CreateSecurityGroup'],
  storage: ['elasticfilesystem:DescribeFileSystems', 'elasticfilesystem:CreateAccessPoint'],
  SageMaker: ['sagemaker:ListDomains', 'sagemaker:CreatePresignedDomainUrl'],
};

const FIX = 'Ask an admin to attach the output of `cws-tui iam policy --for user`.';

function deniedList(decisions: Record<string, boolean | undefined>): string[] {
  return Object.entries(DOCTOR_PERMISSIONS).flatMap(([task, actions]) =>
    actions.filter((action) => decisions[action] === false).map((action) => `${action} (${task})`),
  );
}

/**
 * The permissions check: IAM's policy simulator when the caller may use it (it sees every action,
 * SCPs excepted); otherwise a dry run of each action that has one (EC2's DryRun: DryRunOperation
 * means allowed, UnauthorizedOperation denied) or a harmless read. Actions neither can tell are
 * named as not checked, never counted as allowed.
 */
export async function permissionsCheck(facts: {
  principal: string;
  region: string;
  subnetId?: string;
  probes: DoctorProbes;
}): Promise<DoctorCheck> {
  const { principal, probes } = facts;
  const actions = Object.values(DOCTOR_PERMISSIONS).flat();
  const simulated = await check('permissions', async () => {
    const allowed = await probes.simulate(principal, actions);
    const denied = deniedList(allowed);
    return denied.length === 0
      ? {
          status: 'ok',
          detail: `simulated for ${principal}: ${Object.keys(DOCTOR_PERMISSIONS).join(', ')} allowed`,
        }
      : { status: 'failing', detail: `simulated for ${principal}: denied ${denied.join(', ')}`, fix: FIX };
  });
  if (simulated.status !== 'failing' || simulated.detail.startsWith('simulated')) return simulated;

  const why = `IAM simulation is not allowed (${simulated.detail})`;
  return check('permissions', async () => {
    const decisions: Record<string, boolean | undefined> = {};
    for (const action of actions) {
      decisions[action] = await probes.dryRun(facts.region, action, facts.subnetId).catch(() => undefined);
    }
    const denied = deniedList(decisions);
    const unchecked = actions.filter((action) => decisions[action] === undefined);
    const allowed = actions.filter((action) => decisions[action] === true);
    const notChecked = unchecked.length > 0 ? `; not checked: ${unchecked.join(', ')}` : '';
    if (denied.length > 0) {
      return {
        status: 'failing',
        detail: `dry runs in ${facts.region}: denied ${denied.join(', ')}${notChecked} (${why})`,
        fix: FIX,
      };
    }
    if (allowed.length === 0) {
      return {
        status: 'warning',
        detail: `could not be checked: ${why}, and no dry run gave an answer`,
        fix: 'The first launch checks RunInstances with a dry run; `cws-tui iam policy --for user` shows what is needed.',
      };
    }
    return {
      status: 'ok',
      detail: `dry runs in ${facts.region}: ${allowed.join(', ')} allowed${notChecked} (${why})`,
    };
  });
}
