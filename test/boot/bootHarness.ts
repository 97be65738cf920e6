import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ProvisioningProgress,
  parseProgressMarkers,
} from '../../source/core/provisioning/progressMarkers.js';
import { fakeDeb } from './bootArtifacts.js';
import type { BootStubServer } from './bootStubServer.js';

/** The packages a root needs to boot like a cloud image: systemd, curl, and what the script calls. */
const ROOT_PACKAGES = [
  'systemd',
  'systemd-sysv',
  'dbus',
  'curl',
  'ca-certificates',
  'procps',
  'iproute2',
  'sudo',
  'python3',
  'python3-venv',
  'kmod',
  'libpam-modules',
  'passwd',
  'unzip',
  'pciutils',
];
/** Ubuntu's names that Debian has no package for: empty stand-ins, installed in the root. */
const UBUNTU_ONLY = ['ubuntu-desktop-minimal'];
const ROOT_VERSION = `bookworm-1:${ROOT_PACKAGES.join(',')}:${UBUNTU_ONLY.join(',')}`;
const MIRROR = 'http://deb.debian.org/debian';

export const hasBootTools = ['debootstrap', 'systemd-nspawn'].every(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0,
);

/**
 * The Debian root every boot starts from, built once with debootstrap from Debian's packages and
 * kept under .cache (rebuilt when the package list changes). Each run gets an overlay over it.
 */
export function ensureBootRoot(cacheDir: string): string {
  const root = join(cacheDir, 'bookworm-root');
  const stamp = join(cacheDir, 'bookworm-root.version');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === ROOT_VERSION) return root;
  mkdirSync(cacheDir, { recursive: true });
  const building = join(cacheDir, `bookworm-root.building-${process.pid}`);
  rmSync(building, { recursive: true, force: true });
  execFileSync(
    'debootstrap',
    ['--variant=minbase', `--include=${ROOT_PACKAGES.join(',')}`, 'bookworm', building, MIRROR],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const work = mkdtempSync(join(tmpdir(), 'cws-boot-root-'));
  for (const name of UBUNTU_ONLY) {
    const deb = fakeDeb(work, name, {});
    execFileSync('cp', [deb, join(building, 'tmp', `${name}.deb`)]);
    execFileSync('chroot', [building, 'dpkg', '-i', `/tmp/${name}.deb`], { stdio: 'ignore' });
    rmSync(join(building, 'tmp', `${name}.deb`));
  }
  rmSync(work, { recursive: true, force: true });
  // A cloud image has a hostname and a machine id per instance; systemd makes one at boot.
  writeFileSync(join(building, 'etc', 'hostname'), 'workstation\n');
  rmSync(root, { recursive: true, force: true });
  renameSync(building, root);
  writeFileSync(stamp, ROOT_VERSION);
  return root;
}

export interface BootRun {
  /** The script's exit status, as the boot unit saw it. */
  status: string;
  /** `systemctl is-active cws-idle-agent.service` after the script. */
  agent: string;
  log: string;
  progress: ProvisioningProgress;
  ready: boolean;
}

/** The curl every URL goes through in the container: to the stub server on the host's loopback. */
const curlShim = (port: number) => `#!/bin/bash
# boot harness: instance metadata, AWS APIs and downloads all come from the stub server.
args=()
for arg in "$@"; do
  case "$arg" in
    http://*|https://*) arg="http://127.0.0.1:${port}/\${arg#*://}" ;;
  esac
  args+=("$arg")
done
exec /usr/bin/curl "\${args[@]}"
`;

/** Runs the user data as cloud-init would, records what the harness checks, then powers off. */
const HARNESS_UNIT = `[Unit]
Description=cws-tui boot harness: the user data, as cloud-init runs it
After=network.target

[Service]
Type=oneshot
ExecStart=/bin/bash -c '/var/lib/cloud/instance/scripts/part-001; echo $? >/var/lib/cws-harness/status; systemctl is-active cws-idle-agent.service >/var/lib/cws-harness/agent 2>&1; systemctl --no-block poweroff'
TimeoutStartSec=0

[Install]
WantedBy=multi-user.target
`;

export interface BootOptions {
  root: string;
  /** Shared as the container's /var/cache/apt/archives: each package is downloaded once per machine. */
  aptArchives?: string;
  script: string;
  server: BootStubServer;
  /** How many boots, each running the script again on the same disk. */
  boots: number;
  timeoutMs: number;
  onLog?: (line: string) => void;
}

/**
 * Boots the root under systemd-nspawn, `boots` times over one overlay (the instance's disk): each
 * boot runs the script through a unit, as cloud-init would, and powers off when it is done.
 */
export async function bootScript(options: BootOptions): Promise<BootRun[]> {
  const base = mkdtempSync(join(tmpdir(), 'cws-boot-overlay-'));
  const [upper, work, merged] = ['upper', 'work', 'merged'].map((name) => join(base, name));
  for (const dir of [upper, work, merged]) mkdirSync(dir as string, { recursive: true });
  execFileSync('mount', [
    '-t',
    'overlay',
    'overlay',
    '-o',
    `lowerdir=${options.root},upperdir=${upper},workdir=${work}`,
    merged as string,
  ]);
  const inRoot = (path: string) => join(merged as string, path);
  try {
    mkdirSync(inRoot('var/lib/cloud/instance/scripts'), { recursive: true });
    mkdirSync(inRoot('var/lib/cws-harness'), { recursive: true });
    writeFileSync(inRoot('var/lib/cloud/instance/scripts/part-001'), options.script);
    chmodSync(inRoot('var/lib/cloud/instance/scripts/part-001'), 0o700);
    writeFileSync(inRoot('usr/local/sbin/curl'), curlShim(options.server.port));
    chmodSync(inRoot('usr/local/sbin/curl'), 0o755);
    writeFileSync(inRoot('etc/systemd/system/cws-harness.service'), HARNESS_UNIT);
    mkdirSync(inRoot('etc/systemd/system/multi-user.target.wants'), { recursive: true });
    symlinkSync(
      '/etc/systemd/system/cws-harness.service',
      inRoot('etc/systemd/system/multi-user.target.wants/cws-harness.service'),
    );
    const runs: BootRun[] = [];
    for (let boot = 0; boot < options.boots; boot += 1) {
      rmSync(inRoot('var/lib/cws-harness/status'), { force: true });
      rmSync(inRoot('var/lib/cws-harness/agent'), { force: true });
      const logBefore = existsSync(inRoot('var/log/cws-setup.log'))
        ? readFileSync(inRoot('var/log/cws-setup.log'), 'utf8').length
        : 0;
      await nspawn(merged as string, options.timeoutMs, options.aptArchives, options.onLog);
      const log = existsSync(inRoot('var/log/cws-setup.log'))
        ? readFileSync(inRoot('var/log/cws-setup.log'), 'utf8').slice(logBefore)
        : '';
      const read = (path: string) =>
        existsSync(inRoot(path)) ? readFileSync(inRoot(path), 'utf8').trim() : 'missing';
      runs.push({
        status: read('var/lib/cws-harness/status'),
        agent: read('var/lib/cws-harness/agent'),
        log,
        progress: parseProgressMarkers(log),
        ready: existsSync(inRoot('var/lib/cws/ready')),
      });
    }
    return runs;
  } finally {
    spawnSync('umount', ['-l', merged as string]);
    rmSync(base, { recursive: true, force: true });
  }
}

function nspawn(
  directory: string,
  timeoutMs: number,
  aptArchives: string | undefined,
  onLog?: (line: string) => void,
): Promise<void> {
  if (aptArchives) mkdirSync(join(aptArchives, 'partial'), { recursive: true });
  const bind = aptArchives ? [`--bind=${aptArchives}:/var/cache/apt/archives`] : [];
  return new Promise((resolve, reject) => {
    // Not registered with machined and in our own unit: this works without a host systemd.
    const child = spawn(
      'systemd-nspawn',
      ['-D', directory, '--register=no', '--keep-unit', '--console=pipe', '--quiet', ...bind, '-b'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the container did not power off within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) onLog?.(line);
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
