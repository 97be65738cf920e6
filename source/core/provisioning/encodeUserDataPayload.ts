import { gzipSync } from 'node:zlib';
import type { UserDataSection } from './UserData.js';
import { UserDataTooLargeError } from './UserDataTooLargeError.js';

/** EC2's limit on user data, counted before base64. */
export const USER_DATA_LIMIT_BYTES = 16 * 1024;

/**
 * What goes to EC2: the script as it is when it fits, else its gzip (cloud-init recognises the
 * gzip magic and unpacks it), else an error with the size and the biggest parts.
 */
export function encodeUserDataPayload(
  script: string,
  sections: UserDataSection[],
): { payload: Buffer; compressed: boolean; bytes: number } {
  const plain = Buffer.from(script, 'utf8');
  if (plain.length <= USER_DATA_LIMIT_BYTES)
    return { payload: plain, compressed: false, bytes: plain.length };
  const compressed = gzipSync(plain, { level: 9 });
  if (compressed.length > USER_DATA_LIMIT_BYTES) {
    throw new UserDataTooLargeError(plain.length, compressed.length, USER_DATA_LIMIT_BYTES, sections);
  }
  return { payload: compressed, compressed: true, bytes: plain.length };
}
