import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runRightsizeCommand } from '../../source/commands/rightsizeCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

describe('cws-tui rightsize on the demo account', () => {
  it('recommends a type per workstation from 14 days of CPU, with the evidence and the monthly saving', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'big'], env, { type: 'm7i.4xlarge' });
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'small'], env, { type: 't3.medium' });
    const result = await runCommand(runRightsizeCommand, [], env, { json: true });
    const { recommendations } = JSON.parse(result.stdout) as {
      recommendations: Array<{
        workstation: string;
        verdict: string;
        evidence: { samples: number; p95_cpu_percent: number };
      }>;
    };
    expect(recommendations.map((r) => r.workstation).sort()).toEqual(['big', 'small']);
    for (const r of recommendations) {
      expect(r.evidence.samples).toBe(14 * 288);
      expect(['downsize', 'upsize', 'keep']).toContain(r.verdict);
    }
    const one = await runCommand(runRightsizeCommand, ['big'], env);
    expect(one.stdout).toMatch(/^WORKSTATION\s+TYPE\s+P95 CPU\s+PEAK MEM\s+ADVICE/);
    expect(one.stdout).toContain('Possible saving: $');
  });
});
