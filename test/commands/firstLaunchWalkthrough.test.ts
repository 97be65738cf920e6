import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { RunInstancesCommand } from '@aws-sdk/client-ec2';
import { GetProductsCommand } from '@aws-sdk/client-pricing';
import { describe, expect, it } from 'vitest';
import type { CliError } from '../../source/commands/CliError.js';
import type { CommandRun } from '../../source/commands/Command.js';
import type { CommandFlags } from '../../source/commands/CommandFlags.js';
import { runConnectCommand } from '../../source/commands/connectCommand.js';
import { runDoctorCommand } from '../../source/commands/doctorCommand.js';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runNetworkCommand } from '../../source/commands/networkCommand.js';
import { ScriptedInstitutionAccount } from '../support/scriptedInstitutionAccount.js';
import { runCommand, testEnvironment } from './commandHarness.js';

const REGION = 'eu-west-2';
const account = new ScriptedInstitutionAccount(REGION);

/** A new user's shell: keys from their institution's portal in the environment, no cws-tui profile. */
function newUserEnvironment(): NodeJS.ProcessEnv {
  const env = testEnvironment();
  const bin = join(String(env.HOME), 'bin');
  mkdirSync(bin, { recursive: true });
  return {
    ...env,
    AWS_ACCESS_KEY_ID: 'ASIAEXAMPLEEXAMPLE01',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEXAMPLE',
    AWS_REGION: REGION,
    // Neither the AWS CLI nor ssh is installed yet: the user's own bin directory only.
    PATH: bin,
  };
}

/** Puts an executable that does nothing on the user's PATH (the tools are only looked up). */
function install(env: NodeJS.ProcessEnv, tool: string): void {
  const file = join(String(env.PATH), tool);
  writeFileSync(file, '#!/bin/sh\nexit 0\n');
  chmodSync(file, 0o755);
}

/** Runs one command as the CLI would: a thrown CliError becomes its message and exit code. */
async function cli(
  run: CommandRun,
  args: string[],
  env: NodeJS.ProcessEnv,
  flags: Partial<CommandFlags> = {},
) {
  try {
    return await runCommand(run, args, env, flags);
  } catch (error) {
    const failure = error as CliError & { hint?: string };
    return {
      code: failure.exitCode ?? 1,
      stdout: '',
      stderr: `${failure.message}${failure.hint ? `\n${failure.hint}` : ''}`,
    };
  }
}

/** The commands a message tells the user to run next, in backticks or after "run"/"with". */
function suggested(text: string): string[] {
  return [...text.matchAll(/cws-tui [a-z-]+(?: [a-z-]+)?/g)].map((match) => match[0]);
}

describe('the first launch in an institutional account without a default VPC, on AWS (scripted)', () => {
  it('doctor, network create, launch and connect: each message names the next step, and it works', async () => {
    account.install();
    const env = newUserEnvironment();

    // 1. doctor: the identity and where it came from, and the one failing check with its fix.
    const doctor = await cli(runDoctorCommand, [], env);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain('AWSReservedSSO_Researcher');
    expect(doctor.stdout).toContain('from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment');
    expect(doctor.stdout).toMatch(
      /ok {4}permissions: simulated for arn:aws:iam::210987654321:role\/AWSReservedSSO/,
    );
    expect(doctor.stdout).toContain(`FAIL  network: ${REGION} has no default VPC and no subnet is recorded`);
    expect(doctor.stdout).toContain(`cws-tui network create --region ${REGION}`);
    expect(doctor.stdout).toContain(
      'warn  session-manager-plugin on PATH: not installed: connect needs SSH instead, allowed from your network with `cws-tui network use --ssh-cidr <cidr>`',
    );

    // 2. A launch before that is refused before anything is made, naming both ways out.
    const early = await cli(runLaunchCommand, ['jupyter-server', 'nb1'], env, { size: 'S' });
    expect(early.code).toBe(1);
    expect(early.stderr).toContain(`${REGION} has no default VPC`);
    expect(suggested(early.stderr)).toEqual(
      expect.arrayContaining(['cws-tui network use', 'cws-tui network show', 'cws-tui network create']),
    );
    expect(account.instances).toHaveLength(0);
    expect(account.network.vpcs).toHaveLength(0);

    // 3. network create: the VPC, two public subnets, the gateway and route; the next step named.
    const created = await cli(runNetworkCommand, ['create'], env, { yes: true });
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(new RegExp(`^created the network vpc-[0-9a-f]{17} in ${REGION}`));
    const [vpc] = account.network.vpcs;
    const subnets = account.network.subnets.filter((subnet) => subnet.VpcId === vpc?.VpcId);
    expect(subnets.map((subnet) => [subnet.AvailabilityZone, subnet.MapPublicIpOnLaunch])).toEqual([
      [`${REGION}a`, true],
      [`${REGION}b`, true],
    ]);
    expect(account.network.gateways[0]?.Attachments).toEqual([{ VpcId: vpc?.VpcId, State: 'available' }]);
    expect(created.stdout).toContain(`launches into ${subnets[0]?.SubnetId}`);
    expect(created.stdout).toContain('cws-tui launch <template> <name>');

    // 4. doctor again: the network is fine; the rest are warnings with their fixes.
    const again = await cli(runDoctorCommand, [], env);
    expect(again.stdout).toContain(`ok    network: the recorded subnet ${subnets[0]?.SubnetId}: public IP`);
    expect(again.code).toBe(0);

    // 5. launch: into the recorded subnet, with the app's own group (no SSH yet) and role.
    const launched = await cli(runLaunchCommand, ['jupyter-server', 'nb1'], env, { size: 'S' });
    expect(launched.stderr, launched.stderr).not.toContain('✗');
    expect(launched.code, launched.stderr).toBe(0);
    expect(launched.code).toBe(0);
    const [instance] = account.instances;
    expect(launched.stdout).toContain(`nb1 (${instance?.InstanceId}) is running in ${REGION}`);
    expect(launched.stdout).toContain('cws-tui connect nb1');
    const run = account.ec2.commandCalls(RunInstancesCommand).find((call) => !call.args[0].input.DryRun);
    const input = run?.args[0].input;
    expect(input?.SubnetId).toBe(subnets[0]?.SubnetId);
    const [group] = account.network.groups;
    expect(group?.VpcId).toBe(vpc?.VpcId);
    expect(input?.SecurityGroupIds).toEqual([group?.GroupId]);
    expect(input?.IamInstanceProfile?.Arn).toBe(
      'arn:aws:iam::210987654321:instance-profile/cws-tui/cws-tui-workstation',
    );
    expect(account.network.rules.map((rule) => rule.FromPort)).toEqual([2049]);
    // No secret in the user data EC2 receives (anyone with DescribeInstanceAttribute reads it).
    const script = gunzipSync(Buffer.from(input?.UserData ?? '', 'base64')).toString('utf8');
    expect(script).toContain('cws_service_secret jupyter');
    expect(script).not.toMatch(/chpasswd|JUPYTER_TOKEN=[0-9a-f]|\b[0-9a-f]{32,}\b/);

    // 6. connect: neither Session Manager nor SSH can work yet; the message says what to do.
    const instanceId = String(instance?.InstanceId);
    account.parameters.set(`/cws-tui/${instanceId}/jupyter`, 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed');
    const blocked = await cli(runConnectCommand, ['nb1'], env, { print: true });
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain('No way into nb1 from here');
    expect(blocked.stderr).toContain('session-manager-plugin');
    expect(suggested(blocked.stderr)).toContain('cws-tui network use');

    // 7a. SSH from the user's own network: the rule is added now, tagged; connect tunnels over SSH.
    const opened = await cli(runNetworkCommand, ['use'], env, { sshCidr: '198.51.100.0/24' });
    expect(opened.code).toBe(0);
    expect(opened.stdout).toContain('SSH is allowed from 198.51.100.0/24');
    const ssh = account.network.rules.find((rule) => rule.FromPort === 22);
    expect(ssh).toMatchObject({ CidrIpv4: '198.51.100.0/24', GroupId: group?.GroupId });
    expect(ssh?.Tags).toEqual([{ Key: 'cws:managed', Value: 'true' }]);
    const overSsh = await cli(runConnectCommand, ['nb1'], env, { print: true });
    expect(overSsh.code).toBe(0);
    expect(overSsh.stdout).toContain('Tunnel (ssh): ssh');
    expect(overSsh.stdout).toContain('@54.210.33.7');
    expect(overSsh.stdout).toContain('the profile allows SSH from 198.51.100.0/24');
    expect(overSsh.stdout).toContain('token=f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed');

    // 7b. Or Session Manager, once the AWS CLI and its plugin are installed: preferred, and said why.
    install(env, 'aws');
    install(env, 'session-manager-plugin');
    const overSsm = await cli(runConnectCommand, ['nb1'], env, { print: true });
    expect(overSsm.code).toBe(0);
    expect(overSsm.stdout).toContain(
      `Tunnel (ssm): aws ssm start-session --target ${instanceId} --region ${REGION} --document-name AWS-StartPortForwardingSession`,
    );
    expect(overSsm.stdout).toContain('Session Manager');
  });

  it('doctor checks the permissions with dry runs where the permission set may not simulate IAM', async () => {
    account.install();
    account.identity.maySimulate = false;
    const env = newUserEnvironment();
    await cli(runNetworkCommand, ['create'], env, { yes: true });
    const doctor = await cli(runDoctorCommand, [], env);
    expect(doctor.code).toBe(0);
    const line = doctor.stdout.split('\n').find((text) => text.includes('permissions:')) ?? '';
    expect(line).toMatch(
      /^ok {4}permissions: dry runs in eu-west-2: ec2:DescribeInstances, ec2:DescribeInstanceTypes, ec2:RunInstances, ec2:CreateTags, ec2:CreateSecurityGroup, elasticfilesystem:DescribeFileSystems, sagemaker:ListDomains allowed; not checked: iam:PassRole/,
    );
    expect(line).toContain('IAM simulation is not allowed (Not permitted: iam:SimulatePrincipalPolicy');
    const dryRun = account.ec2.commandCalls(RunInstancesCommand).map((call) => call.args[0].input);
    expect(dryRun).toEqual([
      expect.objectContaining({ DryRun: true, SubnetId: account.network.subnets[0]?.SubnetId }),
    ]);
    expect(account.instances).toHaveLength(0);
  });

  it('where the Price List is not allowed and the built-in table lacks the region, launch and doctor say so', async () => {
    account.install();
    account.pricing.on(GetProductsCommand).rejects(
      Object.assign(new Error('User is not authorized to perform: pricing:GetProducts'), {
        name: 'AccessDeniedException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const env = newUserEnvironment();
    await cli(runNetworkCommand, ['create'], env, { yes: true });
    const doctor = await cli(runDoctorCommand, [], env);
    expect(doctor.stdout).toMatch(
      /warn {2}Price List: Not permitted: pricing:GetProducts.*\(the built-in price table is used\)/,
    );
    const launched = await cli(runLaunchCommand, ['jupyter-server', 'nb1'], env, { size: 'S' });
    expect(launched.code).toBe(1);
    expect(launched.stderr).toContain(`no price for t3.large in ${REGION}`);
    expect(launched.stderr).toContain('pricing:GetProducts');
    expect(suggested(launched.stderr)).toContain('cws-tui doctor');
    expect(account.instances).toHaveLength(0);
  });
});
