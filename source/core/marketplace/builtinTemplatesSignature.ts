import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import type { SigningKey } from '../identity/signingKey.js';
import { lazySchema } from '../schema/lazySchema.js';
import { findTemplateFiles } from '../templates/findTemplateFiles.js';
import type { BuiltinSigner, BuiltinSignerKeys } from './builtinSigningKeys.js';
import { MarketplaceRefusal } from './MarketplaceRefusal.js';
import { parseStatement } from './releaseStatement.js';
import { sha256Hex } from './sha256Hex.js';
import { envelopeBytes, openEnvelope, signStatement } from './signatureEnvelope.js';

/** The signature of the built-in set, in the built-in templates directory (made by the build). */
export const BUILTIN_SIGNATURE_FILE = 'builtin-templates.signature.json';

const signedFileSchema = lazySchema(() =>
  z.strictObject({
    /** The path below the templates directory, `/`-separated, as findTemplateFiles gives it. */
    path: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().nonnegative(),
  }),
);

/**
 * What the release (or development) key signs for the built-ins: every template file of the set,
 * by path, digest and length. One statement for the set, since the set ships as one release: an
 * added, removed or altered file is seen as such. Same envelope as marketplace releases.
 */
export const builtinTemplatesStatementSchema = lazySchema(() =>
  z.strictObject({
    kind: z.literal('cws-builtin-templates'),
    /** The cws-tui version the set was signed for. */
    version: z.string().min(1).max(100),
    signed_at: z.string(),
    files: z.array(signedFileSchema).max(10_000),
  }),
);

export type BuiltinTemplatesStatement = z.infer<typeof builtinTemplatesStatementSchema>;

/** The built-in set's signature once it holds: who signed it and what each file must be. */
export interface BuiltinSignature {
  signer: BuiltinSigner;
  fingerprint: string;
  version: string;
  files: ReadonlyMap<string, { sha256: string; bytes: number }>;
}

const toPosix = (path: string): string => path.split('\\').join('/');

/** Signs every template file in `directory` and writes the signature file there. */
export async function signBuiltinTemplates(
  directory: string,
  key: SigningKey,
  options: { version: string; now: Date },
): Promise<BuiltinTemplatesStatement> {
  const found = await findTemplateFiles(directory);
  const files = await Promise.all(
    found.files.map(async ({ file, relative_path }) => {
      const bytes = await readFile(file);
      return { path: toPosix(relative_path), sha256: sha256Hex(bytes), bytes: bytes.length };
    }),
  );
  const statement = builtinTemplatesStatementSchema.parse({
    kind: 'cws-builtin-templates',
    version: options.version,
    signed_at: options.now.toISOString(),
    files,
  });
  await writeFileAtomic(
    join(directory, BUILTIN_SIGNATURE_FILE),
    envelopeBytes(signStatement(statement, key)),
  );
  return statement;
}

/**
 * Reads and checks the built-in set's signature: the envelope first (its signature), then that the
 * signer is the release key or the development key, only then its statement. Throws
 * MarketplaceRefusal with the reason; a missing signature file is one too (fail closed).
 */
export async function readBuiltinSignature(
  directory: string,
  keys: BuiltinSignerKeys,
): Promise<BuiltinSignature> {
  const path = join(directory, BUILTIN_SIGNATURE_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new MarketplaceRefusal(
      missing
        ? `the built-in templates are not signed (no ${path}); run 'npm run build' in a checkout, or reinstall cws-tui`
        : `cannot read the built-in templates' signature ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`,
    );
  }
  const opened = openEnvelope(bytes, `the built-in templates' signature ${path}`);
  const signer: BuiltinSigner | undefined = keys.release.includes(opened.publicKey)
    ? 'release'
    : opened.publicKey === keys.development
      ? 'development'
      : undefined;
  if (signer === undefined) {
    throw new MarketplaceRefusal(
      `unknown signer: the built-in templates are signed with ${opened.fingerprint}, which is neither the cws-tui release key nor the development key`,
    );
  }
  const parsed = parseStatement(builtinTemplatesStatementSchema, opened.payload, path);
  if ('refusal' in parsed) throw new MarketplaceRefusal(parsed.refusal);
  return {
    signer,
    fingerprint: opened.fingerprint,
    version: parsed.statement.version,
    files: new Map(
      parsed.statement.files.map(({ path: file, sha256, bytes: length }) => [
        file,
        { sha256, bytes: length },
      ]),
    ),
  };
}

/** Why one built-in file does not match the signed set, or undefined when it does. */
export function builtinFileRefusal(
  signature: BuiltinSignature,
  relativePath: string,
  bytes: Uint8Array,
): string | undefined {
  const signed = signature.files.get(toPosix(relativePath));
  if (!signed) {
    return `the built-in ${relativePath} is not one of the signed built-in templates (it was added after signing)`;
  }
  if (signed.bytes !== bytes.length || signed.sha256 !== sha256Hex(bytes)) {
    return `the built-in ${relativePath} was altered after it was signed (its bytes are not the signed ones); reinstall cws-tui, or run 'npm run build' in a checkout`;
  }
  return undefined;
}
