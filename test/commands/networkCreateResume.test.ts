import { describe, expect, it } from 'vitest';
import { runNetworkCommand } from '../../source/commands/networkCommand.js';
import { CloudError } from '../../source/core/CloudError.js';
import { awsServiceError } from '../aws/awsServiceError.js';
import { ScriptedInstitutionAccount } from '../support/scriptedInstitutionAccount.js';
import { runCommand, testEnvironment } from './commandHarness.js';

const REGION = 'eu-west-2';
const account = new ScriptedInstitutionAccount(REGION);

function environment(): NodeJS.ProcessEnv {
  return {
    ...testEnvironment(),
    AWS_ACCESS_KEY_ID: 'ASIAEXAMPLEEXAMPLE01',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_REGION: REGION,
  };
}

describe('network create on AWS, interrupted half-way (scripted account)', () => {
  it('says what is left and how to finish it; the next run finishes it without a second VPC', async () => {
    account.install();
    account.network.failOnce.set(
      'CreateInternetGateway',
      awsServiceError(
        'InternetGatewayLimitExceeded',
        'The maximum number of internet gateways has been reached.',
      ),
    );
    const env = environment();
    const failed = await runCommand(runNetworkCommand, ['create'], env, { yes: true }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(CloudError);
    const error = failed as CloudError;
    const [vpc] = account.network.vpcs;
    expect(error.message).toMatch(
      new RegExp(
        `^An AWS quota in ${REGION} is used up: The maximum number of internet gateways has been reached\\. ` +
          `The network ${vpc?.VpcId} in ${REGION} is left unfinished \\(this run made VPC ${vpc?.VpcId} \\(10\\.42\\.0\\.0/16\\), subnet subnet-[0-9a-f]+ in ${REGION}a, subnet subnet-[0-9a-f]+ in ${REGION}b\\); nothing was removed\\.$`,
      ),
    );
    expect(error.hint).toContain(`Run \`cws-tui network create --region ${REGION}\` again to finish it`);

    const resumed = await runCommand(runNetworkCommand, ['create'], env, { yes: true });
    expect(resumed.stdout).toMatch(
      new RegExp(`^finished the network ${vpc?.VpcId} that an earlier run left half-made in ${REGION}\\n`),
    );
    expect(resumed.stdout).toContain('  made internet gateway igw-');
    expect(resumed.stdout).toContain('  made route 0.0.0.0/0 to igw-');
    expect(account.network.vpcs).toHaveLength(1);
    expect(account.network.subnets).toHaveLength(2);
    expect(account.network.gateways).toHaveLength(1);
    expect(account.network.dnsHostnames.has(vpc?.VpcId ?? '')).toBe(true);

    const again = await runCommand(runNetworkCommand, ['create'], env, { yes: true });
    expect(again.stdout).toContain(
      `the network ${vpc?.VpcId} already exists in ${REGION}; nothing was created`,
    );
  });
});
