import {
  AttachRolePolicyCommand,
  GetInstanceProfileCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  type GetRolePolicyCommandInput,
  IAMServiceException,
  ListAttachedRolePoliciesCommand,
  NoSuchEntityException,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { beforeEach, describe, expect, it } from 'vitest';
import { DemoRoles } from '../../source/aws/demo/DemoRoles.js';
import {
  IamWorkstationRole,
  SSM_MANAGED_POLICY_ARN,
  WORKSTATION_INLINE_POLICY,
  WORKSTATION_INLINE_POLICY_NAME,
} from '../../source/aws/iamWorkstationRole.js';
import { templateFilesReadPolicy } from '../../source/core/iam/templateFilesReadPolicy.js';
import { validatePolicyDocument } from '../../source/core/iam/validatePolicyDocument.js';
import { iam, iamMock } from './iamFixtures.js';
import { rejectionOf } from './rejectionOf.js';

const role = {
  RoleName: 'cws-tui-workstation',
  Path: '/cws-tui/',
  RoleId: 'AROAEXAMPLEROLEID0001',
  Arn: 'arn:aws-us-gov:iam::123456789012:role/cws-tui/cws-tui-workstation',
  CreateDate: new Date('2026-11-01T00:00:00Z'),
};
const PROFILE_ARN = 'arn:aws-us-gov:iam::123456789012:instance-profile/cws-tui/cws-tui-workstation';
/** IAM's escape for a literal `*` in a resource. */
const LITERAL_STAR = '$' + '{*}';
const objects = [
  { bucket: 'lab-data-example', key: 'counts/brca.csv' },
  { bucket: 'lab.reference.example', key: 'genomes/GRCh38 v1*.txt' },
];

/** The role and its profile as an earlier session left them; the files policy as `stored` says. */
function preparedAccount(stored?: object): void {
  iamMock.on(GetRoleCommand).resolves({ Role: role });
  iamMock.on(ListAttachedRolePoliciesCommand).resolves({
    AttachedPolicies: [{ PolicyName: 'AmazonSSMManagedInstanceCore', PolicyArn: SSM_MANAGED_POLICY_ARN }],
  });
  iamMock.on(GetInstanceProfileCommand).resolves({
    InstanceProfile: {
      InstanceProfileName: 'cws-tui-workstation',
      Path: '/cws-tui/',
      InstanceProfileId: 'AIPAEXAMPLEPROFILE001',
      Arn: PROFILE_ARN,
      CreateDate: new Date('2026-11-01T00:00:00Z'),
      Roles: [role],
    },
  });
  iamMock.on(GetRolePolicyCommand).callsFake((input: GetRolePolicyCommandInput) => {
    if (input.PolicyName === WORKSTATION_INLINE_POLICY_NAME) {
      return {
        RoleName: role.RoleName,
        PolicyName: input.PolicyName,
        PolicyDocument: encodeURIComponent(
          JSON.stringify(JSON.parse(WORKSTATION_INLINE_POLICY.replaceAll('arn:aws:', 'arn:aws-us-gov:'))),
        ),
      };
    }
    if (!stored)
      throw new NoSuchEntityException({
        message: `The role policy with name ${input.PolicyName} cannot be found.`,
        $metadata: { httpStatusCode: 404 },
      });
    // IAM answers with the document URL-encoded and re-spaced.
    return {
      RoleName: role.RoleName,
      PolicyName: input.PolicyName,
      PolicyDocument: encodeURIComponent(JSON.stringify(stored, null, 4)),
    };
  });
  iamMock.on(PutRolePolicyCommand).resolves({});
  iamMock.on(AttachRolePolicyCommand).resolves({});
}

const filesPuts = () =>
  iamMock
    .commandCalls(PutRolePolicyCommand)
    .map((call) => call.args[0].input)
    .filter((input) => input.PolicyName === 'cws-tui-files-s3-datasets');

beforeEach(() => {
  iamMock.reset();
});

describe('the workstation role reads exactly a template’s S3 files', () => {
  it('puts an inline policy granting s3:GetObject on those objects only, in the role’s partition, valid IAM', async () => {
    preparedAccount();
    const roles = new IamWorkstationRole({ iam: () => iam });
    expect(await roles.grantTemplateFiles('s3-datasets', objects)).toBe(
      'cws-tui-workstation may read 2 S3 objects (cws-tui-files-s3-datasets)',
    );
    const [put] = filesPuts();
    expect(put?.RoleName).toBe('cws-tui-workstation');
    const document = JSON.parse(put?.PolicyDocument ?? '');
    expect(document).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ReadTemplateFiles',
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: [
            'arn:aws-us-gov:s3:::lab-data-example/counts/brca.csv',
            // A * in a key is not a wildcard here: IAM reads ${*} as a literal star.
            `arn:aws-us-gov:s3:::lab.reference.example/genomes/GRCh38 v1${LITERAL_STAR}.txt`,
          ],
        },
      ],
    });
    expect(validatePolicyDocument(document)).toEqual([]);
  });

  it('keeps what earlier launches granted, and writes nothing when the objects are granted already', async () => {
    const earlier = templateFilesReadPolicy(
      [{ bucket: 'lab-data-example', key: 'counts/tp53.csv' }],
      'aws-us-gov',
    );
    preparedAccount(earlier);
    const roles = new IamWorkstationRole({ iam: () => iam });
    await roles.grantTemplateFiles('s3-datasets', objects.slice(0, 1));
    const document = JSON.parse(filesPuts()[0]?.PolicyDocument ?? '');
    expect(document.Statement[0].Resource).toEqual([
      'arn:aws-us-gov:s3:::lab-data-example/counts/brca.csv',
      'arn:aws-us-gov:s3:::lab-data-example/counts/tp53.csv',
    ]);
    expect(validatePolicyDocument(document)).toEqual([]);

    iamMock.reset();
    preparedAccount(document);
    await new IamWorkstationRole({ iam: () => iam }).grantTemplateFiles('s3-datasets', objects.slice(0, 1));
    expect(filesPuts()).toEqual([]);
  });

  it('says what the admin’s role must allow instead of changing an instance profile it does not own', async () => {
    const roles = new IamWorkstationRole({ iam: () => iam, configured: 'lab-workstations' });
    expect(await roles.grantTemplateFiles('s3-datasets', objects.slice(0, 1))).toBe(
      "lab-workstations is an admin's instance profile: its role must allow s3:GetObject on s3://lab-data-example/counts/brca.csv",
    );
    expect(iamMock.calls()).toEqual([]);
  });

  it('fails with IAM’s refusal as a clear error when the member may not change the role', async () => {
    preparedAccount();
    iamMock.on(PutRolePolicyCommand).rejects(
      new IAMServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        message:
          'User: arn:aws:iam::123456789012:user/ana is not authorized to perform: iam:PutRolePolicy on resource: role cws-tui-workstation',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    const error = await rejectionOf(
      new IamWorkstationRole({ iam: () => iam }).grantTemplateFiles('s3-datasets', objects),
    );
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toContain('iam:PutRolePolicy');
  });

  it('on the demo account, records the same policy the AWS adapter would write', async () => {
    const demo = new DemoRoles({});
    await demo.grantTemplateFiles('s3-datasets', objects.slice(0, 1));
    await demo.grantTemplateFiles('s3-datasets', objects.slice(1));
    const document = demo.inlinePolicies.get('cws-tui-files-s3-datasets');
    expect(document?.Statement[0]?.Resource).toEqual([
      'arn:aws:s3:::lab-data-example/counts/brca.csv',
      `arn:aws:s3:::lab.reference.example/genomes/GRCh38 v1${LITERAL_STAR}.txt`,
    ]);
    expect(validatePolicyDocument(document)).toEqual([]);
  });
});
