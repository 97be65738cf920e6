import { MEMBER_PRINCIPAL_TAG } from './memberPolicyNotes.js';
import type { PolicyDocument } from './PolicyDocument.js';

/** The SSM Parameter Store path a workstation keeps its own secrets under: `/cws-tui/<instance id>/`. */
export const INSTANCE_PARAMETER_ROOT = '/cws-tui';
/** The tag each of those parameters carries: the id of the instance that wrote it. */
export const INSTANCE_PARAMETER_TAG = 'cws:instance';
/**
 * The tag each of those parameters carries for its reader: the workstation's research user. The
 * member policy reads a parameter only when it equals the member's own principal tag.
 */
export const PARAMETER_RESEARCH_USER_TAG = MEMBER_PRINCIPAL_TAG;
/** Where the CloudWatch agent publishes memory and GPU use (rightsizing reads `mem_used_percent`). */
export const CLOUDWATCH_AGENT_NAMESPACE = 'CWAgent';
/** The only tag keys a workstation may set on itself: never ownership or management keys. */
export const SELF_TAG_KEYS = ['cws:progress', 'cws:idle-*'] as const;

/*
 * How "only itself" is said in IAM's grammar. For a role assigned to an EC2 instance, IAM sets
 * `aws:userid` to `<role id>:<instance id>` (IAM User Guide, "Request information that you can use
 * for policy variables"). Any single-valued key can be a policy variable, so the condition
 * `aws:userid` like `*:${ec2:InstanceID}` holds only when the instance acted on is the caller.
 * (`${ec2:SourceInstanceARN}` as a whole Resource is not an ARN, and IAM refuses it.) SSM has no
 * key for a parameter's name, so a workstation's parameters carry the tag `cws:instance=<its id>`
 * and the same comparison is made against `aws:RequestTag` (create) or `aws:ResourceTag` (read,
 * overwrite, delete); the Resource keeps them under `/cws-tui/i-*`.
 *
 * The research-user tag's value cannot be tied to the instance's own `cws:research-user` (no key
 * carries an instance's tags into an SSM call), so the role may set tags only on a parameter that
 * has no `cws:instance` tag yet, i.e. at creation: it can never retag another instance's
 * parameter, nor its own one to another reader.
 */
const CALLER_IS = (key: string) => `*:\${${key}}`;

/**
 * What the boot script and the idle agent do through the workstation role, and nothing more: tag
 * and untag their own instance with `cws:progress` and `cws:idle-*` (never `cws:owner`,
 * `cws:research-user` or `cws:managed`), stop or hibernate it, and keep their web services'
 * tokens as SecureString parameters under `/cws-tui/<instance id>/`, tagged for their research
 * user. The first Null condition refuses a
 * DeleteTags that names no key, which would delete every tag. The CloudWatch agent (when the
 * template asks for it) publishes memory and GPU use, to the `CWAgent` namespace only.
 */
export function workstationRolePolicy(partition = 'aws'): PolicyDocument {
  const instances = `arn:${partition}:ec2:*:*:instance/*`;
  const parameters = `arn:${partition}:ssm:*:*:parameter${INSTANCE_PARAMETER_ROOT}/i-*`;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'TagItselfWithProgressAndIdleKeys',
        Effect: 'Allow',
        Action: ['ec2:CreateTags', 'ec2:DeleteTags'],
        Resource: instances,
        Condition: {
          StringLike: { 'aws:userid': CALLER_IS('ec2:InstanceID') },
          'ForAllValues:StringLike': { 'aws:TagKeys': [...SELF_TAG_KEYS] },
          Null: { 'aws:TagKeys': 'false' },
        },
      },
      {
        Sid: 'StopOrHibernateItself',
        Effect: 'Allow',
        Action: 'ec2:StopInstances',
        Resource: instances,
        Condition: { StringLike: { 'aws:userid': CALLER_IS('ec2:InstanceID') } },
      },
      {
        Sid: 'CreateItsOwnParameters',
        Effect: 'Allow',
        Action: ['ssm:PutParameter', 'ssm:AddTagsToResource'],
        Resource: [parameters, `${parameters}/*`],
        Condition: {
          StringLike: { 'aws:userid': CALLER_IS(`aws:RequestTag/${INSTANCE_PARAMETER_TAG}`) },
          'ForAllValues:StringEquals': {
            'aws:TagKeys': [INSTANCE_PARAMETER_TAG, PARAMETER_RESEARCH_USER_TAG],
          },
          Null: {
            [`aws:RequestTag/${PARAMETER_RESEARCH_USER_TAG}`]: 'false',
            [`aws:ResourceTag/${INSTANCE_PARAMETER_TAG}`]: 'true',
          },
        },
      },
      {
        Sid: 'PublishAgentMetrics',
        Effect: 'Allow',
        Action: 'cloudwatch:PutMetricData',
        Resource: '*',
        Condition: { StringEquals: { 'cloudwatch:namespace': CLOUDWATCH_AGENT_NAMESPACE } },
      },
      {
        Sid: 'UseItsOwnParameters',
        Effect: 'Allow',
        Action: ['ssm:PutParameter', 'ssm:GetParameter', 'ssm:GetParameters', 'ssm:DeleteParameter'],
        Resource: [parameters, `${parameters}/*`],
        Condition: {
          StringLike: { 'aws:userid': CALLER_IS(`aws:ResourceTag/${INSTANCE_PARAMETER_TAG}`) },
        },
      },
    ],
  };
}

/** Who may assume a role the app makes: one AWS service, nothing else. */
export function serviceTrustPolicy(service: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  };
}
