import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { TAG } from '../../core/ports.js';
import { callAws } from '../callAws.js';
import type { AwsCallContext } from '../translateAwsError.js';

/** The port the Studio workspace talks to its Spark engine on (EMR's Jupyter Enterprise Gateway). */
export const STUDIO_ENGINE_PORT = 18888;

const WORKSPACE_GROUP = 'cws-tui-emr-studio-workspace';
const ENGINE_GROUP = 'cws-tui-emr-studio-engine';

function isDuplicate(error: unknown): boolean {
  const code = (error as { code?: string; name?: string })?.code ?? (error as Error)?.name;
  return code === 'InvalidPermission.Duplicate' || code === 'DuplicateRule';
}

/**
 * The two security groups an EMR Studio needs in its VPC, found by name or made: the workspace's
 * (outbound only) and the engine's, which admits the workspace on the gateway port and nothing else.
 * Both carry the tag EMR's managed policies look for.
 */
export async function ensureStudioSecurityGroups(
  ec2: EC2Client,
  vpcId: string,
  context: (action: string) => AwsCallContext,
): Promise<{ workspace: string; engine: string }> {
  const found = await callAws(context('ec2:DescribeSecurityGroups'), () =>
    ec2.send(
      new DescribeSecurityGroupsCommand({
        Filters: [
          { Name: 'vpc-id', Values: [vpcId] },
          { Name: 'group-name', Values: [WORKSPACE_GROUP, ENGINE_GROUP] },
        ],
      }),
    ),
  );
  const idOf = (name: string) => found.SecurityGroups?.find((group) => group.GroupName === name)?.GroupId;
  const make = async (name: string, description: string) =>
    idOf(name) ??
    (
      await callAws(context('ec2:CreateSecurityGroup'), () =>
        ec2.send(
          new CreateSecurityGroupCommand({
            GroupName: name,
            Description: description,
            VpcId: vpcId,
            TagSpecifications: [
              {
                ResourceType: 'security-group',
                Tags: [
                  { Key: TAG.managed, Value: 'true' },
                  { Key: 'for-use-with-amazon-emr-managed-policies', Value: 'true' },
                ],
              },
            ],
          }),
        ),
      )
    ).GroupId;
  const workspace = await make(WORKSPACE_GROUP, 'EMR Studio workspaces of cws-tui');
  const engine = await make(ENGINE_GROUP, 'EMR Studio engines of cws-tui: the workspace gateway port only');
  if (!workspace || !engine) throw new Error('EC2 returned no security group id');
  try {
    await callAws(context('ec2:AuthorizeSecurityGroupIngress'), () =>
      ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: engine,
          IpPermissions: [
            {
              IpProtocol: 'tcp',
              FromPort: STUDIO_ENGINE_PORT,
              ToPort: STUDIO_ENGINE_PORT,
              UserIdGroupPairs: [{ GroupId: workspace, Description: 'EMR Studio workspaces' }],
            },
          ],
        }),
      ),
    );
  } catch (error) {
    // The rule is there already (a second run): nothing to do.
    if (!isDuplicate(error)) throw error;
  }
  return { workspace, engine };
}
