import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { PlannedTunnel } from '../../../source/core/connect/ConnectionPlan.js';
import { freeLocalPort, startTunnel } from '../../../source/core/connect/startTunnel.js';

function tunnel(argv: string[], localPort: number): PlannedTunnel {
  return { via: 'ssh', argv, command: argv.join(' '), local_port: localPort, remote_port: 8888 };
}

describe('startTunnel', () => {
  it('resolves once the local port accepts connections, and closes the program', async () => {
    const port = await freeLocalPort(0);
    const listener = `require('node:net').createServer().listen(${port}, '127.0.0.1')`;
    const open = await startTunnel(tunnel([process.execPath, '-e', listener], port), 'ignore');
    open.close();
    expect(await open.exited).toBe(143);
  });

  it('rejects with the command when the program ends before the port opens', async () => {
    const port = await freeLocalPort(0);
    await expect(
      startTunnel(tunnel([process.execPath, '-e', 'process.exit(255)'], port), 'ignore'),
    ).rejects.toThrow(`the tunnel did not open on localhost:${port}`);
  });

  it('rejects with the reason when the program is not installed', async () => {
    await expect(startTunnel(tunnel(['/nonexistent/ssh'], 1), 'ignore')).rejects.toThrow(
      /^cannot run \/nonexistent\/ssh: spawn \/nonexistent\/ssh ENOENT$/,
    );
  });
});

describe('freeLocalPort', () => {
  it('keeps a free port and replaces a busy one', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const busy = typeof address === 'object' && address ? address.port : 0;
    try {
      const replacement = await freeLocalPort(busy);
      expect(replacement).not.toBe(busy);
      expect(await freeLocalPort(replacement)).toBe(replacement);
    } finally {
      server.close();
    }
  });
});
