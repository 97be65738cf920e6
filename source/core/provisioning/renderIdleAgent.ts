import type { PlannedIdleAgent, ProvisioningPlan } from './ProvisioningPlan.js';

export const IDLE_AGENT_PATH = '/usr/local/sbin/cws-idle-agent';
/** Below this CPU use (percent, all cores) and GPU use, with nobody logged in, a minute counts as idle. */
export const IDLE_CPU_PERCENT = 5;
export const IDLE_GPU_PERCENT = 5;

/**
 * The idle agent: every interval it samples CPU (from /proc/stat), logged-in sessions (`who`, plus
 * SSH connections, which tunnels to the web services hold without a login) and GPU use where
 * nvidia-smi exists. With a hibernate threshold it hibernates there (stopping instead when the
 * instance cannot hibernate) and an earlier idle threshold only tags the instance idle; without
 * one it stops at the idle threshold. It tags what it does and why, through the instance role. Tag values keep to the characters every AWS service accepts.
 */
export function renderIdleAgentScript(idle: PlannedIdleAgent): string {
  return `#!/bin/bash
# cws-tui idle agent: stops or hibernates this workstation when nobody uses it.
set -uo pipefail
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
readonly IDLE_MINUTES=${idle.idleMinutes ?? 0}
readonly HIBERNATE_MINUTES=${idle.hibernateMinutes ?? 0}
readonly INTERVAL_MINUTES=${idle.intervalMinutes}
readonly CPU_IDLE_PERCENT=${IDLE_CPU_PERCENT}
readonly GPU_IDLE_PERCENT=${IDLE_GPU_PERCENT}

imds() {
  local token
  token=$(curl -fsS -m 2 -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 300' http://169.254.169.254/latest/api/token) || return 1
  curl -fsS -m 2 -H "X-aws-ec2-metadata-token: $token" "http://169.254.169.254/latest/meta-data/$1"
}

cpu_counters() {
  local _label user nice system idle iowait irq softirq steal _rest
  read -r _label user nice system idle iowait irq softirq steal _rest </proc/stat
  echo "$((user + nice + system + irq + softirq + steal)) $((idle + iowait))"
}

session_count() {
  local logins tunnels
  logins=$(who | wc -l)
  tunnels=$(ss -Htn state established '( sport = :22 )' 2>/dev/null | wc -l)
  echo $((logins + tunnels))
}

gpu_percent() {
  if command -v nvidia-smi >/dev/null 2>&1; then
    nvidia-smi --query-gpu=utilization.gpu --format=csv,noheader,nounits 2>/dev/null | sort -n | tail -n 1
  else
    echo 0
  fi
}

tag() {
  local id region
  id=$(imds instance-id) || return 1
  region=$(imds placement/region) || return 1
  aws ec2 create-tags --region "$region" --resources "$id" --tags "$@"
}

untag_idle() {
  local id region
  id=$(imds instance-id) || return 1
  region=$(imds placement/region) || return 1
  aws ec2 delete-tags --region "$region" --resources "$id" --tags Key=cws:idle-since
}

act() {
  local action=$1 reason=$2 id region at
  id=$(imds instance-id) || return 1
  region=$(imds placement/region) || return 1
  echo "cws-idle-agent: $action: $reason"
  at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  tag "Key=cws:idle-action,Value=$action" "Key=cws:idle-reason,Value=$reason" "Key=cws:idle-at,Value=$at" || true
  if [ "$action" = hibernate ]; then
    aws ec2 stop-instances --region "$region" --instance-ids "$id" --hibernate && return 0
    echo "cws-idle-agent: hibernation refused; stopping instead"
  fi
  aws ec2 stop-instances --region "$region" --instance-ids "$id"
}

idle_minutes=0
marked_idle=0
read -r busy_before idle_before < <(cpu_counters)
while sleep $((INTERVAL_MINUTES * 60)); do
  read -r busy_now idle_now < <(cpu_counters)
  busy=$((busy_now - busy_before))
  total=$((busy + idle_now - idle_before))
  busy_before=$busy_now
  idle_before=$idle_now
  cpu=0
  if [ "$total" -gt 0 ]; then
    cpu=$((100 * busy / total))
  fi
  sessions=$(session_count)
  gpu=$(gpu_percent)
  gpu=\${gpu:-0}
  if [ "$cpu" -lt "$CPU_IDLE_PERCENT" ] && [ "$sessions" -eq 0 ] && [ "$gpu" -lt "$GPU_IDLE_PERCENT" ]; then
    idle_minutes=$((idle_minutes + INTERVAL_MINUTES))
  else
    idle_minutes=0
    if [ "$marked_idle" = 1 ]; then
      untag_idle || true
      marked_idle=0
    fi
  fi
  reason="idle \${idle_minutes} min: cpu \${cpu} pct / \${sessions} sessions / gpu \${gpu} pct"
  if [ "$HIBERNATE_MINUTES" -gt 0 ] && [ "$idle_minutes" -ge "$HIBERNATE_MINUTES" ]; then
    act hibernate "$reason" && idle_minutes=0
  elif [ "$HIBERNATE_MINUTES" -eq 0 ] && [ "$IDLE_MINUTES" -gt 0 ] && [ "$idle_minutes" -ge "$IDLE_MINUTES" ]; then
    act stop "$reason" && idle_minutes=0
  elif [ "$IDLE_MINUTES" -gt 0 ] && [ "$idle_minutes" -ge "$IDLE_MINUTES" ] && [ "$marked_idle" = 0 ]; then
    tag "Key=cws:idle-since,Value=$(date -u +%Y-%m-%dT%H:%M:%SZ)" && marked_idle=1
  fi
done
`;
}

/** Installs the agent as a systemd service when the template enables idle detection. */
export function renderIdleAgentSection(plan: ProvisioningPlan): string {
  if (!plan.idle) return 'cws_mark idle-agent\ncws_note "idle detection is off for this template"\n';
  const { idleMinutes, hibernateMinutes } = plan.idle;
  const summary = hibernateMinutes
    ? `hibernate after ${hibernateMinutes} idle minutes${idleMinutes && idleMinutes < hibernateMinutes ? `, marked idle after ${idleMinutes}` : ''}`
    : `stop after ${idleMinutes} idle minutes`;
  return `cws_mark idle-agent
cat >${IDLE_AGENT_PATH} <<'CWS_IDLE_AGENT'
${renderIdleAgentScript(plan.idle)}CWS_IDLE_AGENT
chmod 0755 ${IDLE_AGENT_PATH}
cat >/etc/systemd/system/cws-idle-agent.service <<'CWS_UNIT'
[Unit]
Description=cws-tui idle agent
After=network-online.target

[Service]
Type=simple
ExecStart=${IDLE_AGENT_PATH}
Restart=always
RestartSec=30

[Install]
WantedBy=multi-user.target
CWS_UNIT
systemctl daemon-reload
systemctl enable cws-idle-agent.service
systemctl restart cws-idle-agent.service
cws_note "idle agent: ${summary}"
`;
}
