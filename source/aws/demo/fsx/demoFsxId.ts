import { nodeCrypto } from '../../../core/crypto/nodeCrypto.js';

/** A stable, realistic-looking FSx id (`fs-0a1b…`, `fsvolsnap-0…`) for the n-th resource of the demo. */
export function demoFsxId(prefix: string, serial: number): string {
  return `${prefix}-0${nodeCrypto().createHash('sha256').update(`fsx/${prefix}/${serial}`).digest('hex').slice(0, 16)}`;
}
