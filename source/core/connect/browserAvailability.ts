/** Whether a browser can open on the user's screen, and why not. */
export type BrowserAvailability =
  | { local: true }
  | { local: false; reason: 'ssh' | 'no-display'; ssh_host?: string; ssh_port?: number };

/**
 * Decides from the environment where the user sits. Over SSH (SSH_CONNECTION or SSH_TTY set) a
 * browser would open on the remote machine, not in front of the user; on Linux without DISPLAY or
 * WAYLAND_DISPLAY there is no screen at all. macOS and Windows always have one locally.
 */
export function browserAvailability(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): BrowserAvailability {
  if (env.SSH_CONNECTION || env.SSH_TTY) {
    // SSH_CONNECTION is "client-ip client-port server-ip server-port": the laptop reaches us there.
    const [, , host, port] = (env.SSH_CONNECTION ?? '').trim().split(/\s+/);
    const result: BrowserAvailability = { local: false, reason: 'ssh' };
    if (host) result.ssh_host = host;
    const portNumber = Number(port);
    if (Number.isInteger(portNumber) && portNumber > 0) result.ssh_port = portNumber;
    return result;
  }
  if (platform === 'darwin' || platform === 'win32') return { local: true };
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return { local: true };
  return { local: false, reason: 'no-display' };
}
