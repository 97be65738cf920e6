import type { Architecture } from '../templates/templateSchema.js';

export type Distro = 'ubuntu' | 'rocky' | 'al2023';

/**
 * Where a vendor publishes its current image. AMI IDs differ per region and change with every
 * release, so none is ever stored: the image is looked up when an instance is launched.
 */
export type ImageSource =
  /** A public SSM parameter whose value is the current AMI ID in the caller's region. */
  | { kind: 'ssm'; parameter: string }
  /** The newest image (by CreationDate) of this owner whose name matches the pattern (`*` wildcards). */
  | { kind: 'describe-images'; owner: string; namePattern: string };

export interface BaseImage {
  /** The canonical base name written in templates, e.g. `ubuntu-24.04`. */
  base: string;
  /** Other spellings accepted for `base`. */
  aliases: string[];
  displayName: string;
  distro: Distro;
  release: string;
  /** The account the vendor's image creates for the first SSH login. */
  loginUser: string;
  sources: Record<Architecture, ImageSource>;
  /**
   * The image comes with its software (drivers, frameworks): the boot script installs only what
   * it needs and finds missing, never the template's whole stack again.
   */
  prebuilt?: boolean;
}

const canonicalUbuntu = (
  release: string,
  arch: 'amd64' | 'arm64',
  volume: 'ebs-gp3' | 'ebs-gp2',
): ImageSource => ({
  kind: 'ssm',
  parameter: `/aws/service/canonical/ubuntu/server/${release}/stable/current/${arch}/hvm/${volume}/ami-id`,
});

const amazonLinux2023 = (arch: 'x86_64' | 'arm64'): ImageSource => ({
  kind: 'ssm',
  parameter: `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${arch}`,
});

/**
 * AWS's Deep Learning Base AMIs (NVIDIA driver, CUDA, EFA) through their public parameters:
 * `/aws/service/deeplearning/ami/<arch>/<ami type>/latest/ami-id`, where the type is the AMI's name
 * without "Deep Learning" and "AMI" (Deep Learning AMIs developer guide, "Finding the ID of a DLAMI").
 */
const deepLearningBase = (arch: Architecture, flavour: string): ImageSource => ({
  kind: 'ssm',
  parameter: `/aws/service/deeplearning/ami/${arch}/base-oss-nvidia-driver-gpu-${flavour}/latest/ami-id`,
});

/** The Rocky Enterprise Software Foundation's AWS account; it publishes no SSM parameters. */
export const ROCKY_LINUX_OWNER = '792107900819';

/**
 * The one table from template `base` to image source. Canonical publishes gp3 parameters from
 * 24.04 on and gp2 ones for 22.04.
 */
export const BASE_IMAGES: readonly BaseImage[] = [
  {
    base: 'ubuntu-24.04',
    aliases: ['ubuntu-noble', 'ubuntu-24.04-lts', 'ubuntu-24.04-server-lts', 'ubuntu-2404', 'ubuntu24'],
    displayName: 'Ubuntu 24.04 LTS',
    distro: 'ubuntu',
    release: '24.04',
    loginUser: 'ubuntu',
    sources: {
      x86_64: canonicalUbuntu('24.04', 'amd64', 'ebs-gp3'),
      arm64: canonicalUbuntu('24.04', 'arm64', 'ebs-gp3'),
    },
  },
  {
    base: 'ubuntu-22.04',
    aliases: ['ubuntu-jammy', 'ubuntu-22.04-lts', 'ubuntu-22.04-server-lts', 'ubuntu-2204', 'ubuntu22'],
    displayName: 'Ubuntu 22.04 LTS',
    distro: 'ubuntu',
    release: '22.04',
    loginUser: 'ubuntu',
    sources: {
      x86_64: canonicalUbuntu('22.04', 'amd64', 'ebs-gp2'),
      arm64: canonicalUbuntu('22.04', 'arm64', 'ebs-gp2'),
    },
  },
  {
    base: 'rocky-9',
    aliases: ['rockylinux-9', 'rocky-linux-9', 'rocky9'],
    displayName: 'Rocky Linux 9',
    distro: 'rocky',
    release: '9',
    loginUser: 'rocky',
    sources: {
      x86_64: {
        kind: 'describe-images',
        owner: ROCKY_LINUX_OWNER,
        namePattern: 'Rocky-9-EC2-Base-9.*.x86_64',
      },
      arm64: {
        kind: 'describe-images',
        owner: ROCKY_LINUX_OWNER,
        namePattern: 'Rocky-9-EC2-Base-9.*.aarch64',
      },
    },
  },
  {
    base: 'al2023',
    aliases: ['amazon-linux-2023', 'amazonlinux-2023', 'amazonlinux2023', 'al-2023'],
    displayName: 'Amazon Linux 2023',
    distro: 'al2023',
    release: '2023',
    loginUser: 'ec2-user',
    sources: { x86_64: amazonLinux2023('x86_64'), arm64: amazonLinux2023('arm64') },
  },
  {
    base: 'dlami-ubuntu-22.04',
    aliases: ['deep-learning-ubuntu', 'dlami-ubuntu', 'deep-learning-ami-ubuntu', 'dlami-ubuntu-2204'],
    displayName: 'Deep Learning Base AMI (Ubuntu 22.04)',
    distro: 'ubuntu',
    release: '22.04',
    loginUser: 'ubuntu',
    sources: {
      x86_64: deepLearningBase('x86_64', 'ubuntu-22.04'),
      arm64: deepLearningBase('arm64', 'ubuntu-22.04'),
    },
    prebuilt: true,
  },
  {
    base: 'dlami-al2023',
    aliases: ['deep-learning-al2023', 'dlami-amazon-linux-2023', 'deep-learning-ami-al2023'],
    displayName: 'Deep Learning Base AMI (Amazon Linux 2023)',
    distro: 'al2023',
    release: '2023',
    loginUser: 'ec2-user',
    sources: {
      x86_64: deepLearningBase('x86_64', 'amazon-linux-2023'),
      arm64: deepLearningBase('arm64', 'amazon-linux-2023'),
    },
    prebuilt: true,
  },
];
