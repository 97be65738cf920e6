import {
  IDLE_AGENT_PATH,
  IDLE_AGENT_UNIT,
  IDLE_AGENT_UNIT_PATH,
  renderIdleAgentScript,
} from '../provisioning/renderIdleAgent.js';
import type { IdlePolicy } from './idlePolicies.js';

const UNIT = 'cws-idle-agent.service';

/**
 * Applies a policy on a running workstation without relaunching it: the agent the boot script
 * installs (the same script and path, rendered with the policy's thresholds) is rewritten and
 * restarted, or stopped and disabled for `off`. Written to a temporary file and renamed, so the
 * running agent never reads half a script.
 */
export function idlePolicyScript(policy: IdlePolicy): string {
  if (!policy.agent) {
    return `# cws-tui:idle-policy off
systemctl disable --now ${UNIT} 2>/dev/null || true
echo "cws-idle-agent: off"
`;
  }
  return `# cws-tui:idle-policy ${policy.name}
set -euo pipefail
cat >${IDLE_AGENT_PATH}.new <<'CWS_IDLE_AGENT'
${renderIdleAgentScript(policy.agent)}CWS_IDLE_AGENT
chmod 0755 ${IDLE_AGENT_PATH}.new
mv ${IDLE_AGENT_PATH}.new ${IDLE_AGENT_PATH}
if [ ! -f ${IDLE_AGENT_UNIT_PATH} ]; then
  cat >${IDLE_AGENT_UNIT_PATH} <<'CWS_UNIT'
${IDLE_AGENT_UNIT}CWS_UNIT
  systemctl daemon-reload
fi
systemctl enable ${UNIT} >/dev/null 2>&1
systemctl restart ${UNIT}
echo "cws-idle-agent: policy ${policy.name} applied; agent restarted"
`;
}
