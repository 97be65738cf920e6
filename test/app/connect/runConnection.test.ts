import { describe, expect, it } from 'vitest';
import { handOverIntro, runConnection } from '../../../source/app/connect/runConnection.js';
import { simulateDemoConnection } from '../../../source/app/connect/simulateDemoConnection.js';
import type { ConnectionPlan } from '../../../source/core/connect/ConnectionPlan.js';

const SSH: ConnectionPlan = {
  kind: 'terminal',
  via: 'ssh',
  argv: ['ssh', 'alice@3.80.0.1'],
  command: 'ssh alice@3.80.0.1',
};

describe('connecting from the TUI', () => {
  it('says first how to get back, then plays the demo account a session that ends by itself', async () => {
    const out: string[] = [];
    const keys: string[] = [];
    const code = await runConnection(SSH, {
      name: 'thesis',
      demo: true,
      pause: async () => {},
      terminal: { env: {}, write: (text) => out.push(text), nextKey: async () => void keys.push('key') },
    });
    expect(code).toBe(0);
    expect(out[0]).toBe(`${handOverIntro(SSH as Exclude<ConnectionPlan, { kind: 'unavailable' }>)}\n`);
    expect(out[0]).toContain('Ctrl-D or exit returns to cws-tui');
    expect(out.join('')).toContain('[demo account]');
    expect(out.join('')).toContain('Connection to thesis closed.');
    expect(keys).toEqual([]);
  });

  it('keeps a failed connection on screen until a key is pressed', async () => {
    const out: string[] = [];
    let waited = false;
    const plan: ConnectionPlan = { kind: 'terminal', via: 'ssh', argv: ['false'], command: 'false' };
    const code = await runConnection(plan, {
      name: 'thesis',
      demo: false,
      terminal: {
        env: process.env,
        write: (text) => out.push(text),
        nextKey: async () => {
          waited = true;
        },
      },
    });
    expect(code).toBe(1);
    expect(waited).toBe(true);
    expect(out.join('')).toContain('ssh ended with exit code 1. Press any key to return to cws-tui.');
  });

  it('simulates a tunnel with the port the dialog showed', async () => {
    const out: string[] = [];
    await simulateDemoConnection(
      {
        kind: 'url',
        url: 'http://localhost:8890/lab',
        open: 'show',
        tunnel: {
          via: 'ssh',
          argv: [],
          command: 'ssh -N -L 8890:localhost:8888 x',
          local_port: 8890,
          remote_port: 8888,
        },
      },
      'nb',
      { stdout: (text) => out.push(text), pause: async () => {} },
    );
    expect(out.join('')).toContain('localhost:8890 -> nb:8888');
  });
});
