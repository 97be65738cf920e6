// Writes templates/package-index/<name>.txt.gz: the package names a distro's repositories carry,
// one a line after a `#` header naming the source and its date, for the template validator.
// Usage (on a machine whose apt lists are the source): node scripts/packageIndex.mjs ubuntu "<source>"
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const [name, source] = process.argv.slice(2);
if (!name || !source) {
  console.error('usage: node scripts/packageIndex.mjs <distro> "<source description>"');
  process.exit(2);
}
/** Ubuntu's own packages (not in Debian's archive) that workstation templates install. */
const UBUNTU_ADDITIONS = [
  'ubuntu-desktop',
  'ubuntu-desktop-minimal',
  'ubuntu-drivers-common',
  'ubuntu-restricted-extras',
  'ubuntu-server',
  'ubuntu-standard',
  'linux-aws',
  'linux-modules-extra-aws',
  'nvidia-driver-535',
  'nvidia-driver-550',
  'nvidia-utils-535',
  'nvidia-utils-550',
  'xubuntu-desktop',
  'kubuntu-desktop',
  'yaru-theme-gtk',
];
const debian = execFileSync('apt-cache', ['pkgnames'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  .split('\n')
  // Debug symbol packages are never installed by name in a template.
  .filter((line) => line !== '' && !line.endsWith('-dbgsym'));
const names = [...new Set([...debian, ...(name === 'ubuntu' ? UBUNTU_ADDITIONS : [])])].sort();
const date = new Date().toISOString().slice(0, 10);
const text = `# ${source}; ${date}\n${names.join('\n')}\n`;
const file = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'templates',
  'package-index',
  `${name}.txt.gz`,
);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, gzipSync(text, { level: 9 }));
console.log(`${file}: ${names.length} names`);
