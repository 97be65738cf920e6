import * as crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../source/core/crypto/nodeCrypto.js';

describe('nodeCrypto', () => {
  it('is node:crypto itself, the same object on every call', () => {
    expect(nodeCrypto()).toBe(nodeCrypto());
    expect(nodeCrypto().createHash).toBe(crypto.createHash);
    expect(nodeCrypto().createHash('sha256').update('cws').digest('hex')).toBe(
      crypto.createHash('sha256').update('cws').digest('hex'),
    );
  });
});
