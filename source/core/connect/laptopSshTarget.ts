/** The environment variable that names the address a laptop reaches this machine at. */
export const LAPTOP_SSH_HOST_ENV = 'CWS_LAPTOP_SSH_HOST';

/** `user@host:port` as ssh takes it: the login (`user@host`) and the port when not 22. */
export interface LaptopSshTarget {
  login: string;
  port?: number;
  /** Where the address came from when it is a guess that may be wrong (SSH_CONNECTION). */
  note?: string;
}

const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;
const USER = /^[A-Za-z_][A-Za-z0-9._-]{0,31}$/;

/** `host`, `user@host`, `host:2222` or `user@[::1]:2222`, or why it is none of them. */
export function parseLaptopSshHost(value: string): { login: string; port?: number } | { problem: string } {
  const problem = { problem: `'${value}' is not host, user@host or user@host:port` };
  const at = value.lastIndexOf('@');
  const user = at === -1 ? undefined : value.slice(0, at);
  const address = at === -1 ? value : value.slice(at + 1);
  if (user !== undefined && !USER.test(user)) return problem;
  // An IPv6 address is bracketed, so that its colons are not read as the port's.
  const split = address.startsWith('[')
    ? /^(\[[^\]]*\])(?::(\d{1,5}))?$/.exec(address)
    : /^([^:]*)(?::(\d{1,5}))?$/.exec(address);
  const host = split?.[1] ?? '';
  if (!(address.startsWith('[') ? IPV6 : HOST).test(host)) return problem;
  const port = split?.[2] === undefined ? undefined : Number(split[2]);
  if (port !== undefined && (port < 1 || port > 65535)) return problem;
  const login = user === undefined ? host : `${user}@${host}`;
  return port === undefined || port === 22 ? { login } : { login, port };
}

/**
 * Where the laptop's port forward goes: the address set for it (CWS_LAPTOP_SSH_HOST, then the
 * profile's `network use --laptop-host`), else the server address of SSH_CONNECTION, which is wrong
 * behind NAT, a DNS name or a jump host, so the plan says so and how to set the right one.
 */
export function laptopSshTarget(input: {
  configured?: { value: string; source: string };
  /** The login name to put before a host given without one. */
  user?: string;
  ssh_connection?: { host?: string; port?: number };
}): LaptopSshTarget | undefined {
  const withUser = (login: string) => (login.includes('@') || !input.user ? login : `${input.user}@${login}`);
  let refused: string | undefined;
  if (input.configured) {
    const parsed = parseLaptopSshHost(input.configured.value.trim());
    if (!('problem' in parsed)) return { ...parsed, login: withUser(parsed.login) };
    refused = `${input.configured.source}: ${parsed.problem}`;
  }
  const host = input.ssh_connection?.host;
  if (!host) return undefined;
  const port = input.ssh_connection?.port;
  const guess = `the address is this machine's as SSH_CONNECTION gives it (${host}); behind NAT, a DNS name or a jump host set ${LAPTOP_SSH_HOST_ENV}=user@host[:port] or cws-tui network use --laptop-host user@host[:port]`;
  return {
    login: withUser(host.includes(':') ? `[${host}]` : host),
    ...(port !== undefined && port !== 22 ? { port } : {}),
    note: refused ? `${refused}, so ${guess}` : guess,
  };
}
