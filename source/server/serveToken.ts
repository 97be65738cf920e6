import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../core/fs/writeFileAtomic.js';
import { ApiError } from './ApiError.js';

/** Only the token's hash is kept: the token itself is printed once, when it is made. */
const tokenFileSchema = z.object({
  id: z.string(),
  sha256: z.string(),
  created_at: z.string(),
  retired: z.array(z.object({ id: z.string(), retired_at: z.string() })),
});
type TokenFile = z.infer<typeof tokenFileSchema>;

/** How many replaced tokens are remembered, so that one is called stale rather than unknown. */
const REMEMBERED = 20;
const HINT = "'cws-tui serve --rotate-token' prints a new token (the old one stops working)";

export function serveTokenPath(stateDir: string): string {
  return join(stateDir, 'serve-token.json');
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function readTokenFile(path: string): Promise<TokenFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = tokenFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`${path} is not a token file; delete it and run 'cws-tui serve --rotate-token'`);
  return parsed.data;
}

/** Makes a new bearer token (the old one is retired), stores its hash 0600 and returns it: print it once. */
export async function rotateServeToken(
  stateDir: string,
  now = new Date(),
): Promise<{ id: string; token: string }> {
  const path = serveTokenPath(stateDir);
  const previous = await readTokenFile(path);
  const id = randomBytes(4).toString('hex');
  const token = `cws_${id}_${randomBytes(32).toString('base64url')}`;
  const retired = previous
    ? [{ id: previous.id, retired_at: now.toISOString() }, ...previous.retired].slice(0, REMEMBERED)
    : [];
  const file: TokenFile = { id, sha256: hash(token), created_at: now.toISOString(), retired };
  await writeFileAtomic(path, `${JSON.stringify(file, null, 2)}\n`, 0o600);
  return { id, token };
}

/** The token there is, or a new one (returned with its secret only when it was just made). */
export async function ensureServeToken(stateDir: string): Promise<{ id: string; token?: string }> {
  const existing = await readTokenFile(serveTokenPath(stateDir));
  return existing ? { id: existing.id } : rotateServeToken(stateDir);
}

/**
 * Checks an `Authorization: Bearer` header against the stored hash (read again when the file
 * changes, so a rotation takes effect at once) and returns the token's id for the audit log.
 */
export function bearerTokenCheck(stateDir: string): (header: string | undefined) => Promise<string> {
  const path = serveTokenPath(stateDir);
  let cached: { mtimeMs: number; file: TokenFile | undefined } | undefined;
  const current = async () => {
    const mtimeMs = await stat(path).then(
      (found) => found.mtimeMs,
      () => -1,
    );
    if (!cached || cached.mtimeMs !== mtimeMs) cached = { mtimeMs, file: await readTokenFile(path) };
    return cached.file;
  };
  return async (header) => {
    if (!header) {
      throw new ApiError(
        401,
        'token_required',
        'this listener needs a bearer token: Authorization: Bearer <token>',
        HINT,
      );
    }
    const match = /^Bearer\s+(cws_([0-9a-f]{8})_[A-Za-z0-9_-]+)$/.exec(header.trim());
    const file = await current();
    if (!match || !file) throw new ApiError(401, 'invalid_token', 'the bearer token is not valid', HINT);
    const [, token = '', id = ''] = match;
    const expected = Buffer.from(file.sha256, 'hex');
    const given = Buffer.from(hash(token), 'hex');
    if (id === file.id && timingSafeEqual(expected, given)) return id;
    const retired = file.retired.find((entry) => entry.id === id);
    if (retired) {
      throw new ApiError(
        401,
        'stale_token',
        `the bearer token ${id} was replaced at ${retired.retired_at}: use the new one`,
        HINT,
      );
    }
    throw new ApiError(401, 'invalid_token', 'the bearer token is not valid', HINT);
  };
}
