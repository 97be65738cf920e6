import { SHELL_LIBRARY_PATH } from './instanceShellLibrary.js';
import type { PlannedIdleAgent, ProvisioningPlan } from './ProvisioningPlan.js';

export const IDLE_AGENT_PATH = '/usr/local/sbin/cws-idle-agent';
/** Below this CPU use (percent, all cores) and GPU use, with nobody logged in, a minute counts as idle. */
export const IDLE_CPU_PERCENT = 5;
export const IDLE_GPU_PERCENT = 5;
/** Minutes of probe output that cannot be read (nvidia-smi's `[N/A]`) before the agent decides on the other signals. */
export const UNKNOWN_GRACE_MINUTES = 30;
export const IDLE_AGENT_ENV = '/etc/cws/idle-agent.env';
export const IDLE_AGENT_UNIT_PATH = '/etc/systemd/system/cws-idle-agent.service';

/** The agent's systemd unit: written by the boot script, and again by `idle apply` when missing. */
export const IDLE_AGENT_UNIT = `[Unit]
Description=cws-tui idle agent
After=network-online.target

[Service]
Type=simple
EnvironmentFile=-${IDLE_AGENT_ENV}
ExecStart=${IDLE_AGENT_PATH}
Restart=always
RestartSec=30

[Install]
WantedBy=multi-user.target
`;

/**
 * The idle agent: every interval it samples CPU (from /proc/stat), logged-in sessions (`who`, plus
 * SSH connections, which tunnels to the web services hold without a login) and GPU use where
 * nvidia-smi exists. A probe whose output is not a number (`[N/A]`, a driver mismatch message)
 * counts as unknown, neither busy nor idle; after CWS_UNKNOWN_GRACE_MINUTES of unknowns (in
 * /etc/cws/idle-agent.env) it decides on the other signals and says so. With a hibernate threshold
 * it hibernates there (stopping instead when the instance cannot hibernate) and an earlier idle
 * threshold only tags the instance idle; without one it stops at the idle threshold. Its API calls
 * need no AWS CLI; when they fail it powers off, which EC2 turns into a stop. Tag values keep to
 * the characters every AWS service accepts.
 */
export function renderIdleAgentScript(idle: PlannedIdleAgent): string {
  return `#!/bin/bash
# cws-tui idle agent: stops or hibernates this workstation when nobody uses it.
set -uo pipefail
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# shellcheck source=/dev/null
. ${SHELL_LIBRARY_PATH}
readonly IDLE_MINUTES=${idle.idleMinutes ?? 0}
readonly HIBERNATE_MINUTES=${idle.hibernateMinutes ?? 0}
readonly INTERVAL_MINUTES=${idle.intervalMinutes}
readonly CPU_IDLE_PERCENT=${IDLE_CPU_PERCENT}
readonly GPU_IDLE_PERCENT=${IDLE_GPU_PERCENT}

is_number() {
  [[ $1 =~ ^[0-9]+$ ]]
}

percent() {
  if is_number "$1"; then echo "$1 pct"; else echo "$1"; fi
}

UNKNOWN_GRACE=\${CWS_UNKNOWN_GRACE_MINUTES:-${UNKNOWN_GRACE_MINUTES}}
is_number "$UNKNOWN_GRACE" || UNKNOWN_GRACE=${UNKNOWN_GRACE_MINUTES}
readonly UNKNOWN_GRACE

cpu_counters() {
  local _label user nice system idle iowait irq softirq steal _rest
  read -r _label user nice system idle iowait irq softirq steal _rest </proc/stat || return 1
  for value in "$user" "$nice" "$system" "$idle" "$iowait" "$irq" "$softirq" "$steal"; do
    is_number "$value" || return 1
  done
  echo "$((user + nice + system + irq + softirq + steal)) $((idle + iowait))"
}

session_count() {
  local logins tunnels
  logins=$(who | wc -l)
  tunnels=$(ss -Htn state established '( sport = :22 )' 2>/dev/null | wc -l)
  echo $((logins + tunnels))
}

# The busiest GPU's use, "none" without nvidia-smi, "unknown" when its output is not numbers.
gpu_percent() {
  local line highest=0 output
  command -v nvidia-smi >/dev/null 2>&1 || { echo none; return; }
  output=$(nvidia-smi --query-gpu=utilization.gpu --format=csv,noheader,nounits 2>/dev/null) || { echo unknown; return; }
  [ -n "$output" ] || { echo unknown; return; }
  while read -r line; do
    line=\${line// /}
    is_number "$line" || { echo unknown; return; }
    [ "$line" -gt "$highest" ] && highest=$line
  done <<<"$output"
  echo "$highest"
}

act() {
  local action=$1 reason=$2
  echo "cws-idle-agent: $action: $reason"
  cws_tag_instance cws:idle-action "$action" cws:idle-reason "$reason" cws:idle-at "$(date -u +%Y-%m-%dT%H:%M:%SZ)" || true
  if [ "$action" = hibernate ]; then
    cws_stop_instance hibernate && return 0
    echo "cws-idle-agent: hibernation refused; stopping instead"
  fi
  cws_stop_instance && return 0
  echo "cws-idle-agent: the stop call failed; powering off (EC2 stops the instance)"
  systemctl poweroff
}

idle_minutes=0
unknown_minutes=0
marked_idle=0
counters=$(cpu_counters) || counters='0 0'
read -r busy_before idle_before <<<"$counters"
while sleep $((INTERVAL_MINUTES * 60)); do
  cpu=unknown
  if counters=$(cpu_counters); then
    read -r busy_now idle_now <<<"$counters"
    busy=$((busy_now - busy_before))
    total=$((busy + idle_now - idle_before))
    busy_before=$busy_now
    idle_before=$idle_now
    cpu=0
    if [ "$total" -gt 0 ]; then
      cpu=$((100 * busy / total))
    fi
  fi
  sessions=$(session_count)
  gpu=$(gpu_percent)
  unknown=''
  if [ "$cpu" = unknown ] || [ "$gpu" = unknown ]; then
    unknown_minutes=$((unknown_minutes + INTERVAL_MINUTES))
    unknown="cpu $cpu / gpu $gpu for \${unknown_minutes} min"
  else
    unknown_minutes=0
  fi
  cpu_idle=0
  gpu_idle=0
  { [ "$cpu" = unknown ] || [ "$cpu" -lt "$CPU_IDLE_PERCENT" ]; } && cpu_idle=1
  { [ "$gpu" = none ] || [ "$gpu" = unknown ] || [ "$gpu" -lt "$GPU_IDLE_PERCENT" ]; } && gpu_idle=1
  if [ "$cpu_idle" = 1 ] && [ "$gpu_idle" = 1 ] && [ "$sessions" -eq 0 ]; then
    if [ -z "$unknown" ] || [ "$unknown_minutes" -ge "$UNKNOWN_GRACE" ]; then
      idle_minutes=$((idle_minutes + INTERVAL_MINUTES))
    fi
  else
    idle_minutes=0
    if [ "$marked_idle" = 1 ]; then
      cws_untag_instance cws:idle-since || true
      marked_idle=0
    fi
  fi
  reason="idle \${idle_minutes} min: cpu $(percent "$cpu") / \${sessions} sessions / gpu $(percent "$gpu")"
  if [ -n "$unknown" ] && [ "$unknown_minutes" -ge "$UNKNOWN_GRACE" ]; then
    reason="$reason / probe unreadable: $unknown"
  fi
  if [ "$HIBERNATE_MINUTES" -gt 0 ] && [ "$idle_minutes" -ge "$HIBERNATE_MINUTES" ]; then
    act hibernate "$reason" && idle_minutes=0
  elif [ "$HIBERNATE_MINUTES" -eq 0 ] && [ "$IDLE_MINUTES" -gt 0 ] && [ "$idle_minutes" -ge "$IDLE_MINUTES" ]; then
    act stop "$reason" && idle_minutes=0
  elif [ "$IDLE_MINUTES" -gt 0 ] && [ "$idle_minutes" -ge "$IDLE_MINUTES" ] && [ "$marked_idle" = 0 ]; then
    cws_tag_instance cws:idle-since "$(date -u +%Y-%m-%dT%H:%M:%SZ)" && marked_idle=1
  fi
done
`;
}

/**
 * Installs the agent as a systemd service when the template enables idle detection: the first
 * thing the boot script does after creating the user, so any later failure still stops itself.
 */
export function renderIdleAgentSection(plan: ProvisioningPlan): string {
  if (!plan.idle) return 'cws_note "idle detection is off for this template"\n';
  const { idleMinutes, hibernateMinutes } = plan.idle;
  const summary = hibernateMinutes
    ? `hibernate after ${hibernateMinutes} idle minutes${idleMinutes && idleMinutes < hibernateMinutes ? `, marked idle after ${idleMinutes}` : ''}`
    : `stop after ${idleMinutes} idle minutes`;
  return `CWS_CHANGED=0
cws_put 0755 ${IDLE_AGENT_PATH} <<'CWS_IDLE_AGENT'
${renderIdleAgentScript(plan.idle)}CWS_IDLE_AGENT
[ -f ${IDLE_AGENT_ENV} ] || printf '%s\\n' 'CWS_UNKNOWN_GRACE_MINUTES=${UNKNOWN_GRACE_MINUTES}' >${IDLE_AGENT_ENV}
cws_put 0644 ${IDLE_AGENT_UNIT_PATH} <<'CWS_UNIT'
${IDLE_AGENT_UNIT}CWS_UNIT
systemctl daemon-reload
cws_start cws-idle-agent.service
cws_note "idle agent: ${summary}"
`;
}
