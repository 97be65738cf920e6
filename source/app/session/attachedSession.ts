import type { WorkstationJson } from '../../commands/json/workstationJsonSchema.js';
import { CloudError } from '../../core/CloudError.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import type { ServeClient } from './ServeClient.js';
import type { Session, SessionInfo } from './Session.js';
import { workstationFromJson } from './workstationFromJson.js';

/** `GET /v1/session` as the server answers it. */
export interface ServeSessionJson {
  account_kind: string;
  profile: string;
  region: string;
  regions: string[];
  research_user: string | null;
  team_store: string | null;
  notices: string[];
}

type ListedRow = WorkstationJson | { name: null; kind: string; state: 'unknown'; error: string };

const path = (workstation: Workstation, action = '') =>
  `/v1/workstations/${encodeURIComponent(workstation.id)}${action}`;

/**
 * The TUI's session while attached to `cws-tui serve`: the refresh loop's listing and every
 * start, stop, hibernate and terminate go to the server's one session (one set of AWS calls,
 * one audit trail, events for every attached terminal); the rest runs in `local`, opened on the
 * server's profile.
 */
export function attachedSession(local: Session, client: ServeClient, remote: ServeSessionJson): Session {
  const info: SessionInfo = {
    ...local.info,
    profile: remote.profile,
    region: remote.region,
    regions: remote.regions,
    ...(remote.research_user ? { research_user: remote.research_user } : {}),
    ...(remote.team_store ? { team_store: remote.team_store } : {}),
    notices: [
      `attached to cws-tui serve on ${client.socketPath}: the listing and start, stop, hibernate and terminate go through it`,
      ...remote.notices,
    ],
  };
  const overrides: Partial<Session> = {
    info,
    // The server shares one listing among every terminal; there is nothing to share here.
    shareListings: () => {},
    async listWorkstations() {
      const rows = await client.request<ListedRow[]>('GET', '/v1/workstations');
      const failures = rows.flatMap((row) =>
        row.state === 'unknown' ? [{ what: row.kind, reason: row.error }] : [],
      );
      if (failures.length > 0) info.listing_failures = failures;
      else delete info.listing_failures;
      return rows.flatMap((row) => (row.state === 'unknown' ? [] : [workstationFromJson(row)]));
    },
    async refreshWorkstation(workstation) {
      try {
        return workstationFromJson(await client.request<WorkstationJson>('GET', path(workstation)));
      } catch (error) {
        if (error instanceof CloudError && error.kind === 'not-found') return undefined;
        throw error;
      }
    },
    async startWorkstation(workstation) {
      await client.request('POST', path(workstation, '/start'));
    },
    async stopWorkstation(workstation, options) {
      await client.request('POST', path(workstation, options.hibernate ? '/hibernate' : '/stop'));
    },
    async terminateWorkstation(workstation) {
      // The TUI has asked for the confirmation already (its dialog); this is the API's form of it.
      await client.request('DELETE', `${path(workstation)}?confirm=${encodeURIComponent(workstation.id)}`);
    },
  };
  return new Proxy(local, {
    get(target, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof Session];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
