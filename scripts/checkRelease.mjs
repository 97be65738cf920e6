// `node scripts/checkRelease.mjs`: what can be checked of dist/release without the hardware of each
// executable: each file is an ELF executable for its CPU (x86-64, aarch64) with the app's blob
// injected (the SEA fuse flipped), SHA256SUMS covers exactly these files and verifies against the
// signature's public key; with qemu-user and an arm64 C library (qemu-aarch64, /usr/aarch64-linux-gnu),
// the arm64 executable's `--version` runs and prints the package's version.
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const release = join(root, 'dist', 'release');
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const ARCHES = { x64: { machine: 0x3e, cpu: 'x86-64' }, arm64: { machine: 0xb7, cpu: 'aarch64' } };
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const failures = [];

for (const [arch, { machine, cpu }] of Object.entries(ARCHES)) {
  const name = `cws-tui-linux-${arch}`;
  const file = join(release, name);
  if (!existsSync(file)) {
    failures.push(`${name} is missing: run npm run package`);
    continue;
  }
  const bytes = readFileSync(file);
  const elf = bytes.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
  // e_ident[EI_CLASS] 2 = 64-bit, e_ident[EI_DATA] 1 = little endian, e_machine at offset 18.
  const isCpu = elf && bytes[4] === 2 && bytes[5] === 1 && bytes.readUInt16LE(18) === machine;
  if (!isCpu) failures.push(`${name} is not a 64-bit little-endian ${cpu} ELF executable`);
  // postject flips the fuse's trailing 0 to 1 when it injects the blob.
  const fuse = bytes.indexOf(`${SEA_FUSE}:`);
  if (fuse < 0 || bytes[fuse + SEA_FUSE.length + 1] !== 0x31)
    failures.push(`${name} has no injected app blob`);
  else process.stdout.write(`${name}: ${cpu} ELF, app blob injected\n`);
}

const sums = readFileSync(join(release, 'SHA256SUMS'), 'utf8');
const listed = new Map(
  sums
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+\*?/).reverse()),
);
for (const arch of Object.keys(ARCHES)) {
  const name = `cws-tui-linux-${arch}`;
  const file = join(release, name);
  if (!existsSync(file)) continue;
  const digest = createHash('sha256').update(readFileSync(file)).digest('hex');
  if (listed.get(name) !== digest) failures.push(`SHA256SUMS does not hold ${name}'s digest`);
}
const key = createPublicKey(readFileSync(join(release, 'cws-tui-release.pub.pem')));
if (!verify(null, Buffer.from(sums), key, readFileSync(join(release, 'SHA256SUMS.sig'))))
  failures.push('SHA256SUMS.sig is not a signature of SHA256SUMS by cws-tui-release.pub.pem');
else process.stdout.write(`SHA256SUMS: ${listed.size} files, signature verified\n`);

const sysroot = '/usr/aarch64-linux-gnu';
const qemu = ['qemu-aarch64', 'qemu-aarch64-static'].find((command) => {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
if (qemu && existsSync(sysroot)) {
  const printed = execFileSync(qemu, ['-L', sysroot, join(release, 'cws-tui-linux-arm64'), '--version'], {
    encoding: 'utf8',
    env: {},
    timeout: 120_000,
  }).trim();
  if (printed !== version)
    failures.push(`the arm64 executable under ${qemu} printed ${JSON.stringify(printed)}, not ${version}`);
  else process.stdout.write(`cws-tui-linux-arm64 --version under ${qemu}: ${printed}\n`);
} else if (process.env.CI === 'true') {
  failures.push('qemu-user or the arm64 C library is missing: the arm64 executable was not run');
} else {
  process.stdout.write(
    'qemu-aarch64 or /usr/aarch64-linux-gnu is missing: the arm64 executable was not run\n',
  );
}

for (const failure of failures) process.stderr.write(`checkRelease: ${failure}\n`);
process.exit(failures.length > 0 ? 1 : 0);
