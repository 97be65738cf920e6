import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemTool } from '../../support/systemTool.js';

/** True when bubblewrap can run here (CI installs it; the execution tests skip without it). */
export const hasBubblewrap = systemTool(
  'bubblewrap',
  ['bwrap', '--bind', '/', '/', 'true'],
  'apt-get install bubblewrap; it also needs user namespaces',
);

const RECORD = '/tmp/cws-calls.log';

/** Records its name and arguments (separated by \x1f, one call per \x1e) and succeeds. */
const RECORDER = `#!/bin/bash
{ printf '%s' "$(basename "$0")"; printf '\\x1f%s' "$@"; printf '\\x1e'; } >>${RECORD}
`;

/** Stubs that need to do more than record, so the script sees the world it expects. */
const SPECIAL_STUBS: Record<string, string> = {
  curl: `#!/bin/bash
body=
if [[ " $* " == *" --data-binary @- "* ]]; then body=$(cat); fi
service=
target=
previous=
for arg in "$@"; do
  case "$previous" in
    --aws-sigv4) service=\${arg##*:} ;;
    -H) case "$arg" in "X-Amz-Target: "*) target=\${arg#X-Amz-Target: } ;; esac ;;
  esac
  previous=$arg
done
if [ "$service" = s3 ]; then
  # A signed S3 GetObject: served from /tmp/cws-s3/<host>/<path> when the test put an object there.
  url=\${*: -1}
  output=
  previous=
  for arg in "$@"; do
    if [ "$previous" = -o ]; then output=$arg; fi
    previous=$arg
  done
  { printf 'aws-s3'; printf '\\x1f%s' "$url"; printf '\\x1e'; } >>${RECORD}
  object="/tmp/cws-s3/\${url#https://}"
  [ -f "$object" ] || exit 22
  cp "$object" "$output"
  exit 0
fi
if [ -n "$service" ]; then
  { printf 'aws-api'; printf '\\x1f%s' "$service" "$target" "$body"; printf '\\x1e'; } >>${RECORD}
  [ -f /tmp/cws-fail-api ] && exit 22
  exit 0
fi
{ printf '%s' "$(basename "$0")"; printf '\\x1f%s' "$@"; printf '\\x1e'; } >>${RECORD}
for arg in "$@"; do
  case "$arg" in
    */api/token) echo test-token ;;
    */meta-data/instance-id) echo i-0123456789abcdef0 ;;
    */meta-data/placement/region) echo us-east-1 ;;
    */meta-data/iam/security-credentials/) echo cws-workstation ;;
    */meta-data/iam/security-credentials/cws-workstation) printf '{\\n  "AccessKeyId" : "ASIATEST",\\n  "SecretAccessKey" : "c2VjcmV0",\\n  "Token" : "session-token"\\n}\\n' ;;
  esac
done
output=
previous=
for arg in "$@"; do
  if [ "$previous" = -o ]; then output=$arg; fi
  previous=$arg
done
url=\${*: -1}
for pattern in $(cat /tmp/cws-fail-downloads 2>/dev/null); do
  case "$url" in *"$pattern"*) exit 22 ;; esac
done
content() {
  case "$1" in
    *Miniforge3*) printf '%s\\n' '#!/bin/bash' 'mkdir -p /opt/miniforge/bin' 'for tool in conda pip jupyter python; do cp /usr/local/sbin/cws-recorder /opt/miniforge/bin/$tool; done' ;;
    *code-server-*.tar.gz)
      mkdir -p /tmp/cws-code-server/code-server/bin
      cp /usr/local/sbin/cws-recorder /tmp/cws-code-server/code-server/bin/code-server
      tar -czf - -C /tmp/cws-code-server code-server ;;
  esac
}
if [ -n "$output" ]; then
  content "$url" >"$output"
elif [[ $url == *.sha256 ]] && [ -f /tmp/cws-bad-checksum ]; then
  echo "0000000000000000000000000000000000000000000000000000000000000000  installer"
elif [[ $url == *.sha256 ]]; then
  content "\${url%.sha256}" | sha256sum
fi
`,
  unzip: `${RECORDER}
previous=
for arg in "$@"; do
  if [ "$previous" = -d ]; then mkdir -p "$arg/aws"; cp /usr/local/sbin/cws-recorder "$arg/aws/install"; fi
  previous=$arg
done
`,
  pgrep: `${RECORDER}
busy=$(cat /tmp/cws-apt-busy 2>/dev/null || echo 0)
[ "$busy" -gt 0 ] || exit 1
echo $((busy - 1)) >/tmp/cws-apt-busy
`,
  mount: `${RECORDER}
[ -f /tmp/cws-fail-mount ] && exit 32
exit 0
`,
  groupadd: `${RECORDER}
gid=$((900 + $(wc -l </etc/group)))
name=
while [ $# -gt 0 ]; do
  case "$1" in
    --gid) gid=$2; shift 2 ;;
    --system) shift ;;
    *) name=$1; shift ;;
  esac
done
printf '%s:x:%s:\\n' "$name" "$gid" >>/etc/group
`,
  useradd: `${RECORDER}
uid=
gid=
home=
shell=
name=
while [ $# -gt 0 ]; do
  case "$1" in
    --uid) uid=$2; shift 2 ;;
    --gid) gid=$2; shift 2 ;;
    --home-dir) home=$2; shift 2 ;;
    --shell) shell=$2; shift 2 ;;
    --comment) shift 2 ;;
    --create-home | --user-group) shift ;;
    *) name=$1; shift ;;
  esac
done
# Accounts without a fixed id (a template's users) get the next one and their own group.
if [ -z "$uid" ]; then
  uid=$((2000 + $(wc -l </etc/passwd)))
  gid=$uid
  printf '%s:x:%s:\\n' "$name" "$gid" >>/etc/group
fi
home=\${home:-/home/$name}
shell=\${shell:-/bin/sh}
printf '%s:x:%s:%s::%s:%s\\n' "$name" "$uid" "$gid" "$home" "$shell" >>/etc/passwd
mkdir -p "$home"
`,
  chpasswd: `${RECORDER}
cat >>/tmp/cws-chpasswd.log
`,
  python3: `${RECORDER}
if [ "$1" = -m ] && [ "$2" = venv ]; then
  mkdir -p "$3/bin"
  cp /usr/local/sbin/cws-recorder "$3/bin/pip"
  cp /usr/local/sbin/cws-recorder "$3/bin/jupyter"
fi
`,
  dpkg: `${RECORDER}
echo amd64
`,
};

const RECORDED_COMMANDS = [
  'apt-get',
  'dnf',
  'rpm',
  'usermod',
  'systemctl',
  'sleep',
  'ubuntu-drivers',
  'modprobe',
  'Rscript',
  'mount.efs',
  'amazon-cloudwatch-agent-ctl',
];

/** One recorded stub call: the command's name first, then its arguments. */
export type RecordedCall = string[];

export interface BootScriptSandbox {
  /** The host directory standing in for a path inside the sandbox (e.g. `/etc/fstab`). */
  hostPath(path: string): string;
  read(path: string): string;
  exists(path: string): boolean;
  /** Writes a file in the sandbox; stubs under /usr/local/sbin need mode 0o755. */
  write(path: string, content: string, mode?: number): void;
  remove(path: string): void;
  /** Runs `script` as root in the sandbox; `procStat` replaces /proc/stat (CPU counters) when given. */
  run(
    script: string,
    options?: { procStat?: string },
  ): { status: number; output: string; calls: RecordedCall[] };
  dispose(): void;
}

const BOUND_DIRECTORIES = [
  '/etc',
  '/home',
  '/opt',
  '/var',
  '/mnt',
  '/tmp',
  '/usr/local/sbin',
  '/usr/local/bin',
  '/usr/local/lib',
] as const;

/**
 * A throwaway root for a generated boot script: bubblewrap binds fresh directories over /etc, /home,
 * /opt, /var, /mnt and /tmp, and a directory of recording stubs over /usr/local/sbin (first on the
 * script's PATH), so the real script runs for real without touching the machine.
 */
export function createBootScriptSandbox(
  options: { withMountEfsHelper?: boolean; nvidiaGpu?: boolean } = {},
): BootScriptSandbox {
  const base = mkdtempSync(join(tmpdir(), 'cws-boot-'));
  const hostDir = (dir: string) => join(base, dir.replaceAll('/', '_'));
  for (const dir of BOUND_DIRECTORIES) mkdirSync(hostDir(dir), { recursive: true });
  const hostPath = (path: string): string => {
    const dir = [...BOUND_DIRECTORIES]
      .sort((a, b) => b.length - a.length)
      .find((candidate) => path === candidate || path.startsWith(`${candidate}/`));
    if (!dir) throw new Error(`${path} is outside the sandbox's writable directories`);
    return join(hostDir(dir), path.slice(dir.length));
  };
  const write = (path: string, content: string, mode = 0o644) => {
    const target = hostPath(path);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, content);
    chmodSync(target, mode);
  };
  for (const dir of ['/etc/systemd/system', '/etc/profile.d', '/etc/sudoers.d', '/var/log', '/var/lib']) {
    mkdirSync(hostPath(dir), { recursive: true });
  }
  write('/etc/nsswitch.conf', 'passwd: files\ngroup: files\n');
  write('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\n');
  write('/etc/group', 'root:x:0:\n');
  write('/usr/local/sbin/cws-recorder', RECORDER, 0o755);
  const commands = [...RECORDED_COMMANDS, ...Object.keys(SPECIAL_STUBS)].filter(
    (name) => name !== 'mount.efs' || options.withMountEfsHelper,
  );
  for (const name of commands) write(`/usr/local/sbin/${name}`, SPECIAL_STUBS[name] ?? RECORDER, 0o755);

  return {
    hostPath,
    read: (path) => readFileSync(hostPath(path), 'utf8'),
    exists: (path) => existsSync(hostPath(path)),
    write: (path, content, mode) => write(path, content, mode),
    remove: (path) => rmSync(hostPath(path), { force: true }),
    run(script, runOptions = {}) {
      write('/tmp/cws-boot.sh', script);
      let procStat: string[] = [];
      if (runOptions.procStat !== undefined) {
        write('/tmp/cws-proc-stat', runOptions.procStat);
        procStat = ['--ro-bind', hostPath('/tmp/cws-proc-stat'), '/proc/stat'];
      }
      rmSync(hostPath(RECORD), { force: true });
      // An NVIDIA card on the PCI bus (vendor 0x10de), where the script looks for one.
      const pci = join(base, 'pci');
      mkdirSync(join(pci, '0000:00:1e.0'), { recursive: true });
      writeFileSync(join(pci, '0000:00:1e.0', 'vendor'), options.nvidiaGpu ? '0x10de\n' : '0x1d0f\n');
      const gpu = ['--ro-bind', pci, '/sys/bus/pci/devices'];
      const binds = BOUND_DIRECTORIES.flatMap((dir) => ['--bind', hostDir(dir), dir]);
      // Debian reaches tools such as awk through /etc/alternatives.
      const alternatives = existsSync('/etc/alternatives')
        ? ['--ro-bind', '/etc/alternatives', '/etc/alternatives']
        : [];
      const result = spawnSync(
        'bwrap',
        [
          '--bind',
          '/',
          '/',
          ...binds,
          ...alternatives,
          '--dev',
          '/dev',
          '--proc',
          '/proc',
          ...procStat,
          ...gpu,
          '--die-with-parent',
          '/bin/bash',
          '/tmp/cws-boot.sh',
        ],
        { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8' }, timeout: 60_000 },
      );
      const recorded = existsSync(hostPath(RECORD)) ? readFileSync(hostPath(RECORD), 'utf8') : '';
      const calls = recorded
        .split('\x1e')
        .filter((entry) => entry !== '')
        .map((entry) => entry.split('\x1f'));
      return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}`, calls };
    },
    dispose: () => rmSync(base, { recursive: true, force: true }),
  };
}

export const callsOf = (calls: RecordedCall[], command: string) =>
  calls.filter((call) => call[0] === command);
export const hasCall = (calls: RecordedCall[], expected: string[]) =>
  calls.some((call) => expected.every((part, index) => call[index] === part));

/** One signed AWS API call the script made through curl: the service, the JSON target, the body. */
export interface RecordedApiCall {
  service: string;
  target: string;
  body: string;
  /** A Query API body's parameters (EC2). */
  params: URLSearchParams;
}

export const apiCallsOf = (calls: RecordedCall[]): RecordedApiCall[] =>
  callsOf(calls, 'aws-api').map(([, service = '', target = '', body = '']) => ({
    service,
    target,
    body,
    params: new URLSearchParams(body),
  }));

/** The values the script gave a tag on its instance, in order. */
export const tagValues = (calls: RecordedCall[], key: string): string[] =>
  apiCallsOf(calls)
    .filter((call) => call.params.get('Action') === 'CreateTags')
    .flatMap((call) => {
      const values: string[] = [];
      for (let n = 1; call.params.has(`Tag.${n}.Key`); n += 1) {
        if (call.params.get(`Tag.${n}.Key`) === key) values.push(call.params.get(`Tag.${n}.Value`) ?? '');
      }
      return values;
    });
