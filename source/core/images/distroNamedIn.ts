import type { Distro } from './baseImages.js';

/** Image names, descriptions and parameter paths say what they are: `ubuntu-22.04`, `al2023-ami-*`, `Rocky-9-*`. */
const NAMED_FAMILIES: readonly [RegExp, Distro][] = [
  [/ubuntu|debian/i, 'ubuntu'],
  [/al2023|amazon[- ]linux[- ]2023|amzn2023|al-2023/i, 'al2023'],
  [/rocky|rhel|red hat|alma/i, 'rocky'],
];
/** Amazon Linux 2 is not Amazon Linux 2023: its names must not count as it. */
const AMAZON_LINUX_2 = /amzn2-|amazon[- ]linux[- ]2(?!0)/i;
export const namesAmazonLinux2 = (text: string): boolean => AMAZON_LINUX_2.test(text);

/**
 * The Linux family a text names (an image name, description, platform or SSM parameter path),
 * checked in order; undefined when none names one, or the first that does is Amazon Linux 2.
 */
export function distroNamedIn(texts: readonly (string | undefined)[]): Distro | undefined {
  for (const text of texts) {
    if (!text) continue;
    if (AMAZON_LINUX_2.test(text)) return undefined;
    const family = NAMED_FAMILIES.find(([pattern]) => pattern.test(text));
    if (family) return family[1];
  }
  return undefined;
}
