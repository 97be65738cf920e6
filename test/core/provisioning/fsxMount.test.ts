import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Distro } from '../../../source/core/images/baseImages.js';
import { renderUserData } from '../../../source/core/provisioning/renderUserData.js';
import type { FsxMountRequest, UserDataInput } from '../../../source/core/provisioning/UserDataInput.js';
import {
  type BootScriptSandbox,
  callsOf,
  createBootScriptSandbox,
  hasBubblewrap,
  hasCall,
  tagValues,
} from './bootScriptSandbox.js';
import { basicTemplate, researchUser } from './provisioningFixtures.js';
import { bashSyntaxErrors, hasShellcheck, shellcheckFindings } from './scriptChecks.js';

const lustre: FsxMountRequest = {
  file_system_id: 'fs-0123456789abcdef0',
  type: 'lustre',
  dns_name: 'fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com',
  mount_name: 'abcdefgh',
};
const openZfs: FsxMountRequest = {
  file_system_id: 'fs-0fedcba9876543210',
  type: 'openzfs',
  dns_name: 'fs-0fedcba9876543210.fsx.us-east-1.amazonaws.com',
};
const DISTROS: Distro[] = ['ubuntu', 'rocky', 'al2023'];
const render = (overrides: Partial<UserDataInput>) =>
  renderUserData({
    template: basicTemplate,
    distro: 'ubuntu',
    user: researchUser,
    launch_id: 'req-fsx',
    ...overrides,
  });

describe('FSx mounts in the boot script', () => {
  it.each(DISTROS.flatMap((distro) => [lustre, openZfs].map((fsx) => [distro, fsx.type, fsx] as const)))(
    'passes bash -n and shellcheck on %s with %s',
    (distro, _type, fsx) => {
      const { script } = render({ distro, fsx });
      expect(bashSyntaxErrors(script)).toBe('');
      if (hasShellcheck) expect(shellcheckFindings(script)).toBe('');
    },
  );

  it('refuses a DNS name or mount name that is not FSx-shaped', () => {
    expect(() => render({ fsx: { ...lustre, dns_name: 'evil.example.com;reboot' } })).toThrow(
      /fsx\.dns_name/,
    );
    expect(() => render({ fsx: { ...lustre, mount_name: '$(id)' } })).toThrow(/fsx\.mount_name/);
  });
});

describe.skipIf(!hasBubblewrap)('FSx mounts, executed in the bubblewrap harness', () => {
  let sandbox: BootScriptSandbox | undefined;
  afterEach(() => {
    sandbox?.dispose();
    sandbox = undefined;
  });

  it.each(DISTROS)(
    'mounts Lustre on %s with the client for the running kernel and an fstab entry',
    (distro) => {
      sandbox = createBootScriptSandbox();
      sandbox.write('/etc/os-release', 'ID=x\nVERSION_ID="9.4"\nVERSION_CODENAME=noble\n');
      // No Lustre module yet: `modprobe -n` fails until the client is installed.
      sandbox.write('/usr/local/sbin/modprobe', '#!/bin/bash\n[ "$1" = -n ] && exit 1\nexit 0\n', 0o755);
      const { status, output, calls } = sandbox.run(render({ distro, fsx: lustre }).script);
      expect(status, output).toBe(0);
      const installs = [...callsOf(calls, 'apt-get'), ...callsOf(calls, 'dnf')].flat();
      if (distro === 'al2023') expect(installs).toContain('lustre-client');
      if (distro === 'rocky') {
        expect(installs).toEqual(expect.arrayContaining(['kmod-lustre-client', 'lustre-client']));
        expect(hasCall(calls, ['rpm', '--import', '/tmp/fsx-rpm-public-key.asc'])).toBe(true);
      }
      if (distro === 'ubuntu') {
        expect(installs.some((word) => word.startsWith('lustre-client-modules-'))).toBe(true);
        expect(sandbox.read('/etc/apt/sources.list.d/fsxlustreclientrepo.list')).toMatch(/ubuntu noble main/);
      }
      expect(callsOf(calls, 'mount')).toContainEqual([
        'mount',
        '-t',
        'lustre',
        '-o',
        'relatime,flock',
        'fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com@tcp:/abcdefgh',
        '/fsx',
      ]);
      expect(sandbox.read('/etc/fstab')).toBe(
        'fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com@tcp:/abcdefgh /fsx lustre _netdev,nofail,relatime,flock 0 0\n',
      );
      expect(sandbox.exists('/var/lib/cws/fsx-unavailable')).toBe(false);
    },
  );

  it('comes up without the mount, with its marker, when the kernel has no Lustre client build', () => {
    sandbox = createBootScriptSandbox();
    sandbox.write('/etc/os-release', 'VERSION_CODENAME=noble\n');
    sandbox.write('/usr/local/sbin/modprobe', '#!/bin/bash\nexit 1\n', 0o755);
    sandbox.write(
      '/usr/local/sbin/apt-get',
      '#!/bin/bash\nfor a in "$@"; do case "$a" in lustre-client-modules-*) echo "E: Unable to locate package $a" >&2; exit 100;; esac; done\nexit 0\n',
      0o755,
    );
    const { status, output, calls } = sandbox.run(render({ distro: 'ubuntu', fsx: lustre }).script);
    expect(status, output).toBe(0);
    expect(output).toMatch(
      /CWS-WARN fsx fsx-unavailable: no Lustre client for kernel \S+ in AWS's Ubuntu Lustre repository/,
    );
    expect(sandbox.read('/var/lib/cws/fsx-unavailable')).toMatch(/^no Lustre client for kernel /);
    expect(tagValues(calls, 'cws:fsx-status')).toEqual(['no-lustre-client']);
    expect(tagValues(calls, 'cws:progress')).toContain('degraded:fsx');
    expect(callsOf(calls, 'mount').filter((call) => call.includes('lustre'))).toEqual([]);
  });

  it.each(DISTROS)('mounts OpenZFS over NFS 4.2 on %s with the user directory its quota counts', (distro) => {
    sandbox = createBootScriptSandbox();
    const { status, output, calls } = sandbox.run(render({ distro, fsx: openZfs }).script);
    expect(status, output).toBe(0);
    const nfs = callsOf(calls, 'mount').filter((call) => call[2] === 'nfs');
    expect(nfs.at(-1)?.slice(4)).toEqual([
      'nfsvers=4.2,rsize=1048576,wsize=1048576,hard,timeo=600,retrans=2',
      'fs-0fedcba9876543210.fsx.us-east-1.amazonaws.com:/fsx',
      '/fsx',
    ]);
    expect(sandbox.read('/etc/fstab')).toMatch(
      /^fs-0fedcba9876543210\.fsx\.us-east-1\.amazonaws\.com:\/fsx \/fsx nfs _netdev,nofail,nfsvers=4\.2,/,
    );
  });

  it('falls back to NFS 4.1 when 4.2 does not mount, and makes the user directory under the mount', () => {
    sandbox = createBootScriptSandbox();
    sandbox.write(
      '/usr/local/sbin/mount',
      '#!/bin/bash\ncase "$*" in *nfsvers=4.2*) exit 32;; esac\nexit 0\n',
      0o755,
    );
    const { status, output } = sandbox.run(
      render({ distro: 'rocky', fsx: { ...openZfs, mount_point: '/mnt/fsx' } }).script,
    );
    expect(status, output).toBe(0);
    expect(sandbox.read('/etc/fstab')).toMatch(/ \/mnt\/fsx nfs _netdev,nofail,nfsvers=4\.1,/);
    expect(statSync(sandbox.hostPath('/mnt/fsx/home/alice')).uid).toBe(researchUser.uid);
  });
});
