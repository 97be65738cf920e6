import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { shellQuote } from './tmuxSession.js';

const BUNDLE = resolve(import.meta.dirname, '../../dist/cws-tui.js');

/** A fresh config and state dir for one end-to-end file, with the built app run against them. */
export interface E2eWorkspace {
  root: string;
  env: Record<string, string>;
  /** A command of the built app, run to completion against this workspace (for set-up). */
  run(...args: string[]): void;
  /** The shell line that starts the app with this workspace's environment, and `args` after it. */
  appLine(args: string): string;
}

export function e2eWorkspace(prefix: string): E2eWorkspace {
  // test/globalSetup.ts builds the bundle when it is missing or stale.
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first.`);
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const dir of ['config', 'state']) mkdirSync(join(root, dir));
  const env: Record<string, string> = {
    HOME: root,
    CWS_CONFIG_DIR: join(root, 'config'),
    CWS_STATE_DIR: join(root, 'state'),
    CWS_DEMO_SPEED: '0',
    AWS_EC2_METADATA_DISABLED: 'true',
    TERM: 'xterm-256color',
  };
  return {
    root,
    env,
    run: (...args) =>
      execFileSync(process.execPath, [BUNDLE, ...args], { env: { ...process.env, ...env }, stdio: 'ignore' }),
    appLine: (args) => {
      const assignments = Object.entries(env)
        .map(([key, value]) => `${key}=${shellQuote(value)}`)
        .join(' ');
      // CI=true makes Ink hold frames back: the app must draw as it would for a person.
      return `env -u CI ${assignments} ${shellQuote(process.execPath)} ${shellQuote(BUNDLE)} ${args}`;
    },
  };
}

/** A workspace with a profile `lab` under the shipped example policy: a member, as most users are. */
export function exampleLabWorkspace(prefix: string): E2eWorkspace {
  const workspace = e2eWorkspace(prefix);
  const policy = resolve(import.meta.dirname, '../../policies/example.yaml');
  workspace.run(
    'profiles',
    'create',
    'lab',
    '--aws-profile',
    'lab',
    '--region',
    'us-east-1',
    '--policy',
    policy,
  );
  return workspace;
}
