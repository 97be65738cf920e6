import { describe, expect, it } from 'vitest';
import { readWorkstationLogs } from '../../../source/core/logs/readWorkstationLogs.js';
import { openDemoSession, seedWorkstation } from '../../app/demoSession.js';

describe('readWorkstationLogs --follow', () => {
  it('prints only what was appended since the last poll, until aborted', async () => {
    const session = await openDemoSession();
    await seedWorkstation(session, 'box');
    const [box] = await session.listWorkstations();
    if (!box) throw new Error('no workstation');
    const account = session.operationsContext().account;
    let console = 'line 1\nline 2\n';
    account.compute.consoleOutput = async () => console;
    const controller = new AbortController();
    const printed: string[] = [];
    await readWorkstationLogs(
      account,
      box,
      { kind: 'boot' },
      {
        lines: 10,
        follow: true,
        intervalMs: 1,
        signal: controller.signal,
        onText: (text) => {
          printed.push(text);
          if (printed.length === 1) console += 'line 3\n';
          if (printed.length === 2) controller.abort();
        },
      },
    );
    expect(printed).toEqual(['line 1\nline 2\n', 'line 3\n']);
  });

  it('ends the follow of the setup log once the workstation stops', async () => {
    const session = await openDemoSession();
    await seedWorkstation(session, 'box');
    const [box] = await session.listWorkstations();
    if (!box) throw new Error('no workstation');
    const printed: string[] = [];
    await readWorkstationLogs(
      session.operationsContext().account,
      box,
      { kind: 'setup' },
      {
        lines: 10,
        follow: true,
        intervalMs: 1,
        refresh: async () => ({ ...box, state: 'stopped' }),
        onText: (text) => printed.push(text),
      },
    );
    expect(printed.at(-1)).toBe('-- box is stopped: the follow ends\n');
    expect(printed.join('')).toContain('CWS-PROGRESS ready');
  });
});
