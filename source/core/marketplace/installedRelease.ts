import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { publicKeyFingerprint } from '../identity/signingKey.js';
import { lazySchema } from '../schema/lazySchema.js';
import { MarketplaceRefusal } from './MarketplaceRefusal.js';
import type { RegistryTrust } from './RegistryTrust.js';
import type { TemplateProvenance } from './TemplateProvenance.js';
import { releaseStatus, verifyRelease } from './verifyRelease.js';

/** The provenance file kept next to an installed template: `<file>.provenance.json`. */
export const provenanceRecordSchema = lazySchema(() =>
  z.strictObject({
    format: z.literal('cws-provenance/1'),
    registry: z.string(),
    location: z.string(),
    slug: z.string(),
    version: z.string(),
    pinned: z.boolean(),
    installed_at: z.string(),
    /** The release's signature and review files, byte for byte as the registry had them. */
    signature: z.string(),
    review: z.string().optional(),
  }),
);

export type ProvenanceRecord = z.infer<typeof provenanceRecordSchema>;

export function provenancePathOf(templatePath: string): string {
  return `${templatePath}.provenance.json`;
}

async function readOptional(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Re-verifies an installed template from its own bytes and provenance file against the user's
 * current trust: a template with no provenance file is `local`; one whose file, signature, review,
 * registry or key no longer holds is `refused` with the reason.
 */
export async function verifyInstalledTemplate(
  templatePath: string,
  registries: readonly RegistryTrust[] | Error,
): Promise<TemplateProvenance> {
  const recordBytes = await readOptional(provenancePathOf(templatePath));
  if (recordBytes === undefined) return { state: 'local' };
  let record: ProvenanceRecord;
  try {
    record = provenanceRecordSchema.parse(JSON.parse(recordBytes.toString('utf8')));
  } catch {
    return { state: 'refused', reason: `its provenance file ${provenancePathOf(templatePath)} is damaged` };
  }
  if (registries instanceof Error) {
    return { state: 'refused', registry: record.registry, reason: registries.message };
  }
  const trust = registries.find((registry) => registry.name === record.registry);
  if (!trust) {
    return {
      state: 'refused',
      registry: record.registry,
      reason: `it comes from the registry '${record.registry}', which is no longer configured`,
    };
  }
  try {
    const template = (await readOptional(templatePath)) ?? Buffer.alloc(0);
    const release = verifyRelease(
      {
        template,
        signature: Buffer.from(record.signature, 'base64'),
        ...(record.review !== undefined ? { review: Buffer.from(record.review, 'base64') } : {}),
      },
      trust,
      { slug: record.slug, version: record.version },
    );
    return {
      state: releaseStatus(release),
      registry: record.registry,
      slug: record.slug,
      version: record.version,
      publisher: release.publisher.name,
      publisher_fingerprint: publicKeyFingerprint(release.publisher.key),
      ...(release.review
        ? {
            approver: release.review.approver.name,
            approver_fingerprint: publicKeyFingerprint(release.review.approver.key),
            reviewed_at: release.review.statement.reviewed_at,
          }
        : {}),
      pinned: record.pinned,
      installed_at: record.installed_at,
    };
  } catch (error) {
    if (error instanceof MarketplaceRefusal) {
      return { state: 'refused', registry: record.registry, reason: error.message };
    }
    throw error;
  }
}
