import { describe, expect, it } from 'vitest';
import { runCodecatalystCommand } from '../../source/commands/codecatalystCommand.js';
import { runCostCommand } from '../../source/commands/costCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

interface ReportJson {
  items: Array<{ id: string; name: string; service?: string; state?: string; rate_per_hour: number }>;
  notes: string[];
}

describe('CodeCatalyst dev environments in `cws-tui cost` on the demo account', () => {
  it('has no line until an environment is started, then one at its instance size rate', async () => {
    const env = testEnvironment();
    const before = JSON.parse((await runCommand(runCostCommand, [], env, { demo: true, json: true })).stdout);
    expect((before as ReportJson).items.filter((item) => item.service === 'CodeCatalyst')).toEqual([]);

    const started = await runCommand(
      runCodecatalystCommand,
      ['start', 'cws-demo-space', 'climate-analysis', 'd1f0c2a4-5b6e-4c7d-8e9f-0a1b2c3d4e5f'],
      env,
      { demo: true },
    );
    expect(started.code).toBe(0);
    const report = JSON.parse(
      (await runCommand(runCostCommand, [], env, { demo: true, json: true })).stdout,
    ) as ReportJson;
    const line = report.items.find((item) => item.service === 'CodeCatalyst');
    expect(line).toMatchObject({
      id: 'codecatalyst:cws-demo-space/climate-analysis/d1f0c2a4-5b6e-4c7d-8e9f-0a1b2c3d4e5f',
      name: 'notebook-env',
    });
    // dev.standard1.medium: $0.0134 a minute.
    expect(line?.rate_per_hour).toBeCloseTo(0.0134 * 60, 6);
  });
});
