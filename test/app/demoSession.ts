import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession } from '../../source/app/session/openSession.js';
import type { Session } from '../../source/app/session/Session.js';
import { TAG } from '../../source/core/ports.js';
import type { Workstation } from '../../source/core/workstations/Workstation.js';

/** An environment whose config and state live in a fresh temp dir (never the real home). */
export function tempEnv(): NodeJS.ProcessEnv {
  const root = mkdtempSync(join(tmpdir(), 'cws-tui-app-'));
  mkdirSync(join(root, 'config'));
  mkdirSync(join(root, 'state'));
  // The demo profile allows SSH from the user's network, so that connect plans an SSH tunnel.
  writeFileSync(
    join(root, 'config', 'network.json'),
    JSON.stringify({ profiles: { demo: { ssh_cidr: '198.51.100.0/24', regions: {} } } }),
  );
  return {
    // The seeded workstations belong to alice: the session acts as her.
    USER: 'alice',
    HOME: root,
    CWS_CONFIG_DIR: join(root, 'config'),
    CWS_STATE_DIR: join(root, 'state'),
    CWS_DEMO_SPEED: '0',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** A real session on the demo account, in a temp dir. */
export function openDemoSession(env: NodeJS.ProcessEnv = tempEnv()): Promise<Session> {
  return openSession({ env, demo: true });
}

let launches = 0;

/** Launches an instance on the demo account as the launch pipeline would tag it. */
export async function seedWorkstation(
  session: Session,
  name: string,
  options: {
    template?: string;
    user?: string;
    type?: string;
    hibernation?: boolean;
    tags?: Record<string, string>;
  } = {},
): Promise<void> {
  launches++;
  await session.account.compute.runInstance({
    region: session.info.region,
    name,
    image_id: 'ami-0123456789abcdef0',
    instance_type: options.type ?? 't3.medium',
    user_data_base64: Buffer.from('#!/bin/bash\ncws_mark packages\ncws_mark ready\n').toString('base64'),
    client_token: `seed-${process.pid}-${launches}-${name}`,
    tags: {
      [TAG.managed]: 'true',
      [TAG.template]: options.template ?? 'python-ml',
      [TAG.researchUser]: options.user ?? 'alice',
      ...options.tags,
    },
    root_volume_gb: 30,
    root_volume_type: 'gp3',
    spot: false,
    hibernation: options.hibernation ?? true,
  });
}

/** The same session, but listing the given workstations (for tables of 10,000 rows). */
export function sessionListing(session: Session, workstations: readonly Workstation[]): Session {
  const listing: Session = Object.create(session);
  listing.listWorkstations = async () => [...workstations];
  return listing;
}
