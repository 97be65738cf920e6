import type { ProvisioningPlan } from './ProvisioningPlan.js';
import { shellQuote } from './shellQuote.js';

export const SETUP_LOG = '/var/log/cws-setup.log';
export const STATE_DIR = '/var/lib/cws';

/**
 * The script's head: strict mode, the log, and the helpers every section uses. Progress goes to
 * stdout (the log and cloud-init's console output), straight to /dev/console, and, once the AWS CLI
 * is there, to the instance's `cws:progress` tag through the instance role (IMDSv2).
 */
export function renderPrelude(plan: ProvisioningPlan): string {
  return `#!/bin/bash
# cws-tui boot script: template ${plan.slug}, research user ${plan.user.name}, ${plan.distro}, launch ${plan.launchId}.
# Running it again (a reboot) is harmless: every step checks what is already done.
set -Eeuo pipefail
umask 022
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME="\${HOME:-/root}"
mkdir -p ${STATE_DIR} /etc/cws
chmod 0700 /etc/cws
exec > >(tee -a ${SETUP_LOG}) 2>&1
CWS_STAGE=started
readonly CWS_LAUNCH_ID=${shellQuote(plan.launchId)}

cws_console() {
  { printf '%s\\n' "$1" >/dev/console; } 2>/dev/null || true
}

cws_imds() {
  local token
  token=$(curl -fsS -m 2 -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 300' http://169.254.169.254/latest/api/token) || return 1
  curl -fsS -m 2 -H "X-aws-ec2-metadata-token: $token" "http://169.254.169.254/latest/meta-data/$1"
}

cws_tag() {
  command -v aws >/dev/null 2>&1 || return 0
  local id region
  id=$(cws_imds instance-id) || return 0
  region=$(cws_imds placement/region) || return 0
  aws ec2 create-tags --region "$region" --resources "$id" --tags "Key=$1,Value=$2" >/dev/null 2>&1 || true
}

cws_mark() {
  CWS_STAGE=$1
  printf 'CWS-PROGRESS %s\\n' "$1"
  cws_console "CWS-PROGRESS $1"
  cws_tag cws:progress "$1"
}

cws_note() {
  printf 'CWS-NOTE %s %s\\n' "$CWS_STAGE" "$1"
  cws_console "CWS-NOTE $CWS_STAGE $1"
}

cws_warn() {
  printf 'CWS-WARN %s %s\\n' "$CWS_STAGE" "$1"
  cws_console "CWS-WARN $CWS_STAGE $1"
}

cws_failed() {
  printf 'CWS-FAILED %s %s\\n' "$CWS_STAGE" "$1"
  cws_console "CWS-FAILED $CWS_STAGE $1"
  cws_tag cws:progress "failed:$CWS_STAGE"
}
trap 'cws_failed "command failed (exit $?) at line $LINENO of the boot script"' ERR

cws_retry() {
  local attempts=$1 attempt=1
  shift
  until "$@"; do
    if [ "$attempt" -ge "$attempts" ]; then
      return 1
    fi
    sleep $((attempt * 5))
    attempt=$((attempt + 1))
  done
}

cws_mark started
cws_note "launch $CWS_LAUNCH_ID, log ${SETUP_LOG}"
`;
}
