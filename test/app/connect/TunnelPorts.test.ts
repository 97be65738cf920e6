import { describe, expect, it } from 'vitest';
import { TunnelPorts } from '../../../source/app/connect/TunnelPorts.js';

describe('TunnelPorts', () => {
  it('gives each workstation its own free port, and the same one again', async () => {
    const busy = new Set([8889]);
    const ports = new TunnelPorts(async (port) => !busy.has(port));
    expect(await ports.portFor('i-1', 8888)).toBe(8888);
    expect(await ports.portFor('i-2', 8888)).toBe(8890);
    expect(await ports.portFor('i-1', 8888)).toBe(8888);
  });
});
