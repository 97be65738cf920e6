import type { S3AccessCheck } from './analyticsRolePorts.js';

/** The object a write is checked on: a name under the output folder no job writes. */
const PROBE = 'cws-access-check';

/** What a DataBrew job's role must be able to do: read the dataset, write into the output folder. */
export function dataBrewJobAccessChecks(
  inputUri: string,
  outputUri: string,
): Array<Pick<S3AccessCheck, 'action' | 'uri'>> {
  return [
    { action: 's3:GetObject', uri: inputUri.endsWith('/') ? `${inputUri}${PROBE}` : inputUri },
    { action: 's3:PutObject', uri: `${outputUri.replace(/\/?$/, '/')}${PROBE}` },
  ];
}

/**
 * One message for every check IAM refused, saying which policy refused and what to do; undefined
 * when the role may do all of it.
 */
export function dataBrewAccessProblem(roleArn: string, checks: readonly S3AccessCheck[]): string | undefined {
  const refused = checks.filter((check) => check.decision !== 'allowed');
  if (refused.length === 0) return undefined;
  const lines = refused.map((check) => {
    const verb =
      check.action === 's3:GetObject' ? 'read' : check.action === 's3:PutObject' ? 'write' : 'list';
    const where = check.uri.replace(new RegExp(`${PROBE}$`), '');
    const why =
      check.source === 'bucket'
        ? check.decision === 'explicit-deny'
          ? "the bucket's policy denies it"
          : 'the bucket belongs to another account and its policy does not grant it'
        : check.decision === 'explicit-deny'
          ? 'a policy on the role denies it'
          : "the role's policies do not allow it";
    return `  cannot ${verb} ${where} (${check.action}): ${why}`;
  });
  const bucketSide = refused.some((check) => check.source === 'bucket');
  return (
    `the DataBrew job role ${roleArn} cannot reach the data, so the job would fail:\n${lines.join('\n')}\n` +
    (bucketSide
      ? `  Ask the bucket's owner to allow ${roleArn} those actions in the bucket policy, or use a bucket of the lab.`
      : '  Ask an admin to let the role reach it, or keep the dataset and output under the lab’s prefix.')
  );
}
