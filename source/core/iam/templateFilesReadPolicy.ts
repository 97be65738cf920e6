import type { PolicyDocument } from './PolicyDocument.js';

/** One S3 object a workstation downloads at boot. */
export interface S3ObjectRef {
  bucket: string;
  key: string;
}

/** The inline policy on the workstation role that lets a template's workstations read its S3 files. */
export const TEMPLATE_FILES_POLICY_PREFIX = 'cws-tui-files-';
/** IAM's limit for an inline policy name. */
const MAX_POLICY_NAME = 128;

export function templateFilesPolicyName(slug: string): string {
  return `${TEMPLATE_FILES_POLICY_PREFIX}${slug}`.slice(0, MAX_POLICY_NAME);
}

/** An object's ARN: `*` and `?` in a key are IAM wildcards, so they are written as `${*}` and `${?}`. */
export function s3ObjectArn(object: S3ObjectRef, partition = 'aws'): string {
  const key = object.key.replace(/[*?$]/g, (character) => `\${${character}}`);
  return `arn:${partition}:s3:::${object.bucket}/${key}`;
}

/**
 * s3:GetObject on exactly these objects, nothing else: no listing, no other key of the bucket.
 * `existing` holds object ARNs an earlier launch of the template granted, kept so that its
 * workstations can still read what they were given (a template's parameters can name other keys).
 */
export function templateFilesReadPolicy(
  objects: readonly S3ObjectRef[],
  partition = 'aws',
  existing: readonly string[] = [],
): PolicyDocument {
  const resources = [
    ...new Set([...existing, ...objects.map((object) => s3ObjectArn(object, partition))]),
  ].sort();
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'ReadTemplateFiles', Effect: 'Allow', Action: 's3:GetObject', Resource: resources }],
  };
}

/** The object ARNs a stored policy of this kind grants (what `existing` takes); none for anything else. */
export function grantedObjectArns(document: unknown): string[] {
  if (typeof document !== 'object' || document === null) return [];
  const statements = (document as { Statement?: unknown }).Statement;
  if (!Array.isArray(statements)) return [];
  return statements.flatMap((statement: { Sid?: unknown; Resource?: unknown }) => {
    if (statement.Sid !== 'ReadTemplateFiles') return [];
    const resources = Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
    return resources.filter(
      (resource): resource is string => typeof resource === 'string' && /^arn:[a-z-]+:s3:::/.test(resource),
    );
  });
}
