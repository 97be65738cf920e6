import type { S3ObjectRef } from '../iam/templateFilesReadPolicy.js';
import { applyTemplateParameters } from '../templates/applyTemplateParameters.js';
import { type ParameterInput, resolveParameterValues } from '../templates/resolveParameterValues.js';
import { isS3File } from '../templates/templateFileKinds.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import { onlyIfHolds } from './planFiles.js';

/** The S3 objects a launch's boot script downloads: parameters filled, `only_if` applied. */
export function templateS3Objects(
  template: ResolvedTemplate,
  parameters: Readonly<Record<string, ParameterInput>> = {},
): S3ObjectRef[] {
  if (!template.files?.some(isS3File)) return [];
  const values = resolveParameterValues(template, parameters);
  const filled = applyTemplateParameters(template, values);
  return (filled.files ?? []).flatMap((file, index) =>
    isS3File(file) && onlyIfHolds(`files[${index}].only_if`, file.only_if, values)
      ? [{ bucket: file.s3_bucket, key: file.s3_key }]
      : [],
  );
}
