import type { Distro } from '../images/baseImages.js';

/** An extra repository a package comes from on a distro. */
export type PackageRepository = 'epel' | 'crb' | 'docker-ce';

/** How one package is installed on one distro; `null` when the distro does not ship it. */
export type DistroPackage = {
  packages: string[];
  /** dnf groups, e.g. `Development Tools`. */
  groups?: string[];
  repositories?: PackageRepository[];
} | null;

/** One row of the table: a package as templates name it, and what it is on each distro. */
export interface PackageMapping {
  name: string;
  /** Other names templates use for it (dnf spellings, aliases). */
  aliases?: string[];
  distros: Record<Distro, DistroPackage>;
}

const same = (name: string): Record<Distro, DistroPackage> => ({
  ubuntu: { packages: [name] },
  rocky: { packages: [name] },
  al2023: { packages: [name] },
});

const split = (ubuntu: string, dnf: string, rocky: Partial<NonNullable<DistroPackage>> = {}) => ({
  ubuntu: { packages: [ubuntu] },
  rocky: { packages: [dnf], ...rocky },
  al2023: { packages: [dnf] },
});

const devel = (ubuntu: string, dnf: string): PackageMapping => ({
  name: ubuntu,
  aliases: [dnf],
  distros: split(ubuntu, dnf),
});

/**
 * The package table: templates name packages the Debian way (or the dnf way); each row says what
 * that is on every supported distro, so a package missing on one distro is known before launch.
 * Rocky's EPEL and CRB repositories are enabled only when a row needs them; Amazon Linux 2023 has no
 * EPEL, so what only EPEL carries is unavailable there.
 */
export const SYSTEM_PACKAGE_MAP: readonly PackageMapping[] = [
  {
    name: 'build-essential',
    aliases: ['Development Tools', '@development-tools'],
    distros: {
      ubuntu: { packages: ['build-essential'] },
      rocky: { packages: [], groups: ['Development Tools'] },
      al2023: { packages: [], groups: ['Development Tools'] },
    },
  },
  ...[
    'curl',
    'wget',
    'git',
    'tmux',
    'unzip',
    'zip',
    'jq',
    'tree',
    'make',
    'gcc',
    'cmake',
    'rsync',
    'pciutils',
  ].map((name) => ({ name, distros: same(name) })),
  { name: 'vim', aliases: ['vim-enhanced'], distros: split('vim', 'vim-enhanced') },
  {
    name: 'mesa-utils',
    aliases: ['glx-utils'],
    distros: { ubuntu: { packages: ['mesa-utils'] }, rocky: { packages: ['glx-utils'] }, al2023: null },
  },
  { name: 'python3', distros: same('python3') },
  { name: 'python3-pip', distros: same('python3-pip') },
  {
    name: 'python3-venv',
    distros: { ubuntu: { packages: ['python3-venv'] }, rocky: { packages: [] }, al2023: { packages: [] } },
  },
  devel('python3-dev', 'python3-devel'),
  { name: 'g++', aliases: ['gcc-c++'], distros: split('g++', 'gcc-c++') },
  { name: 'gfortran', aliases: ['gcc-gfortran'], distros: split('gfortran', 'gcc-gfortran') },
  {
    name: 'pkg-config',
    aliases: ['pkgconf-pkg-config', 'pkgconfig'],
    distros: split('pkg-config', 'pkgconf-pkg-config'),
  },
  { name: 'htop', distros: { ...same('htop'), rocky: { packages: ['htop'], repositories: ['epel'] } } },
  { name: 'nfs-common', aliases: ['nfs-utils'], distros: split('nfs-common', 'nfs-utils') },
  { name: 'ca-certificates', distros: same('ca-certificates') },
  {
    name: 'openssh-client',
    aliases: ['openssh-clients'],
    distros: split('openssh-client', 'openssh-clients'),
  },
  devel('libcurl4-openssl-dev', 'libcurl-devel'),
  devel('libssl-dev', 'openssl-devel'),
  devel('libxml2-dev', 'libxml2-devel'),
  devel('zlib1g-dev', 'zlib-devel'),
  devel('libffi-dev', 'libffi-devel'),
  devel('libbz2-dev', 'bzip2-devel'),
  devel('liblzma-dev', 'xz-devel'),
  devel('libreadline-dev', 'readline-devel'),
  devel('libsqlite3-dev', 'sqlite-devel'),
  devel('libpng-dev', 'libpng-devel'),
  devel('libjpeg-dev', 'libjpeg-turbo-devel'),
  devel('libfreetype6-dev', 'freetype-devel'),
  devel('libfontconfig1-dev', 'fontconfig-devel'),
  devel('libharfbuzz-dev', 'harfbuzz-devel'),
  devel('libfribidi-dev', 'fribidi-devel'),
  {
    name: 'libtiff-dev',
    aliases: ['libtiff5-dev', 'libtiff-devel'],
    distros: split('libtiff-dev', 'libtiff-devel'),
  },
  {
    name: 'libopenblas-dev',
    aliases: ['openblas-devel'],
    distros: split('libopenblas-dev', 'openblas-devel', { repositories: ['crb'] }),
  },
  {
    name: 'libhdf5-dev',
    aliases: ['hdf5-devel'],
    distros: { ...split('libhdf5-dev', 'hdf5-devel', { repositories: ['epel', 'crb'] }), al2023: null },
  },
  {
    name: 'libgdal-dev',
    aliases: ['gdal-devel'],
    distros: { ...split('libgdal-dev', 'gdal-devel', { repositories: ['epel', 'crb'] }), al2023: null },
  },
  {
    name: 'r-base',
    aliases: ['R', 'r-base-core'],
    distros: {
      ubuntu: { packages: ['r-base'] },
      rocky: { packages: ['R'], repositories: ['epel', 'crb'] },
      al2023: null,
    },
  },
  {
    name: 'r-base-dev',
    aliases: ['R-devel'],
    distros: {
      ubuntu: { packages: ['r-base-dev'] },
      rocky: { packages: ['R-devel'], repositories: ['epel', 'crb'] },
      al2023: null,
    },
  },
  {
    name: 'docker',
    aliases: ['docker.io', 'docker-ce'],
    distros: {
      ubuntu: { packages: ['docker.io'] },
      rocky: { packages: ['docker-ce', 'docker-ce-cli', 'containerd.io'], repositories: ['docker-ce'] },
      al2023: { packages: ['docker'] },
    },
  },
  {
    name: 'default-jdk',
    aliases: ['openjdk-17-jdk', 'java-17-openjdk-devel', 'java-17-amazon-corretto-devel'],
    distros: {
      ubuntu: { packages: ['openjdk-17-jdk'] },
      rocky: { packages: ['java-17-openjdk-devel'] },
      al2023: { packages: ['java-17-amazon-corretto-devel'] },
    },
  },
  { name: 'nodejs', distros: same('nodejs') },
  {
    name: 'amazon-efs-utils',
    distros: { ubuntu: null, rocky: null, al2023: { packages: ['amazon-efs-utils'] } },
  },
];
