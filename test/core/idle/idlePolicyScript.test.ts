import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { IDLE_POLICIES } from '../../../source/core/idle/idlePolicies.js';
import { idlePolicyScript } from '../../../source/core/idle/idlePolicyScript.js';
import { IDLE_AGENT_PATH } from '../../../source/core/provisioning/renderIdleAgent.js';

describe('idlePolicyScript', () => {
  it.each(IDLE_POLICIES.map((p) => [p.name, p] as const))('%s is valid bash', (_name, policy) => {
    const script = idlePolicyScript(policy);
    expect(() => execFileSync('bash', ['-n'], { input: script })).not.toThrow();
  });

  it("rewrites the boot script's agent at the same path with the policy's thresholds, atomically", () => {
    const script = idlePolicyScript(
      IDLE_POLICIES.find((p) => p.name === 'aggressive') ?? { name: '', description: '' },
    );
    expect(script).toContain(`cat >${IDLE_AGENT_PATH}.new <<'CWS_IDLE_AGENT'`);
    expect(script).toContain(`mv ${IDLE_AGENT_PATH}.new ${IDLE_AGENT_PATH}`);
    expect(script).toContain('readonly IDLE_MINUTES=15');
    expect(script).toContain('systemctl restart cws-idle-agent.service');
  });

  it('turns the agent off without removing it', () => {
    expect(idlePolicyScript({ name: 'off', description: '' })).toContain(
      'systemctl disable --now cws-idle-agent.service',
    );
  });
});
