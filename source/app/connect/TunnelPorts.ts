import { freeLocalPort } from '../../core/connect/startTunnel.js';

const SEARCH_SPAN = 100;

const portIsFree = async (port: number) => (await freeLocalPort(port)) === port;

/**
 * The local port of each workstation's tunnel, for one app session: each workstation keeps the
 * port it was given (the laptop's port forward stays valid), and two never share one, so two
 * Jupyter workstations are 8888 and 8889 rather than both 8888.
 */
export class TunnelPorts {
  private readonly assigned = new Map<string, number>();

  constructor(private readonly isFree: (port: number) => Promise<boolean> = portIsFree) {}

  async portFor(workstationId: string, preferred: number): Promise<number> {
    const known = this.assigned.get(workstationId);
    if (known !== undefined) return known;
    const taken = new Set(this.assigned.values());
    for (let port = preferred; port < Math.min(preferred + SEARCH_SPAN, 65536); port++) {
      if (taken.has(port) || !(await this.isFree(port))) continue;
      this.assigned.set(workstationId, port);
      return port;
    }
    // Nothing near the preferred port: one the system picks.
    const picked = await freeLocalPort(0);
    this.assigned.set(workstationId, picked);
    return picked;
  }
}
