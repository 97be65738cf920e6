import { createHash } from 'node:crypto';

/** `SHA256:...` as `ssh-keygen -lf` prints it, for an OpenSSH public key line; '' when unreadable. */
export function sshKeyFingerprint(publicKey: string | undefined): string {
  const blob = publicKey?.trim().split(/\s+/)[1];
  if (!blob) return '';
  const digest = createHash('sha256').update(Buffer.from(blob, 'base64')).digest('base64');
  return `SHA256:${digest.replace(/=+$/, '')}`;
}
