import { afterEach, describe, expect, it } from 'vitest';
import {
  instanceShellLibrary,
  SHELL_LIBRARY_PATH,
} from '../../../source/core/provisioning/instanceShellLibrary.js';
import type { PlannedIdleAgent } from '../../../source/core/provisioning/ProvisioningPlan.js';
import { renderIdleAgentScript } from '../../../source/core/provisioning/renderIdleAgent.js';
import {
  apiCallsOf,
  type BootScriptSandbox,
  callsOf,
  createBootScriptSandbox,
  hasBubblewrap,
  type RecordedCall,
} from './bootScriptSandbox.js';

/** CPU counters that never move: the CPU looks idle. */
const STILL_CPU = 'cpu  1000 0 500 90000 100 0 20 0 0 0\ncpu0 1000 0 500 90000 100 0 20 0 0 0\n';

/** `sleep` that lets the agent's loop run `rounds` times, then ends it. */
const sleepFor = (rounds: number) =>
  `#!/bin/bash\ncount=$(($(cat /tmp/sleeps 2>/dev/null || echo 0) + 1))\necho "$count" >/tmp/sleeps\n[ "$count" -le ${rounds} ]\n`;

/** The EC2 calls the agent signed, as `Action Key=Value ...` (the instance id left out). */
const ec2Calls = (calls: RecordedCall[]) =>
  apiCallsOf(calls)
    .filter((call) => call.service === 'ec2')
    .map((call) =>
      [...call.params]
        .filter(([key]) => !['Version', 'ResourceId.1', 'InstanceId.1'].includes(key))
        .map(([key, value]) => (key === 'Action' ? value : `${key}=${value}`))
        .join(' '),
    );

describe.skipIf(!hasBubblewrap)('the idle agent, run with a still CPU and stub commands', () => {
  let sandbox: BootScriptSandbox | undefined;
  afterEach(() => {
    sandbox?.dispose();
    sandbox = undefined;
  });

  const runAgent = (
    idle: PlannedIdleAgent,
    rounds: number,
    stubs: Record<string, string> = {},
    setUp: (box: BootScriptSandbox) => void = () => {},
    environment = '',
  ) => {
    sandbox = createBootScriptSandbox();
    sandbox.write(SHELL_LIBRARY_PATH, instanceShellLibrary());
    sandbox.write('/usr/local/sbin/sleep', sleepFor(rounds), 0o755);
    sandbox.write('/usr/local/sbin/who', '#!/bin/sh\n', 0o755);
    sandbox.write('/usr/local/sbin/ss', '#!/bin/sh\n', 0o755);
    for (const [name, text] of Object.entries(stubs)) sandbox.write(`/usr/local/sbin/${name}`, text, 0o755);
    setUp(sandbox);
    return sandbox.run(`${environment}${renderIdleAgentScript(idle)}`, { procStat: STILL_CPU });
  };

  it('stops the instance after the idle minutes, tagging why, with no AWS CLI', () => {
    const { output, calls } = runAgent({ idleMinutes: 10, intervalMinutes: 5 }, 3);
    const ec2 = ec2Calls(calls);
    expect(ec2).toHaveLength(2);
    expect(ec2[0]).toMatch(
      /^CreateTags Tag\.1\.Key=cws:idle-action Tag\.1\.Value=stop Tag\.2\.Key=cws:idle-reason Tag\.2\.Value=idle 10 min: cpu 0 pct \/ 0 sessions \/ gpu none Tag\.3\.Key=cws:idle-at Tag\.3\.Value=\S+Z$/,
    );
    expect(ec2[1]).toBe('StopInstances');
    expect(callsOf(calls, 'aws')).toEqual([]);
    expect(output).toContain('cws-idle-agent: stop: idle 10 min');
  });

  it('marks the instance idle at the idle threshold, then hibernates at the hibernate threshold', () => {
    const ec2 = ec2Calls(runAgent({ idleMinutes: 5, hibernateMinutes: 10, intervalMinutes: 5 }, 2).calls);
    expect(ec2[0]).toMatch(/^CreateTags Tag\.1\.Key=cws:idle-since Tag\.1\.Value=\S+Z$/);
    expect(ec2[1]).toMatch(/Tag\.1\.Value=hibernate /);
    expect(ec2[2]).toBe('StopInstances Hibernate=true');
    expect(ec2).toHaveLength(3);
  });

  it('powers off when the API refuses the stop: EC2 turns that into a stop', () => {
    const { calls, output } = runAgent({ hibernateMinutes: 5, intervalMinutes: 5 }, 1, {}, (box) =>
      box.write('/tmp/cws-fail-api', ''),
    );
    expect(ec2Calls(calls).slice(1)).toEqual(['StopInstances Hibernate=true', 'StopInstances']);
    expect(output).toContain('hibernation refused; stopping instead');
    expect(output).toContain('the stop call failed; powering off');
    expect(callsOf(calls, 'systemctl')).toEqual([['systemctl', 'poweroff']]);
  });

  it('does nothing while someone is logged in or the GPU is busy', () => {
    const loggedIn = runAgent({ idleMinutes: 5, intervalMinutes: 5 }, 3, {
      who: '#!/bin/sh\necho "alice pts/0"\n',
    });
    expect(ec2Calls(loggedIn.calls)).toEqual([]);
    const busyGpu = '#!/bin/sh\nprintf "3\\n87\\n"\n';
    expect(
      ec2Calls(runAgent({ idleMinutes: 5, intervalMinutes: 5 }, 3, { 'nvidia-smi': busyGpu }).calls),
    ).toEqual([]);
  });

  it('counts a GPU probe it cannot read ([N/A]) as unknown, then decides on the other signals and says why', () => {
    const unreadable = '#!/bin/sh\nprintf "[N/A]\\n"\n';
    // Grace 15 min at 5-minute checks: 2 rounds held, then 2 rounds count, reaching 10 idle minutes.
    const { calls, output } = runAgent(
      { idleMinutes: 10, intervalMinutes: 5 },
      5,
      { 'nvidia-smi': unreadable },
      () => {},
      'export CWS_UNKNOWN_GRACE_MINUTES=15\n',
    );
    expect(output).not.toContain('integer expression expected');
    const ec2 = ec2Calls(calls);
    expect(ec2).toHaveLength(2);
    expect(ec2[0]).toMatch(
      /cws:idle-reason Tag\.2\.Value=idle 10 min: cpu 0 pct \/ 0 sessions \/ gpu unknown \/ probe unreadable: cpu 0 \/ gpu unknown for 20 min /,
    );
    expect(ec2[1]).toBe('StopInstances');
  });

  it('holds off while an unreadable probe is within its grace time', () => {
    const mismatch = '#!/bin/sh\necho "Failed to initialize NVML: Driver/library version mismatch"\n';
    expect(
      ec2Calls(runAgent({ idleMinutes: 5, intervalMinutes: 5 }, 4, { 'nvidia-smi': mismatch }).calls),
    ).toEqual([]);
  });
});
