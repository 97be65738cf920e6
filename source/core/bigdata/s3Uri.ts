import type { S3Location } from './ports.js';

/** `s3://bucket/key` (also s3a:// and s3n://, as Spark writes them) as a location; undefined otherwise. */
export function parseS3Uri(uri: string): S3Location | undefined {
  const match = /^s3[an]?:\/\/([^/]+)(?:\/(.*))?$/.exec(uri);
  if (!match) return undefined;
  return { bucket: match[1]!, key: match[2] ?? '' };
}

export function s3Uri(location: S3Location): string {
  return `s3://${location.bucket}/${location.key}`;
}

/** Every S3 location named in a text (an argument, a --conf value: `spark.jars=s3://a/x.jar,s3://b/y.jar`). */
export function s3LocationsIn(text: string): S3Location[] {
  const found: S3Location[] = [];
  for (const match of text.matchAll(/s3[an]?:\/\/[^\s,;'"]+/g)) {
    const location = parseS3Uri(match[0]);
    if (location) found.push(location);
  }
  return found;
}
