import {
  FETCH_COMMAND_PATH,
  fetchCommand,
  instanceShellLibrary,
  SHELL_LIBRARY_PATH,
} from './instanceShellLibrary.js';
import type { ProvisioningPlan } from './ProvisioningPlan.js';
import { shellQuote } from './shellQuote.js';

export const SETUP_LOG = '/var/log/cws-setup.log';
export const STATE_DIR = '/var/lib/cws';
/** A part's exit status that asks the script to reboot and resume (the NVIDIA driver's first load). */
export const REBOOT_STATUS = 75;
const RESUME_UNIT = '/etc/systemd/system/cws-boot-resume.service';

/**
 * The script's head: strict mode, the log, the shared library, and the helpers every section uses.
 * Progress goes to stdout (the log and cloud-init's console output), straight to /dev/console,
 * and to the instance's `cws:progress` tag through the instance role. An essential stage that fails
 * stops the script with `CWS-FAILED <stage>` naming the failing command; an optional part
 * (`cws_part`) that fails marks the workstation degraded and the boot goes on.
 */
export function renderPrelude(plan: ProvisioningPlan): string {
  return `#!/bin/bash
# cws-tui boot script: template ${plan.slug}, research user ${plan.user.name}, ${plan.distro}, launch ${plan.launchId}.
# Running it again is harmless: every step checks what is already done.
set -Eeuo pipefail
umask 022
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME="\${HOME:-/root}"
mkdir -p ${STATE_DIR} /etc/cws /usr/local/lib/cws
chmod 0711 /etc/cws
exec > >(tee -a ${SETUP_LOG}) 2>&1
CWS_STAGE=started
CWS_DEGRADED=''
CWS_PART=''
CWS_CHANGED=0
CWS_GAVE_UP=''
CWS_REPORTED=''
readonly CWS_LAUNCH_ID=${shellQuote(plan.launchId)}
rm -f ${STATE_DIR}/ready ${STATE_DIR}/degraded
cat >${SHELL_LIBRARY_PATH} <<'CWS_LIBRARY'
${instanceShellLibrary()}CWS_LIBRARY
# shellcheck source=/dev/null
. ${SHELL_LIBRARY_PATH}
cat >${FETCH_COMMAND_PATH} <<'CWS_FETCH'
${fetchCommand()}CWS_FETCH
chmod 0755 ${FETCH_COMMAND_PATH}

cws_console() {
  { printf '%s\\n' "$1" >/dev/console; } 2>/dev/null || true
}

cws_tag() {
  cws_tag_instance "$1" "$2" >/dev/null 2>&1 || true
}

cws_say() {
  printf '%s\\n' "$1"
  cws_console "$1"
}

cws_mark() {
  CWS_STAGE=$1
  cws_say "CWS-PROGRESS $1"
  cws_tag cws:progress "$1"
}

cws_note() {
  cws_say "CWS-NOTE $CWS_STAGE $1"
}

cws_warn() {
  cws_say "CWS-WARN $CWS_STAGE $1"
}

cws_failed() {
  local agent='the idle agent is not installed'
  if systemctl is-active --quiet cws-idle-agent.service 2>/dev/null; then
    agent='the idle agent is running'
  fi
  cws_say "CWS-FAILED $CWS_STAGE $1; $agent"
  cws_tag cws:progress "failed:$CWS_STAGE"
}

# Names the command that failed: for a retried one, the command itself, not cws_retry's return.
cws_on_error() {
  local command=$2
  if [[ $command == return* ]] && [ -n "$CWS_GAVE_UP" ]; then
    command=$CWS_GAVE_UP
  fi
  [ "$CWS_REPORTED" = "$CWS_STAGE $command" ] && return 0
  CWS_REPORTED="$CWS_STAGE $command"
  local what="\${command:0:200} failed (exit $1, line $3)"
  if [ -n "$CWS_PART" ]; then
    cws_warn "$what"
  else
    cws_failed "$what"
  fi
}
trap 'cws_on_error "$?" "$BASH_COMMAND" "$LINENO"' ERR

# cws_put MODE FILE: stdin becomes FILE when it differs; CWS_CHANGED=1 says it did.
cws_put() {
  local temporary
  mkdir -p "$(dirname "$2")"
  temporary=$(mktemp "$2.cws-XXXXXX")
  cat >"$temporary"
  chmod "$1" "$temporary"
  if [ -f "$2" ] && cmp -s "$temporary" "$2"; then
    rm -f "$temporary"
  else
    mv -f "$temporary" "$2"
    CWS_CHANGED=1
  fi
}

# cws_start UNIT: enabled, and restarted only when its configuration changed or it is not running.
cws_start() {
  systemctl enable "$1"
  if [ "$CWS_CHANGED" = 1 ] || ! systemctl is-active --quiet "$1"; then
    systemctl restart "$1"
  fi
}

cws_resume_after_reboot() {
  install -m 0700 "$0" ${STATE_DIR}/boot.sh
  cat >${RESUME_UNIT} <<'CWS_UNIT'
[Unit]
Description=cws-tui: finish the workstation's setup after the reboot it asked for
After=network-online.target
Wants=network-online.target

[Service]
Type=oneshot
ExecStart=${STATE_DIR}/boot.sh
TimeoutStartSec=0

[Install]
WantedBy=multi-user.target
CWS_UNIT
  systemctl daemon-reload
  systemctl enable cws-boot-resume.service
}

# cws_part STAGE FUNCTION: an optional part, in a subshell that stops at its first failure.
cws_part() {
  local stage=$1 status=0
  cws_mark "$stage"
  (CWS_PART=$stage; "$2") &
  wait "$!" || status=$?
  if [ "$status" = ${REBOOT_STATUS} ]; then
    cws_note "rebooting; setup resumes after the reboot"
    cws_resume_after_reboot
    systemctl reboot
    exit 0
  fi
  if [ "$status" != 0 ]; then
    CWS_DEGRADED+=" $stage"
    cws_say "CWS-DEGRADED $stage exit $status; the rest of the workstation is set up"
    cws_tag cws:progress "degraded:$stage"
  fi
}

cws_gpu_present() {
  grep -qsx 0x10de /sys/bus/pci/devices/*/vendor
}

cws_mark started
cws_note "launch $CWS_LAUNCH_ID, log ${SETUP_LOG}"
`;
}

/** The last lines: `ready`, or `degraded` with the parts that failed; the resume unit goes away. */
export function renderFinish(): string {
  return `if [ -f ${RESUME_UNIT} ]; then
  systemctl disable cws-boot-resume.service || true
  rm -f ${RESUME_UNIT}
fi
if [ -z "$CWS_DEGRADED" ]; then
  cws_mark ready
  touch ${STATE_DIR}/ready
else
  CWS_DEGRADED=\${CWS_DEGRADED# }
  CWS_STAGE=degraded
  cws_say "CWS-PROGRESS degraded"
  cws_tag cws:progress "degraded:\${CWS_DEGRADED// /,}"
  printf '%s\\n' "$CWS_DEGRADED" >${STATE_DIR}/degraded
fi
`;
}
