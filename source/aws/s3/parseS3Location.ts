/** `s3://bucket/prefix` as bucket and key prefix (empty or ending in `/`); undefined when not s3://. */
export function parseS3Location(location: string): { bucket: string; prefix: string } | undefined {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(location);
  if (!match) return undefined;
  const path = (match[2] ?? '').replace(/^\/+|\/+$/g, '');
  return { bucket: match[1] ?? '', prefix: path === '' ? '' : `${path}/` };
}
