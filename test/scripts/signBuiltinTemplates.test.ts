import { generateKeyPairSync } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinSignatureIsStale } from '../../scripts/builtinSignature.mjs';
import { signBuiltins } from '../../scripts/signBuiltinTemplates.js';
import { publicKeyFingerprint } from '../../source/core/identity/signingKey.js';
import { developmentSigningKey } from '../../source/core/marketplace/builtinSigningKeys.js';
import { BUILTIN_SIGNATURE_FILE } from '../../source/core/marketplace/builtinTemplatesSignature.js';
import { builtinTemplatesDir } from '../../source/core/templates/builtinTemplatesDir.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'cws-sign-'));
  await cp(builtinTemplatesDir(), directory, { recursive: true });
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const signer = async () =>
  publicKeyFingerprint(
    (JSON.parse(await readFile(join(directory, BUILTIN_SIGNATURE_FILE), 'utf8')) as { public_key: string })
      .public_key,
  );

describe('signing the built-ins at build and package time', () => {
  it('signs with the labelled development key when no release key is supplied', async () => {
    expect(await signBuiltins({}, directory)).toMatch(/built-in templates signed with the DEVELOPMENT key/);
    expect(await signer()).toBe(developmentSigningKey().fingerprint);
  });

  it('refuses a supplied key that is not the release key the app ships, and an unreadable one', async () => {
    const pem = join(directory, 'not-release.pem');
    await writeFile(
      pem,
      generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    );
    await expect(signBuiltins({ CWS_RELEASE_SIGNING_KEY: pem }, directory)).rejects.toThrow(
      /is not the release key whose public half ships/,
    );
    await expect(
      signBuiltins({ CWS_RELEASE_SIGNING_KEY: join(directory, 'missing.pem') }, directory),
    ).rejects.toThrow(/not a readable Ed25519 private key/);
  });

  it('the checkout has signed its built-ins before the tests ran (npm test on a clean clone)', () => {
    expect(builtinSignatureIsStale()).toBe(false);
  });
});
