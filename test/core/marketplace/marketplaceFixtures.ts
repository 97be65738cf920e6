import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SigningKey, signingKeyOf } from '../../../source/core/identity/signingKey.js';
import { DirectoryRegistryStore } from '../../../source/core/marketplace/DirectoryRegistryStore.js';
import type { RegistryStore } from '../../../source/core/marketplace/ports.js';
import { publishRelease } from '../../../source/core/marketplace/publishRelease.js';
import type { RegistryTrust } from '../../../source/core/marketplace/RegistryTrust.js';
import { scanTemplateText } from '../../../source/core/marketplace/scan/scanTemplateText.js';

export function newKey(): SigningKey {
  return signingKeyOf(generateKeyPairSync('ed25519').privateKey);
}

export const TEMPLATE_TEXT =
  'name: R Lab\nslug: r-lab\ndescription: R for the lab\ninherits: [ubuntu-24-04]\n';

export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'cws-mkt-'));
}

export function trustOf(publisher: SigningKey, approver: SigningKey, location: string): RegistryTrust {
  return {
    name: 'lab',
    location,
    publishers: [{ name: 'Genomics Core', key: publisher.publicKey }],
    approvers: [{ name: 'Research Computing', key: approver.publicKey }],
    revoked: [],
  };
}

export async function publishSample(
  store: RegistryStore,
  key: SigningKey,
  version = '1.0.0',
  text = TEMPLATE_TEXT,
): Promise<void> {
  await publishRelease(store, {
    template: Buffer.from(text),
    listing: {
      slug: 'r-lab',
      name: 'R Lab',
      description: 'R for the lab',
      tags: ['r'],
      category: 'statistics',
    },
    version,
    changelog: `release ${version}`,
    publisherName: 'Genomics Core',
    key,
    scan: scanTemplateText(text),
    now: new Date('2026-12-01T00:00:00Z'),
  });
}

export function directoryStore(): DirectoryRegistryStore {
  return new DirectoryRegistryStore(scratchDir());
}
