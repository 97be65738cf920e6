/**
 * The slug of a template that declares none: its name in lowercase, every run of other characters
 * turned into one `-` (so "Rocky Linux 9 Base" is `rocky-linux-9-base`). Empty when the name has no
 * ASCII letter or digit.
 */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}
