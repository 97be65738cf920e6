import { createHash } from 'node:crypto';

/** The SHA-256 of some bytes in lower-case hex, as `sha256sum` prints it. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
