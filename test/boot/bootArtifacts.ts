import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  CODE_SERVER_VERSION,
  RSTUDIO_SERVER_VERSION,
} from '../../source/core/provisioning/renderServiceSection.js';
import type { StubArtifact } from './bootStubServer.js';

/** A daemon that stays up, as the real server would, without doing anything. */
const DAEMON = '#!/bin/sh\nexec sleep infinity\n';

function writeTree(root: string, files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    chmodSync(target, path.includes('/bin/') || path.endsWith('install') ? 0o755 : 0o644);
  }
}

/** A real Debian package (dpkg-deb) with the given files: stands in for a vendor's .deb. */
export function fakeDeb(work: string, name: string, files: Record<string, string>): string {
  const root = join(work, `${name}-pkg`);
  writeTree(root, {
    'DEBIAN/control': `Package: ${name}\nVersion: 1.0-harness\nArchitecture: all\nMaintainer: cws-tui boot harness <harness@localhost>\nDescription: stand-in for ${name} in the boot harness\n`,
    ...files,
  });
  const deb = join(work, `${name}_1.0_all.deb`);
  execFileSync('dpkg-deb', ['--root-owner-group', '-b', root, deb], { stdio: 'ignore' });
  return deb;
}

const MINIFORGE = `#!/bin/bash
# Stand-in for Miniforge's installer: conda, pip and jupyter that succeed, a Python without torch.
prefix=/opt/miniforge
while [ $# -gt 0 ]; do
  case "$1" in -p) prefix=$2; shift 2 ;; *) shift ;; esac
done
mkdir -p "$prefix/bin" "$prefix/etc/profile.d"
printf '#!/bin/sh\\necho "conda $*"\\n' >"$prefix/bin/conda"
printf '#!/bin/sh\\necho "pip $*"\\n' >"$prefix/bin/pip"
printf '#!/bin/sh\\nexec sleep infinity\\n' >"$prefix/bin/jupyter"
printf '#!/bin/sh\\nexec /usr/bin/python3 "$@"\\n' >"$prefix/bin/python"
: >"$prefix/etc/profile.d/conda.sh"
chmod 0755 "$prefix"/bin/*
`;

/**
 * The downloads of the built-in templates, made here from stand-ins: Miniforge (with its
 * checksum), the AWS CLI zip, code-server's release tarball, RStudio Server's .deb and the DCV
 * tarball. What they install answers like the real thing for the boot script (a daemon that stays
 * up, a `dcv` command); the point is the script's handling, not the vendors' software.
 */
export function bootArtifacts(): { artifacts: StubArtifact[]; dispose(): void } {
  const work = mkdtempSync(join(tmpdir(), 'cws-boot-artifacts-'));
  const tar = (name: string, directory: string, files: Record<string, string>) => {
    writeTree(join(work, name, directory), files);
    const file = join(work, `${name}.tgz`);
    execFileSync('tar', ['-czf', file, '-C', join(work, name), directory]);
    return readFileSync(file);
  };
  writeTree(join(work, 'awscli'), {
    'aws/install':
      '#!/bin/sh\nprintf "#!/bin/sh\\necho aws-cli/2 harness\\n" >/usr/local/bin/aws\nchmod 0755 /usr/local/bin/aws\n',
  });
  execFileSync('zip', ['-qr', join(work, 'awscli.zip'), 'aws'], { cwd: join(work, 'awscli') });
  const rstudio = fakeDeb(work, 'rstudio-server', {
    'usr/lib/rstudio-server/bin/rserver': DAEMON,
    'lib/systemd/system/rstudio-server.service':
      '[Unit]\nDescription=RStudio Server (harness)\n[Service]\nExecStart=/usr/lib/rstudio-server/bin/rserver\n[Install]\nWantedBy=multi-user.target\n',
  });
  const dcvDir = join(work, 'dcv', 'nice-dcv-harness');
  mkdirSync(dcvDir, { recursive: true });
  const dcvServer = fakeDeb(work, 'nice-dcv-server', {
    'usr/bin/dcv': '#!/bin/sh\n[ "$1" = list-sessions ] && exit 0\necho "dcv $*"\n',
    'usr/bin/dcvserver': DAEMON,
    'lib/systemd/system/dcvserver.service':
      '[Unit]\nDescription=DCV server (harness)\n[Service]\nExecStart=/usr/bin/dcvserver\n[Install]\nWantedBy=multi-user.target\n',
  });
  const xdcv = fakeDeb(work, 'nice-xdcv', {});
  execFileSync('cp', [dcvServer, join(dcvDir, 'nice-dcv-server_2024.0_amd64.deb')]);
  execFileSync('cp', [xdcv, join(dcvDir, 'nice-xdcv_2024.0_amd64.deb')]);
  execFileSync('tar', ['-czf', join(work, 'dcv.tgz'), '-C', join(work, 'dcv'), 'nice-dcv-harness']);
  const artifacts: StubArtifact[] = [
    {
      match: 'github.com/conda-forge/miniforge/releases/latest/download/Miniforge3-Linux-x86_64.sh',
      body: Buffer.from(MINIFORGE),
      sha256: true,
    },
    {
      match: 'awscli.amazonaws.com/awscli-exe-linux-x86_64.zip',
      body: readFileSync(join(work, 'awscli.zip')),
    },
    {
      match: `github.com/coder/code-server/releases/download/v${CODE_SERVER_VERSION}/code-server-${CODE_SERVER_VERSION}-linux-amd64.tar.gz`,
      body: tar('code-server', `code-server-${CODE_SERVER_VERSION}-linux-amd64`, {
        'bin/code-server': DAEMON,
      }),
    },
    {
      match: `download2.rstudio.org/server/jammy/amd64/rstudio-server-${RSTUDIO_SERVER_VERSION}-amd64.deb`,
      body: readFileSync(rstudio),
    },
    {
      match: 'd1uj6qtbmh3dt5.cloudfront.net/nice-dcv-ubuntu2204-x86_64.tgz',
      body: readFileSync(join(work, 'dcv.tgz')),
    },
  ];
  return { artifacts, dispose: () => rmSync(work, { recursive: true, force: true }) };
}
