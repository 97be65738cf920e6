import { INSTANCE_PARAMETER_TAG, PARAMETER_RESEARCH_USER_TAG } from '../iam/workstationRolePolicy.js';
/** Where the boot script writes the shell functions it shares with the idle agent and post_install. */
export const SHELL_LIBRARY_PATH = '/usr/local/lib/cws/cws.sh';
/** A command post_install can call: `cws-fetch URL FILE [SHA256-URL]`, with retries and checksum. */
export const FETCH_COMMAND_PATH = '/usr/local/bin/cws-fetch';
/** Attempts of every download and package step; the waits between them grow 5, 10, 20... s. */
export const RETRY_ATTEMPTS = 4;

/**
 * The instance's own AWS calls (tags on itself, stopping itself, storing its services' secrets in
 * Parameter Store under `/cws-tui/<instance-id>/`), signed by curl's SigV4 with the instance role's
 * credentials from IMDSv2: no AWS CLI, so nothing fetched from the internet stands between a boot
 * and its idle agent. Plus bounded retries and checksummed downloads. Credentials reach curl
 * through a config on a pipe, never its argument list.
 */
export function instanceShellLibrary(): string {
  return `# cws-tui shell library: shared by the boot script, the idle agent and post_install.
CWS_IMDS=http://169.254.169.254

# A session token for six hours, kept in the caller's shell (call it directly, not in $(...)).
cws_imds_session() {
  local now
  now=$(date +%s)
  if [ -z "\${CWS_IMDS_TOKEN:-}" ] || [ $((now - \${CWS_IMDS_AT:-0})) -gt 20000 ]; then
    CWS_IMDS_TOKEN=$(curl -fsS -m 2 -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 21600' "$CWS_IMDS/latest/api/token") || return 1
    CWS_IMDS_AT=$now
    CWS_ID=$(cws_imds instance-id) || return 1
    CWS_REGION=$(cws_imds placement/region) || return 1
  fi
}

cws_imds() {
  curl -fsS -m 2 -H "X-aws-ec2-metadata-token: \${CWS_IMDS_TOKEN:-}" "$CWS_IMDS/latest/meta-data/$1"
}

cws_json_field() {
  sed -n "s/.*\\"$1\\" *: *\\"\\([^\\"]*\\)\\".*/\\1/p" <<<"$2" | head -n 1
}

cws_urlencode() {
  local text=$1 out='' c i
  for ((i = 0; i < \${#text}; i++)); do
    c=\${text:i:1}
    case "$c" in
      [A-Za-z0-9._~-]) out+=$c ;;
      *) printf -v c '%%%02X' "'$c"; out+=$c ;;
    esac
  done
  printf '%s' "$out"
}

# cws_aws SERVICE BODY [TARGET]: a Query API form body, or a JSON body for TARGET.
cws_aws() {
  local service=$1 body=$2 target=\${3:-} region role creds endpoint
  local headers=(-H 'Content-Type: application/x-www-form-urlencoded')
  cws_imds_session || return 1
  region=$CWS_REGION
  role=$(cws_imds iam/security-credentials/) || return 1
  creds=$(cws_imds "iam/security-credentials/\${role%%$'\\n'*}") || return 1
  endpoint=https://$service.$region.amazonaws.com
  if [ -n "$target" ]; then
    headers=(-H 'Content-Type: application/x-amz-json-1.1' -H "X-Amz-Target: $target")
  fi
  printf '%s' "$body" | curl -fsS -m 20 -o /dev/null --aws-sigv4 "aws:amz:$region:$service" "\${headers[@]}" \\
    -K <(printf 'user = "%s:%s"\\nheader = "x-amz-security-token: %s"\\n' "$(cws_json_field AccessKeyId "$creds")" \\
      "$(cws_json_field SecretAccessKey "$creds")" "$(cws_json_field Token "$creds")") \\
    --data-binary @- "$endpoint/"
}

# cws_tag_instance KEY VALUE [KEY VALUE ...]
cws_tag_instance() {
  local body n=1
  cws_imds_session || return 1
  body="Action=CreateTags&Version=2016-11-15&ResourceId.1=$CWS_ID"
  while [ $# -ge 2 ]; do
    body+="&Tag.$n.Key=$(cws_urlencode "$1")&Tag.$n.Value=$(cws_urlencode "$2")"
    n=$((n + 1))
    shift 2
  done
  cws_aws ec2 "$body"
}

cws_untag_instance() {
  cws_imds_session || return 1
  cws_aws ec2 "Action=DeleteTags&Version=2016-11-15&ResourceId.1=$CWS_ID&Tag.1.Key=$(cws_urlencode "$1")"
}

# cws_stop_instance [hibernate]
cws_stop_instance() {
  local hibernate=''
  cws_imds_session || return 1
  [ "\${1:-}" = hibernate ] && hibernate='&Hibernate=true'
  cws_aws ec2 "Action=StopInstances&Version=2016-11-15&InstanceId.1=$CWS_ID$hibernate"
}

# cws_store_secret NAME FILE USER: a SecureString only this instance's role may write, and only
# USER (the research user, whose member policy reads parameters by this tag) and admins may read.
# The role may create a parameter only with the tags cws:instance=<this instance> (SSM has no
# condition key for a name) and cws:research-user, and SSM refuses Tags with Overwrite: so create
# it tagged, and on a re-run overwrite the parameter that already carries the tags.
cws_store_secret() {
  local name="/cws-tui/$CWS_ID/$1" value
  cws_imds_session || return 1
  value=$(cat "$2")
  cws_aws ssm "{\\"Name\\":\\"$name\\",\\"Type\\":\\"SecureString\\",\\"Value\\":\\"$value\\",\\"Tags\\":[{\\"Key\\":\\"${INSTANCE_PARAMETER_TAG}\\",\\"Value\\":\\"$CWS_ID\\"},{\\"Key\\":\\"${PARAMETER_RESEARCH_USER_TAG}\\",\\"Value\\":\\"$3\\"}]}" AmazonSSM.PutParameter ||
    cws_aws ssm "{\\"Name\\":\\"$name\\",\\"Type\\":\\"SecureString\\",\\"Overwrite\\":true,\\"Value\\":\\"$value\\"}" AmazonSSM.PutParameter
}

cws_retry() {
  local attempts=$1 attempt=1
  shift
  until "$@"; do
    if [ "$attempt" -ge "$attempts" ]; then
      CWS_GAVE_UP="$* (tried $attempts times)"
      return 1
    fi
    sleep $((5 * 2 ** (attempt - 1)))
    attempt=$((attempt + 1))
  done
}

# cws_fetch URL FILE [SHA256-URL]: bounded retries; with a published checksum, a mismatch fails.
cws_fetch() {
  local url=$1 file=$2 sums=\${3:-} expected actual
  cws_retry ${RETRY_ATTEMPTS} curl -fsSL --connect-timeout 15 -m 1800 -o "$file" "$url" || {
    echo "cws: download failed after ${RETRY_ATTEMPTS} attempts: $url" >&2
    return 1
  }
  [ -n "$sums" ] || return 0
  expected=$(cws_retry ${RETRY_ATTEMPTS} curl -fsSL --connect-timeout 15 -m 60 "$sums") || return 1
  expected=\${expected%% *}
  actual=$(sha256sum "$file")
  if [ "\${actual%% *}" != "$expected" ]; then
    echo "cws: checksum mismatch for $url" >&2
    rm -f "$file"
    return 1
  fi
}
`;
}

/** The `cws-fetch` command for post_install, which runs in its own bash without the script's functions. */
export function fetchCommand(): string {
  return `#!/bin/bash
# cws-fetch URL FILE [SHA256-URL]: download with bounded retries and, where published, a checksum.
set -euo pipefail
. ${SHELL_LIBRARY_PATH}
cws_fetch "$@"
`;
}
