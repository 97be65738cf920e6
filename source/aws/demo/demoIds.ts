import { nodeCrypto } from '../../core/crypto/nodeCrypto.js';

/** A stable, realistic-looking resource id (`i-0a1b2c...`) for the n-th resource of the account. */
export function demoIdFor(prefix: string, account: string, serial: number): string {
  const hex = nodeCrypto().createHash('sha256').update(`${account}/${prefix}/${serial}`).digest('hex');
  return `${prefix}-0${hex.slice(0, 16)}`;
}
