import { describe, expect, it } from 'vitest';
import { workstationRolePolicy } from '../../../source/core/iam/workstationRolePolicy.js';
import type { Distro } from '../../../source/core/images/baseImages.js';
import { renderUserData } from '../../../source/core/provisioning/renderUserData.js';
import { basicTemplate, pythonMlTemplate, researchUser } from './provisioningFixtures.js';
import { bashSyntaxErrors, hasShellcheck, shellcheckFindings } from './scriptChecks.js';

const script = (distro: Distro, template = pythonMlTemplate) =>
  renderUserData({ template, distro, user: researchUser, launch_id: 'req-0001' }).script;

/** The two agent configurations the script writes (without, then with, a GPU). */
function agentConfigs(text: string): Array<{ metrics: { metrics_collected: Record<string, unknown> } }> {
  return [...text.matchAll(/<<'CWS_CWAGENT'\n([\s\S]*?)\nCWS_CWAGENT\n/g)].map((match) =>
    JSON.parse(match[1] ?? ''),
  );
}

describe('the CloudWatch agent in the boot script (cloudwatch_agent: true)', () => {
  it.each([
    ['ubuntu', 'ubuntu/$cws_cwagent_arch/latest/amazon-cloudwatch-agent.deb'],
    ['rocky', 'redhat/$cws_cwagent_arch/latest/amazon-cloudwatch-agent.rpm'],
    ['al2023', 'dnf install -y amazon-cloudwatch-agent'],
  ] as const)('installs it on %s and parses, shellcheck-clean', (distro, install) => {
    const text = script(distro);
    expect(text).toContain('cws_part metrics cws_part_metrics');
    expect(text).toContain(install);
    expect(bashSyntaxErrors(text)).toBe('');
    if (hasShellcheck) expect(shellcheckFindings(text)).toBe('');
  });

  it('publishes memory always, and GPU use only where an NVIDIA GPU is present', () => {
    const [gpu, plain] = agentConfigs(script('ubuntu'));
    expect(Object.keys(gpu?.metrics.metrics_collected ?? {})).toEqual(['mem', 'nvidia_gpu']);
    expect(Object.keys(plain?.metrics.metrics_collected ?? {})).toEqual(['mem']);
  });

  it('is left out when the template does not ask for it', () => {
    expect(script('rocky', basicTemplate)).not.toContain('amazon-cloudwatch-agent');
  });

  it('the workstation role may publish metrics to the CWAgent namespace only', () => {
    const statement = workstationRolePolicy().Statement.find((s) => s.Sid === 'PublishAgentMetrics');
    expect(statement).toMatchObject({
      Action: 'cloudwatch:PutMetricData',
      Condition: { StringEquals: { 'cloudwatch:namespace': 'CWAgent' } },
    });
  });
});
