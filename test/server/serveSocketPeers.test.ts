import { execFile } from 'node:child_process';
import { chmod, chown, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testEnvironment } from '../commands/commandHarness.js';
import { startCheckedServe, startServe } from './serveHarness.js';

const runningAsRoot = process.getuid?.() === 0;
/** The unprivileged account every Linux has. */
const NOBODY = 65534;

async function served() {
  const env = testEnvironment();
  const { service, checked } = await startCheckedServe(env);
  return { env, socket: String(service.socketPath), checked: (path: string) => checked('GET', path) };
}

/** Connects to the socket as another user, in a child process: what the kernel answers. */
function connectAs(uid: number, socket: string): Promise<string> {
  const script = `require('node:net').connect(${JSON.stringify(socket)})
    .on('connect', () => { console.log('connected'); process.exit(0); })
    .on('error', (e) => { console.log(e.code); process.exit(0); });`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', script], { uid, gid: uid }, (error, stdout) =>
      error ? reject(error) : resolve(stdout.trim()),
    );
  });
}

describe("serve's socket admits only its owner", () => {
  it('refuses every request with 403 while the socket is opened to others, and serves again once it is 0600', async () => {
    const { socket, checked } = await served();
    expect((await checked('/v1/session')).status).toBe(200);

    await chmod(socket, 0o666);
    const opened = await checked('/v1/session');
    expect(opened.status).toBe(403);
    expect(opened.json).toMatchObject({
      error: {
        code: 'socket_not_private',
        message: `refusing requests on ${socket}: the socket's mode is now 0666, so other users could connect`,
      },
    });

    await chmod(socket, 0o600);
    expect((await checked('/v1/workstations')).status).toBe(200);

    // A folder others can write in lets them swap the socket for their own.
    await chmod(dirname(socket), 0o777);
    const folder = await checked('/v1/session');
    expect(folder.status).toBe(403);
    expect(folder.json).toMatchObject({
      error: { message: expect.stringMatching(/writable by others \(mode 0777/) },
    });
    await chmod(dirname(socket), 0o700);
    expect((await checked('/v1/session')).status).toBe(200);
  });

  it.runIf(runningAsRoot)('refuses a socket given to another uid', async () => {
    const { socket, checked } = await served();
    await chown(socket, NOBODY, NOBODY);
    const given = await checked('/v1/session');
    expect(given.status).toBe(403);
    expect(given.json).toMatchObject({
      error: { message: expect.stringContaining(`the socket is now owned by uid ${NOBODY}, not 0`) },
    });
  });

  it.runIf(runningAsRoot)(
    "will not listen over another user's file at the socket path, and names its owner",
    async () => {
      const env = testEnvironment();
      const stateDir = String(env.CWS_STATE_DIR);
      await mkdir(stateDir, { recursive: true, mode: 0o700 });
      const socket = join(stateDir, 'serve.sock');
      await writeFile(socket, '');
      await chown(socket, NOBODY, NOBODY);
      await expect(startServe(env)).rejects.toThrow(
        `refusing to listen on ${socket}: it is owned by uid ${NOBODY}, not by you (uid 0)`,
      );
    },
  );

  it.runIf(runningAsRoot)('another user cannot even connect: the kernel refuses a 0600 socket', async () => {
    const { env, socket } = await served();
    // Open the way to the socket itself, so that only the socket's own mode stands in the way.
    await chmod(String(env.HOME), 0o755);
    await chmod(dirname(socket), 0o755);
    expect(await connectAs(NOBODY, socket)).toBe('EACCES');
    // The same user on the same path does connect (the refusal is the mode, not the path).
    await chmod(socket, 0o666);
    expect(await connectAs(NOBODY, socket)).toBe('connected');
  });
});
