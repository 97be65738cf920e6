import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { SCRIPT_VALUE_RULES } from '../provisioning/scriptValueRules.js';

export interface SshKeyPair {
  /** `ssh-ed25519 AAAA... comment` */
  publicKey: string;
  /** An unencrypted `openssh-key-v1` private key, as `ssh-keygen` writes it. */
  privateKey: string;
}

const KEY_TYPE = 'ssh-ed25519';
const PUBLIC_KEY_TYPES = new Set([
  'ssh-ed25519',
  'ssh-rsa',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
]);

/** A new Ed25519 key pair in OpenSSH formats, so that `ssh -i` and authorized_keys take it as is. */
export function generateSshKeyPair(comment: string): SshKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicJwk = publicKey.export({ format: 'jwk' });
  const privateJwk = privateKey.export({ format: 'jwk' });
  const rawPublic = Buffer.from(publicJwk.x ?? '', 'base64url');
  const seed = Buffer.from(privateJwk.d ?? '', 'base64url');
  const publicBlob = Buffer.concat([sshString(KEY_TYPE), sshString(rawPublic)]);
  return {
    publicKey: `${KEY_TYPE} ${publicBlob.toString('base64')} ${comment}`,
    privateKey: openSshPrivateKey(publicBlob, rawPublic, seed, comment),
  };
}

/**
 * Checks that `text` is one OpenSSH public key line (`type base64 [comment]`) whose blob really is
 * of the named type, and returns it trimmed. Throws an Error saying what is wrong.
 */
export function parseOpenSshPublicKey(text: string): string {
  const line = text.trim();
  if (line.includes('\n')) throw new Error('expected one public key line, found several lines');
  if (line.includes('PRIVATE KEY'))
    throw new Error('this is a private key; give the public key (the .pub file)');
  const [type, blob] = line.split(/\s+/);
  if (type === undefined || blob === undefined) throw new Error('expected "<type> <base64 key> [comment]"');
  if (!PUBLIC_KEY_TYPES.has(type)) throw new Error(`unsupported key type '${type}'`);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(blob)) throw new Error('the key is not valid base64');
  const decoded = Buffer.from(blob, 'base64');
  const innerLength = decoded.length >= 4 ? decoded.readUInt32BE(0) : -1;
  const innerType = innerLength > 0 ? decoded.subarray(4, 4 + innerLength).toString('latin1') : '';
  if (innerType !== type) throw new Error(`the key data is not a '${type}' key`);
  // The line goes into authorized_keys by the boot script: its comment is held to the same rule.
  if (!SCRIPT_VALUE_RULES.sshPublicKey.pattern.test(line)) {
    throw new Error('the comment after the key may hold only printable ASCII, at most 200 characters');
  }
  return line;
}

function sshString(data: string | Buffer): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}

/** The `openssh-key-v1` container (PROTOCOL.key in OpenSSH), with cipher and KDF `none`. */
function openSshPrivateKey(publicBlob: Buffer, rawPublic: Buffer, seed: Buffer, comment: string): string {
  const check = randomBytes(4);
  const unpadded = Buffer.concat([
    check,
    check,
    sshString(KEY_TYPE),
    sshString(rawPublic),
    sshString(Buffer.concat([seed, rawPublic])),
    sshString(comment),
  ]);
  const blockSize = 8;
  const paddingLength = (blockSize - (unpadded.length % blockSize)) % blockSize;
  const padding = Buffer.from(Array.from({ length: paddingLength }, (_, index) => index + 1));
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0', 'latin1'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    uint32(1),
    sshString(publicBlob),
    sshString(Buffer.concat([unpadded, padding])),
  ]);
  const lines = body.toString('base64').match(/.{1,70}/g) ?? [];
  return ['-----BEGIN OPENSSH PRIVATE KEY-----', ...lines, '-----END OPENSSH PRIVATE KEY-----', ''].join(
    '\n',
  );
}
