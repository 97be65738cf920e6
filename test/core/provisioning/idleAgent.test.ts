import { afterEach, describe, expect, it } from 'vitest';
import type { PlannedIdleAgent } from '../../../source/core/provisioning/ProvisioningPlan.js';
import { renderIdleAgentScript } from '../../../source/core/provisioning/renderIdleAgent.js';
import {
  type BootScriptSandbox,
  createBootScriptSandbox,
  hasBubblewrap,
  type RecordedCall,
} from './bootScriptSandbox.js';

/** CPU counters that never move: the CPU looks idle. */
const STILL_CPU = 'cpu  1000 0 500 90000 100 0 20 0 0 0\ncpu0 1000 0 500 90000 100 0 20 0 0 0\n';

/** `sleep` that lets the agent's loop run `rounds` times, then ends it. */
const sleepFor = (rounds: number) =>
  `#!/bin/bash\ncount=$(($(cat /tmp/sleeps 2>/dev/null || echo 0) + 1))\necho "$count" >/tmp/sleeps\n[ "$count" -le ${rounds} ]\n`;

const awsCalls = (calls: RecordedCall[]) =>
  calls.filter((call) => call[0] === 'aws').map((call) => call.slice(1).join(' '));

describe.skipIf(!hasBubblewrap)('the idle agent, run with a still CPU and stub commands', () => {
  let sandbox: BootScriptSandbox | undefined;
  afterEach(() => {
    sandbox?.dispose();
    sandbox = undefined;
  });

  const runAgent = (idle: PlannedIdleAgent, rounds: number, stubs: Record<string, string> = {}) => {
    sandbox = createBootScriptSandbox();
    sandbox.write('/usr/local/sbin/sleep', sleepFor(rounds), 0o755);
    sandbox.write('/usr/local/sbin/who', '#!/bin/sh\n', 0o755);
    sandbox.write('/usr/local/sbin/ss', '#!/bin/sh\n', 0o755);
    for (const [name, text] of Object.entries(stubs)) sandbox.write(`/usr/local/sbin/${name}`, text, 0o755);
    return sandbox.run(renderIdleAgentScript(idle), { procStat: STILL_CPU });
  };

  it('stops the instance after the idle minutes, tagging why', () => {
    const { output, calls } = runAgent({ idleMinutes: 10, intervalMinutes: 5 }, 3);
    const aws = awsCalls(calls);
    expect(aws).toHaveLength(2);
    expect(aws[0]).toMatch(
      /^ec2 create-tags --region us-east-1 --resources i-0123456789abcdef0 --tags Key=cws:idle-action,Value=stop Key=cws:idle-reason,Value=idle 10 min: cpu 0 pct \/ 0 sessions \/ gpu 0 pct Key=cws:idle-at,Value=\S+Z$/,
    );
    expect(aws[1]).toBe('ec2 stop-instances --region us-east-1 --instance-ids i-0123456789abcdef0');
    expect(output).toContain('cws-idle-agent: stop: idle 10 min');
  });

  it('marks the instance idle at the idle threshold, then hibernates at the hibernate threshold', () => {
    const { calls } = runAgent({ idleMinutes: 5, hibernateMinutes: 10, intervalMinutes: 5 }, 2);
    const aws = awsCalls(calls);
    expect(aws[0]).toMatch(/^ec2 create-tags .* --tags Key=cws:idle-since,Value=\S+Z$/);
    expect(aws[1]).toMatch(/Key=cws:idle-action,Value=hibernate /);
    expect(aws[2]).toBe(
      'ec2 stop-instances --region us-east-1 --instance-ids i-0123456789abcdef0 --hibernate',
    );
    expect(aws).toHaveLength(3);
  });

  it('stops instead when hibernation is refused', () => {
    const refuseHibernate = `#!/bin/bash\n{ printf '%s' aws; printf '\\x1f%s' "$@"; printf '\\x1e'; } >>/tmp/cws-calls.log\n[[ " $* " != *" --hibernate "* ]]\n`;
    const { calls, output } = runAgent({ hibernateMinutes: 5, intervalMinutes: 5 }, 1, {
      aws: refuseHibernate,
    });
    expect(awsCalls(calls).slice(1)).toEqual([
      'ec2 stop-instances --region us-east-1 --instance-ids i-0123456789abcdef0 --hibernate',
      'ec2 stop-instances --region us-east-1 --instance-ids i-0123456789abcdef0',
    ]);
    expect(output).toContain('hibernation refused; stopping instead');
  });

  it('does nothing while someone is logged in or the GPU is busy', () => {
    expect(
      awsCalls(
        runAgent({ idleMinutes: 5, intervalMinutes: 5 }, 3, { who: '#!/bin/sh\necho "alice pts/0"\n' }).calls,
      ),
    ).toEqual([]);
    const busyGpu = '#!/bin/sh\nprintf "3\\n87\\n"\n';
    expect(
      awsCalls(runAgent({ idleMinutes: 5, intervalMinutes: 5 }, 3, { 'nvidia-smi': busyGpu }).calls),
    ).toEqual([]);
  });
});
