import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { uniqueFileSuffix } from '../fs/uniqueFileSuffix.js';
import { CONFIG_FORMAT_VERSION } from './configMigrations.js';
import type { ConfigData } from './configSchema.js';
import { CONFIG_SCHEMA_DIGEST } from './configSchemaDigest.js';

/**
 * conf compiles its JSON schema with ajv on every open (over 100 ms of a cold command). After conf
 * has accepted a file, a digest of its exact bytes (with the format version and schema) is kept
 * beside it; a later open whose file has the same digest reads it without conf, since conf would
 * accept the same bytes again. Any other file (changed, new, broken) goes through conf as before.
 * The schema enters the digest as its own precomputed digest, so reading needs neither zod nor conf.
 */
const MARK_FORMAT = 'cws-config-checked/2';

export function checkedMarkPath(configPath: string): string {
  return `${configPath}.checked`;
}

let schemaKey: string | undefined;

function digestOf(text: string): string {
  schemaKey ??= `${MARK_FORMAT}\n${CONFIG_FORMAT_VERSION}\n${CONFIG_SCHEMA_DIGEST}\n`;
  // The same SHA-256 node:crypto gives (marks written before stay valid), in plain JS: every start
  // reads the mark, and loading OpenSSL for one small digest costs about 4 MB resident for good.
  return bytesToHex(sha256(utf8ToBytes(schemaKey + text)));
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The file's data when conf already accepted these exact bytes; otherwise undefined. */
export function readCheckedConfig(configPath: string): ConfigData | undefined {
  const text = readText(configPath);
  const mark = readText(checkedMarkPath(configPath));
  if (text === undefined || mark === undefined || mark.trim() !== digestOf(text)) return undefined;
  try {
    const { __internal__: _internal, ...data } = JSON.parse(text) as ConfigData & { __internal__?: unknown };
    return data;
  } catch {
    return undefined;
  }
}

/**
 * Records that `validate` (conf reading the file) accepted it, when the file is the same before and
 * after, so bytes conf never saw are never marked. Best effort: a mark that cannot be written only
 * means the next open goes through conf. Written to a temporary file and renamed, never half.
 */
export function markConfigChecked(configPath: string, validate: () => unknown): void {
  const text = readText(configPath);
  if (text === undefined) return;
  validate();
  if (readText(configPath) !== text) return;
  const markPath = checkedMarkPath(configPath);
  const temporary = join(dirname(markPath), `.${uniqueFileSuffix()}.tmp`);
  try {
    writeFileSync(temporary, `${digestOf(text)}\n`, { mode: 0o600, flag: 'wx' });
    renameSync(temporary, markPath);
  } catch {
    rmSync(temporary, { force: true });
  }
}
