import type { Distro } from '../images/baseImages.js';

const PACKAGE_MANAGERS: Record<string, Distro[]> = {
  'apt-get': ['ubuntu'],
  apt: ['ubuntu'],
  dpkg: ['ubuntu'],
  'ubuntu-drivers': ['ubuntu'],
  'add-apt-repository': ['ubuntu'],
  dnf: ['rocky', 'al2023'],
  yum: ['rocky', 'al2023'],
  rpm: ['rocky', 'al2023'],
};

/** A package manager in command position: at a line's start, after `;`, `&&`, `|`, `then`, `sudo`... */
const COMMAND =
  /(?:^|[;&|({]|\b(?:then|do|else|sudo|exec)\b)[ \t]*(apt-get|apt|dpkg|ubuntu-drivers|add-apt-repository|dnf|yum|rpm)(?=[ \t]|$)/gm;
/** A script that looks at the distro before choosing its commands decides for itself. */
const DISTRO_AWARE = /\/etc\/os-release|command -v (?:apt-get|dnf|yum)|\$ID\b/;

/** The template's post_install ran a package manager that `distro` does not have. */
export class PostInstallDistroError extends Error {
  constructor(
    slug: string,
    readonly distro: Distro,
    readonly command: string,
  ) {
    super(
      `template '${slug}' cannot be provisioned on ${distro}: its post_install runs ${command}, which ${distro} does not have (check /etc/os-release in post_install to support several distros)`,
    );
    this.name = 'PostInstallDistroError';
  }
}

/** The package managers post_install calls outside comments, unless it checks the distro itself. */
export function postInstallPackageManagers(postInstall: string | undefined): string[] {
  if (!postInstall) return [];
  const code = postInstall
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
  if (DISTRO_AWARE.test(code)) return [];
  return [...new Set([...code.matchAll(COMMAND)].map((match) => match[1] ?? ''))];
}

/** The first package manager in post_install that `distro` lacks, if any. */
export function foreignPostInstallCommand(
  template: { post_install?: string | undefined },
  distro: Distro,
): string | undefined {
  return postInstallPackageManagers(template.post_install).find(
    (command) => !(PACKAGE_MANAGERS[command] ?? []).includes(distro),
  );
}

export function requirePostInstallDistro(
  template: { slug: string; post_install?: string | undefined },
  distro: Distro,
): void {
  const command = foreignPostInstallCommand(template, distro);
  if (command) throw new PostInstallDistroError(template.slug, distro, command);
}
