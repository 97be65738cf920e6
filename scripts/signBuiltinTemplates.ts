// Signs the built-in templates (templates/builtin-templates.signature.json): with the release key when
// CWS_RELEASE_SIGNING_KEY names its PEM file (a release: `npm run package`), else with the labelled
// development key, which every checkout derives the same way and which attests nothing. Run by the
// build and by `npm start` / `npm test` when the signature is missing or older than the templates.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type SigningKey, signingKeyOf } from '../source/core/identity/signingKey.js';
import {
  BUILTIN_RELEASE_PUBLIC_KEY,
  developmentSigningKey,
} from '../source/core/marketplace/builtinSigningKeys.js';
import { signBuiltinTemplates } from '../source/core/marketplace/builtinTemplatesSignature.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The release key from CWS_RELEASE_SIGNING_KEY, checked against the public half the app ships. */
function releaseKey(path: string): SigningKey {
  let key: SigningKey;
  try {
    const privateKey = createPrivateKey(readFileSync(path, 'utf8'));
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
    key = signingKeyOf(privateKey);
  } catch {
    throw new Error(`CWS_RELEASE_SIGNING_KEY=${path} is not a readable Ed25519 private key in PEM`);
  }
  if (key.publicKey !== BUILTIN_RELEASE_PUBLIC_KEY) {
    throw new Error(
      `CWS_RELEASE_SIGNING_KEY=${path} (${key.fingerprint}) is not the release key whose public half ships in source/core/marketplace/builtinSigningKeys.ts`,
    );
  }
  return key;
}

/** Signs `templates/` (or `directory`); returns the line to print. */
export async function signBuiltins(
  env: NodeJS.ProcessEnv = process.env,
  directory = join(root, 'templates'),
): Promise<string> {
  const path = env.CWS_RELEASE_SIGNING_KEY;
  const key = path ? releaseKey(path) : developmentSigningKey();
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const statement = await signBuiltinTemplates(directory, key, { version, now: new Date() });
  const which = path ? 'the release key' : 'the DEVELOPMENT key (set CWS_RELEASE_SIGNING_KEY for a release)';
  return `${statement.files.length} built-in templates signed with ${which}, ${key.fingerprint}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  signBuiltins().then(
    (line) => process.stdout.write(`${line}\n`),
    (error: unknown) => {
      process.stderr.write(`signing the built-in templates failed: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
