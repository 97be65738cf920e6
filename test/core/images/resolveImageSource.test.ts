import { describe, expect, it } from 'vitest';
import { BASE_IMAGES, ROCKY_LINUX_OWNER } from '../../../source/core/images/baseImages.js';
import {
  distroOfBase,
  findBaseImage,
  KNOWN_BASES,
  resolveImageSource,
  UnknownBaseError,
} from '../../../source/core/images/resolveImageSource.js';

describe('resolveImageSource', () => {
  it("maps Ubuntu to Canonical's public SSM parameters per architecture and volume type", () => {
    expect(resolveImageSource('ubuntu-24.04', 'x86_64')).toEqual({
      kind: 'ssm',
      parameter: '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id',
    });
    expect(resolveImageSource('ubuntu-24.04', 'arm64')).toEqual({
      kind: 'ssm',
      parameter: '/aws/service/canonical/ubuntu/server/24.04/stable/current/arm64/hvm/ebs-gp3/ami-id',
    });
    expect(resolveImageSource('ubuntu-22.04', 'arm64')).toEqual({
      kind: 'ssm',
      parameter: '/aws/service/canonical/ubuntu/server/22.04/stable/current/arm64/hvm/ebs-gp2/ami-id',
    });
  });

  it("maps Amazon Linux 2023 to Amazon's parameters", () => {
    expect(resolveImageSource('al2023', 'x86_64')).toEqual({
      kind: 'ssm',
      parameter: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
    });
    expect(resolveImageSource('amazon-linux-2023', 'arm64')).toEqual({
      kind: 'ssm',
      parameter: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64',
    });
  });

  it("maps Rocky Linux to the newest image of the RESF's account by name", () => {
    expect(ROCKY_LINUX_OWNER).toBe('792107900819');
    expect(resolveImageSource('rocky-9', 'x86_64')).toEqual({
      kind: 'describe-images',
      owner: '792107900819',
      namePattern: 'Rocky-9-EC2-Base-9.*.x86_64',
    });
    expect(resolveImageSource('Rocky-Linux-9', 'arm64')).toMatchObject({
      namePattern: 'Rocky-9-EC2-Base-9.*.aarch64',
    });
  });

  it('accepts aliases in any case and rejects unknown bases with the list', () => {
    expect(findBaseImage(' Ubuntu-Noble ')?.base).toBe('ubuntu-24.04');
    expect(distroOfBase('ubuntu-jammy')).toBe('ubuntu');
    expect(distroOfBase('rockylinux-9')).toBe('rocky');
    expect(distroOfBase('al2023')).toBe('al2023');
    expect(() => resolveImageSource('windows-2022', 'x86_64')).toThrow(UnknownBaseError);
    expect(() => distroOfBase('debian-12')).toThrow(
      "unknown base 'debian-12'; known bases: ubuntu-24.04, ubuntu-22.04, rocky-9, al2023",
    );
    expect(KNOWN_BASES).toEqual([
      'ubuntu-24.04',
      'ubuntu-22.04',
      'rocky-9',
      'al2023',
      'dlami-ubuntu-22.04',
      'dlami-al2023',
    ]);
  });

  it('never stores an AMI ID and gives each base a source for every architecture', () => {
    expect(JSON.stringify(BASE_IMAGES)).not.toMatch(/ami-[0-9a-f]{8,}/);
    const names = BASE_IMAGES.flatMap((image) => [image.base, ...image.aliases]);
    expect(new Set(names).size).toBe(names.length);
    for (const image of BASE_IMAGES) {
      expect(Object.keys(image.sources).sort()).toEqual(['arm64', 'x86_64']);
    }
  });
});
