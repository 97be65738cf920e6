// `npm run package`: single executables of the app for Linux x64 and arm64 in dist/release/ (Node's
// single executable applications: the pinned Node 24 runtime from the registry's node-linux-* package
// with the app injected by postject), with SHA256SUMS and its Ed25519 signature.
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, sign } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { loadOrCreateSigningKey } from '../source/core/identity/signingKey.js';
import { ensureBundle, root } from './bundleFreshness.mjs';
import { NODE_FLAGS } from './nodeFlags.mjs';
import { signBuiltins } from './signBuiltinTemplates.js';

const ARCHES = ['x64', 'arm64'] as const;
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const release = join(root, 'dist', 'release');
const work = join(root, '.cache', 'package');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  optionalDependencies: Record<string, string>;
};

function fail(message: string): never {
  process.stderr.write(`npm run package: ${message}\n`);
  process.exit(1);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The pinned runtime for `arch`: npm's copy for this machine's, else the registry's package unpacked here. */
function runtimeFor(arch: string): string {
  const name = `node-linux-${arch}`;
  const version = manifest.optionalDependencies[name];
  if (!version) fail(`package.json pins no ${name}`);
  const installed = join(root, 'node_modules', name, 'bin', 'node');
  if (
    existsSync(installed) &&
    execFileSync(installed, ['--version'], { encoding: 'utf8' }).trim() === `v${version}`
  )
    return installed;
  const dir = join(work, 'runtimes', `${name}-${version}`);
  const binary = join(dir, 'package', 'bin', 'node');
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  const tarball = execFileSync('npm', ['pack', '--silent', `${name}@${version}`, '--pack-destination', dir], {
    encoding: 'utf8',
  }).trim();
  execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir]);
  if (!existsSync(binary)) fail(`${name}@${version} has no bin/node`);
  return binary;
}

if (ensureBundle() !== 0) fail('the build failed');
// The executables carry the built-ins signed now: by the release key given from outside, or else
// (a CI or trial package) by the development key, which the app reports and a policy can refuse.
process.stdout.write(`${await signBuiltins().catch((error: unknown) => fail((error as Error).message))}\n`);
const app = join(work, 'app');
rmSync(app, { recursive: true, force: true });
mkdirSync(join(app, 'dist'), { recursive: true });

// The app's files, laid out as the npm package is (the bundle finds templates/ by the package root).
const assets: Record<string, string> = {};
for (const path of filesUnder(join(root, 'dist'))) {
  const name = relative(root, path);
  if (name.startsWith('dist/release') || name.endsWith('.map')) continue;
  assets[name] = path;
}
for (const path of filesUnder(join(root, 'templates'))) assets[relative(root, path)] = path;
writeFileSync(
  join(app, 'package.json'),
  `${JSON.stringify({ name: 'cws-tui', version: manifest.version, type: 'module' })}\n`,
);
assets['package.json'] = join(app, 'package.json');
writeFileSync(join(app, 'loader.cjs'), "module.exports = () => import('./dist/cws-tui.js');\n");
assets['loader.cjs'] = join(app, 'loader.cjs');

const files = Object.keys(assets).sort();
const hash = createHash('sha256');
for (const file of files) hash.update(file).update(readFileSync(assets[file] ?? ''));
writeFileSync(join(app, 'manifest.json'), JSON.stringify({ hash: hash.digest('hex'), files }));
const seaConfig = join(app, 'sea-config.json');
writeFileSync(
  seaConfig,
  JSON.stringify({
    main: join(root, 'scripts', 'seaMain.cjs'),
    output: join(app, 'sea.blob'),
    disableExperimentalSEAWarning: true,
    useCodeCache: false,
    useSnapshot: false,
    // The flags the bundle's shebang passes to node, for the same memory use.
    execArgv: NODE_FLAGS,
    assets: { ...assets, 'manifest.json': join(app, 'manifest.json') },
  }),
);

rmSync(release, { recursive: true, force: true });
mkdirSync(release, { recursive: true });
// The blob holds no code cache or snapshot, so the x64 runtime's blob serves arm64 as well.
execFileSync(runtimeFor('x64'), ['--experimental-sea-config', seaConfig], { stdio: 'inherit' });
const postject = join(root, 'node_modules', 'postject', 'dist', 'cli.js');
const sums: string[] = [];
for (const arch of ARCHES) {
  const output = join(release, `cws-tui-linux-${arch}`);
  copyFileSync(runtimeFor(arch), output);
  chmodSync(output, 0o755);
  execFileSync(
    process.execPath,
    [postject, output, 'NODE_SEA_BLOB', join(app, 'sea.blob'), '--sentinel-fuse', SEA_FUSE],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  sums.push(`${createHash('sha256').update(readFileSync(output)).digest('hex')}  cws-tui-linux-${arch}\n`);
}
writeFileSync(join(release, 'SHA256SUMS'), sums.join(''));

// Signed with the same kind of Ed25519 key the invitations use, kept outside the repository.
const key = await loadOrCreateSigningKey(
  process.env.CWS_RELEASE_KEY_DIR ?? join(root, '.cache', 'release-key'),
);
writeFileSync(
  join(release, 'SHA256SUMS.sig'),
  sign(null, readFileSync(join(release, 'SHA256SUMS')), key.privateKey),
);
writeFileSync(
  join(release, 'cws-tui-release.pub.pem'),
  createPublicKey(key.privateKey).export({ format: 'pem', type: 'spki' }).toString(),
);
process.stdout.write(
  `dist/release: ${ARCHES.map((a) => `cws-tui-linux-${a}`).join(', ')}, SHA256SUMS (signed ${key.fingerprint})\n`,
);
