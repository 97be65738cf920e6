import { isIP } from 'node:net';

/** The widest SSH source the app opens without --force: a campus or a department, not a continent. */
export const WIDEST_SSH_PREFIX = { 4: 16, 6: 48 } as const;

/**
 * What is wrong with an SSH source CIDR, or undefined when it may be used. Never the whole
 * internet; nothing wider than a /16 (IPv4) or /48 (IPv6, one site) unless forced.
 */
export function sshCidrProblem(cidr: string, options: { force?: boolean } = {}): string | undefined {
  const [address = '', prefix = '', extra] = cidr.split('/');
  const family = isIP(address);
  const bits = Number(prefix);
  if (extra !== undefined || family === 0 || !/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) {
    return `"${cidr}" is not a CIDR block (expected e.g. 203.0.113.0/24 or 2001:db8::/48)`;
  }
  if (bits === 0) {
    return `SSH from ${cidr} would open the workstations to the whole internet; name the network you connect from, or none (Session Manager needs no inbound rule)`;
  }
  const widest = WIDEST_SSH_PREFIX[family === 4 ? 4 : 6];
  if (bits < widest && !options.force) {
    return `SSH from ${cidr} is wider than a /${widest}; name the network you connect from, or add --force if this range really is yours`;
  }
  return undefined;
}
