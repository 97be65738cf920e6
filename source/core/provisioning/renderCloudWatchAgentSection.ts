import { CLOUDWATCH_AGENT_NAMESPACE } from '../iam/workstationRolePolicy.js';
import { RETRY_ATTEMPTS } from './instanceShellLibrary.js';
import type { ProvisioningPlan } from './ProvisioningPlan.js';

const AGENT_DIR = '/opt/aws/amazon-cloudwatch-agent';
export const CLOUDWATCH_AGENT_CONFIG = `${AGENT_DIR}/etc/cws-tui.json`;
const CTL = `${AGENT_DIR}/bin/amazon-cloudwatch-agent-ctl`;
/** AWS's own download bucket (HTTPS): the agent is not in Ubuntu's or Rocky's repositories. */
const DOWNLOAD = 'https://amazoncloudwatch-agent.s3.amazonaws.com';

/**
 * What the agent publishes, once a minute, under the instance id alone (no host dimension): that is
 * the series rightsizing reads (`mem_used_percent`), plus GPU use and memory on an NVIDIA GPU.
 */
function agentConfig(gpu: boolean): string {
  const measured: Record<string, unknown> = { mem: { measurement: ['mem_used_percent'] } };
  if (gpu) {
    measured.nvidia_gpu = { measurement: ['utilization_gpu', 'memory_used', 'memory_total'] };
  }
  return JSON.stringify(
    {
      agent: { metrics_collection_interval: 60, omit_hostname: true, run_as_user: 'root' },
      metrics: {
        namespace: CLOUDWATCH_AGENT_NAMESPACE,
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the agent's own variable, resolved on the instance
        append_dimensions: { InstanceId: '${aws:InstanceId}' },
        metrics_collected: measured,
      },
    },
    null,
    2,
  );
}

function install(plan: ProvisioningPlan): string {
  if (plan.distro === 'al2023') return `  cws_retry ${RETRY_ATTEMPTS} dnf install -y amazon-cloudwatch-agent`;
  const [path, file, installer] =
    plan.distro === 'ubuntu'
      ? ['ubuntu', 'amazon-cloudwatch-agent.deb', 'cws_apt install -y']
      : ['redhat', 'amazon-cloudwatch-agent.rpm', 'dnf install -y'];
  return `  case "$(uname -m)" in aarch64) cws_cwagent_arch=arm64 ;; *) cws_cwagent_arch=amd64 ;; esac
  cws_cwagent_dir=$(mktemp -d)
  cws_fetch "${DOWNLOAD}/${path}/$cws_cwagent_arch/latest/${file}" "$cws_cwagent_dir/${file}"
  cws_retry ${RETRY_ATTEMPTS} ${installer} "$cws_cwagent_dir/${file}"
  rm -rf "$cws_cwagent_dir"`;
}

/**
 * The CloudWatch agent, when the template asks (`cloudwatch_agent: true`): installed from the
 * distro (Amazon Linux) or AWS's bucket (Ubuntu, Rocky), configured to publish memory use (and GPU
 * use where an NVIDIA GPU is present) to the `CWAgent` namespace, which the instance role may write
 * and nothing else. Rightsizing then has peak memory, not only CPU. A re-run only rewrites the
 * configuration.
 */
export function renderCloudWatchAgentSection(plan: ProvisioningPlan): string {
  if (!plan.cloudwatchAgent) return '';
  return `cws_cwagent_ctl() {
  if [ -x ${CTL} ]; then ${CTL} "$@"; else amazon-cloudwatch-agent-ctl "$@"; fi
}
if [ -x ${CTL} ]; then
  cws_note "the CloudWatch agent is already installed"
else
${install(plan)}
fi
mkdir -p ${AGENT_DIR}/etc
if cws_gpu_present; then
cat >${CLOUDWATCH_AGENT_CONFIG} <<'CWS_CWAGENT'
${agentConfig(true)}
CWS_CWAGENT
  cws_cwagent_measures="memory and GPU"
else
cat >${CLOUDWATCH_AGENT_CONFIG} <<'CWS_CWAGENT'
${agentConfig(false)}
CWS_CWAGENT
  cws_cwagent_measures="memory"
fi
cws_cwagent_ctl -a fetch-config -m ec2 -s -c "file:${CLOUDWATCH_AGENT_CONFIG}"
cws_note "the CloudWatch agent publishes $cws_cwagent_measures use"
`;
}
