import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { efsUnmountScript } from '../../../source/core/storage/efsUnmountScript.js';

const FS = 'fs-0a1b2c3d4e5f67890';

/** Runs the script's fstab handling against a copy: mounts are stubbed, the awk and sed are real. */
function runAgainst(fstab: string, mounted: string[]): { fstab: string; stdout: string; calls: string } {
  const dir = mkdtempSync(join(tmpdir(), 'efs-unmount-'));
  const file = join(dir, 'fstab');
  writeFileSync(file, fstab);
  const calls = join(dir, 'calls');
  writeFileSync(calls, '');
  const script = efsUnmountScript(FS, false).replaceAll('/etc/fstab', file);
  const stubs = `mountpoint() { case " ${mounted.join(' ')} " in *" $2 "*) return 0;; esac; return 1; }
umount() { echo "umount $*" >> ${calls}; }
`;
  const stdout = execFileSync('bash', ['-c', stubs + script], { encoding: 'utf8' });
  return { fstab: readFileSync(file, 'utf8'), stdout, calls: readFileSync(calls, 'utf8') };
}

describe('efsUnmountScript', () => {
  it('unmounts the access point before the root and drops only its fstab lines', () => {
    const fstab = [
      'UUID=abc / xfs defaults 0 1',
      `${FS}:/ /efs efs _netdev,nofail,tls 0 0`,
      `${FS}:/ /efs/home/alice efs _netdev,nofail,tls,accesspoint=fsap-1 0 0`,
      'fs-0ffffffffffffffff:/ /other efs _netdev,nofail,tls 0 0',
      '',
    ].join('\n');
    const result = runAgainst(fstab, ['/efs', '/efs/home/alice']);
    expect(result.calls).toBe('umount /efs/home/alice\numount /efs\n');
    expect(result.fstab).toBe(
      'UUID=abc / xfs defaults 0 1\nfs-0ffffffffffffffff:/ /other efs _netdev,nofail,tls 0 0\n',
    );
    expect(result.stdout).toBe(`unmounted ${FS} from /efs/home/alice /efs\n`);
  });

  it('finds the NFS fallback mount by its DNS name', () => {
    const result = runAgainst(`${FS}.efs.us-east-1.amazonaws.com:/ /efs nfs4 _netdev,nofail 0 0\n`, ['/efs']);
    expect(result.calls).toBe('umount /efs\n');
    expect(result.fstab).toBe('');
  });

  it('does nothing on a workstation that does not mount it', () => {
    const result = runAgainst('UUID=abc / xfs defaults 0 1\n', []);
    expect(result.stdout).toMatch(/^fs-0a1b2c3d4e5f67890 is not in \/\S+fstab: nothing to unmount\n$/);
    expect(result.fstab).toBe('UUID=abc / xfs defaults 0 1\n');
  });

  it('unmounts lazily when forced, and refuses an id that is not one', () => {
    expect(efsUnmountScript(FS, true)).toContain('umount -l "$point"');
    expect(() => efsUnmountScript('fs-1; rm -rf /', false)).toThrow(/is not an EFS file system id/);
  });
});
