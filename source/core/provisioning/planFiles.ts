import { isS3File } from '../templates/templateFileKinds.js';
import type { TemplateFile, TemplateS3File } from '../templates/templateSchema.js';
import type { ProvisioningDiagnostic } from './ProvisioningDiagnostic.js';
import type { PlannedFile, PlannedUser } from './ProvisioningPlan.js';
import type { ScriptValueChecks } from './ScriptValueChecks.js';
import { UnsafeScriptValueError } from './UnsafeScriptValueError.js';

/** An S3 object key as it goes into the request path: each segment URL-encoded, `/` kept. */
export function s3KeyPath(key: string): string {
  return key
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/');
}

/**
 * Whether an S3 file's `only_if` holds for this launch: `name` or `{{.name}}` (already filled) is
 * true when the value is true; `name=value` when the parameter has that value. An unknown name
 * is an error naming the field, never a silent skip.
 */
export function onlyIfHolds(
  field: string,
  condition: string | undefined,
  values: ReadonlyMap<string, string>,
): boolean {
  if (condition === undefined) return true;
  const text = condition.trim();
  if (text === 'true') return true;
  if (text === 'false' || text === '') return false;
  const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:==?\s*(.*))?$/.exec(text);
  const value = match ? values.get(match[1]!) : undefined;
  if (!match || value === undefined) {
    throw new UnsafeScriptValueError(
      field,
      condition,
      'only_if is a parameter name (true when it is true), name=value, or {{.name}}',
    );
  }
  return match[2] === undefined
    ? value === 'true'
    : value === match[2].trim().replace(/^(['"])(.*)\1$/, '$2');
}

function planS3File(
  file: TemplateS3File,
  at: string,
  user: PlannedUser,
  diagnostics: ProvisioningDiagnostic[],
  checks: ScriptValueChecks,
): PlannedFile {
  const sha256 = file.checksum?.replace(/^sha256:/, '').toLowerCase();
  if (sha256 === undefined) {
    diagnostics.push({
      level: 'warning',
      field: `${at}.checksum`,
      message: `s3://${file.s3_bucket}/${file.s3_key} has no checksum: what is downloaded is not verified (add checksum: sha256:<64 hex digits>)`,
    });
  }
  return {
    kind: 's3',
    bucket: checks.safe(`${at}.s3_bucket`, file.s3_bucket, 's3Bucket'),
    keyPath: checks.safe(`${at}.s3_key`, s3KeyPath(file.s3_key), 's3KeyPath'),
    path: checks.safe(`${at}.destination_path`, file.destination_path, 'absolutePath'),
    ...(sha256 !== undefined ? { sha256 } : {}),
    ...(file.mode !== undefined ? { mode: checks.safe(`${at}.mode`, file.mode, 'fileMode') } : {}),
    owner: checks.safe(`${at}.owner`, file.owner ?? `${user.name}:${user.name}`, 'fileOwner'),
  };
}

/** `onlyIfHolds`, with a refused condition recorded (and the file left out) instead of thrown. */
function onlyIfHoldsChecked(
  field: string,
  condition: string | undefined,
  values: ReadonlyMap<string, string>,
  checks: ScriptValueChecks,
): boolean {
  try {
    return onlyIfHolds(field, condition, values);
  } catch (error) {
    if (!(error instanceof UnsafeScriptValueError)) throw error;
    checks.refuse(error);
    return false;
  }
}

/** The template's files: inline content (base64 in the script) and S3 objects this launch wants. */
export function planFiles(
  files: readonly TemplateFile[],
  values: ReadonlyMap<string, string>,
  user: PlannedUser,
  diagnostics: ProvisioningDiagnostic[],
  checks: ScriptValueChecks,
): PlannedFile[] {
  const planned: PlannedFile[] = [];
  for (const [index, file] of files.entries()) {
    const at = `files[${index}]`;
    if (isS3File(file)) {
      if (onlyIfHoldsChecked(`${at}.only_if`, file.only_if, values, checks))
        planned.push(planS3File(file, at, user, diagnostics, checks));
      continue;
    }
    planned.push({
      kind: 'inline',
      path: checks.safe(`${at}.path`, file.path, 'absolutePath'),
      contentBase64: Buffer.from(file.content, 'utf8').toString('base64'),
      ...(file.mode !== undefined ? { mode: checks.safe(`${at}.mode`, file.mode, 'fileMode') } : {}),
      ...(file.owner !== undefined ? { owner: checks.safe(`${at}.owner`, file.owner, 'fileOwner') } : {}),
    });
  }
  return planned;
}
