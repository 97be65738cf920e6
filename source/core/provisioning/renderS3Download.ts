import { RETRY_ATTEMPTS } from './instanceShellLibrary.js';
import type { PlannedFile } from './ProvisioningPlan.js';
import { shellQuote } from './shellQuote.js';

/**
 * `cws_s3_get BUCKET KEY-PATH FILE`: one GetObject signed with the instance role's credentials
 * from IMDSv2 (curl's SigV4, as every other call the instance makes), credentials on a pipe,
 * never in the argument list. `--path-as-is` keeps a key's `..` segments as the object's name.
 * Path-style addressing for bucket names with dots, whose virtual host would fail TLS.
 */
export const S3_GET_FUNCTION = `cws_s3_get() {
  local bucket=$1 key=$2 file=$3 role creds url
  cws_imds_session || return 1
  role=$(cws_imds iam/security-credentials/) || return 1
  creds=$(cws_imds "iam/security-credentials/\${role%%$'\\n'*}") || return 1
  case "$bucket" in
    *.*) url="https://s3.$CWS_REGION.amazonaws.com/$bucket/$key" ;;
    *) url="https://$bucket.s3.$CWS_REGION.amazonaws.com/$key" ;;
  esac
  curl -fsS --path-as-is --connect-timeout 15 -m 1800 -o "$file" --aws-sigv4 "aws:amz:$CWS_REGION:s3" \\
    -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' \\
    -K <(printf 'user = "%s:%s"\\nheader = "x-amz-security-token: %s"\\n' "$(cws_json_field AccessKeyId "$creds")" \\
      "$(cws_json_field SecretAccessKey "$creds")" "$(cws_json_field Token "$creds")") \\
    "$url"
}`;

/** One S3 object to its destination: retried, its SHA-256 checked, owned by the research user. */
export function renderS3Download(file: Extract<PlannedFile, { kind: 's3' }>): string[] {
  const path = shellQuote(file.path);
  const temporary = shellQuote(`${file.path}.cws-tmp`);
  const source = `s3://${file.bucket}/${file.keyPath}`;
  const lines = [
    `mkdir -p "$(dirname ${path})"`,
    `if ! cws_retry ${RETRY_ATTEMPTS} cws_s3_get ${shellQuote(file.bucket)} ${shellQuote(file.keyPath)} ${temporary}; then`,
    `  cws_failed ${shellQuote(`cannot download ${source}: check that the object exists and the launch granted the workstation role s3:GetObject on it`)}`,
    '  exit 1',
    'fi',
  ];
  if (file.sha256 !== undefined) {
    lines.push(
      `if [ "$(sha256sum ${temporary} | cut -d ' ' -f 1)" != ${file.sha256} ]; then`,
      `  rm -f ${temporary}`,
      `  cws_failed ${shellQuote(`checksum mismatch for ${source}: expected sha256 ${file.sha256}`)}`,
      '  exit 1',
      'fi',
    );
  }
  lines.push(
    `chmod ${file.mode ?? '0644'} ${temporary}`,
    `chown ${shellQuote(file.owner)} ${temporary}`,
    `mv -f ${temporary} ${path}`,
  );
  return lines;
}
