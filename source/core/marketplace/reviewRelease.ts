import type { SigningKey } from '../identity/signingKey.js';
import { MarketplaceRefusal } from './MarketplaceRefusal.js';
import type { RegistryStore } from './ports.js';
import type { RegistryTrust } from './RegistryTrust.js';
import { readRelease } from './readRelease.js';
import { registryKeys } from './registryKeys.js';
import { type ReviewStatement, reviewStatementSchema } from './releaseStatement.js';
import { sha256Hex } from './sha256Hex.js';
import { envelopeBytes, signStatement } from './signatureEnvelope.js';
import { setReleaseStatus } from './updateRegistryIndex.js';
import { verifyRelease } from './verifyRelease.js';

export interface ReviewRequest {
  slug: string;
  version: string;
  decision: 'approve' | 'reject';
  reason: string;
  reviewerName: string;
  key: SigningKey;
  /** Why high scan findings are accepted; approving a release with any needs it. */
  scanOverride?: string;
  /** The approver key fingerprints the reviewer's policy names (`templates.approvers`), when it names any. */
  policyApprovers?: readonly string[];
  now: Date;
}

/**
 * Only an approver key may review: one the registry's trust lists as an approver and, when the
 * policy names approvers, one of those. A profile's admin role is no such key.
 */
export function approverRefusal(
  trust: RegistryTrust,
  key: { publicKey: string; fingerprint: string },
  policyApprovers: readonly string[] | undefined,
): string | undefined {
  if (!trust.approvers.some((approver) => approver.key === key.publicKey)) {
    return `only the registry's approver keys can approve or reject, and your key ${key.fingerprint} is not an approver of '${trust.name}' (an admin profile alone is not an approver); whoever runs the registry adds approvers: registry trust ${trust.name} --approver-key "NAME=<public key>"`;
  }
  if (policyApprovers !== undefined && !policyApprovers.includes(key.fingerprint)) {
    return `your policy names the approvers (${policyApprovers.join(', ') || 'none'}), and your key ${key.fingerprint} is not one of them: a review by it would not count`;
  }
  return undefined;
}

/**
 * An approver's decision on a submission, countersigning its signature file. The release is
 * verified first (a tampered submission cannot be approved), a publisher cannot approve their own
 * release, and a decision once made stands (a new version is the way to change it).
 */
export async function reviewRelease(
  store: RegistryStore,
  trust: RegistryTrust,
  request: ReviewRequest,
): Promise<ReviewStatement> {
  const label = `${request.slug}@${request.version}`;
  if (request.reason.trim() === '') throw new MarketplaceRefusal(`a review needs a reason (--reason "...")`);
  const refusal = approverRefusal(trust, request.key, request.policyApprovers);
  if (refusal !== undefined) throw new MarketplaceRefusal(refusal);
  const files = await readRelease(store, request.slug, request.version);
  if (files.review !== undefined) throw new MarketplaceRefusal(`${label} has been reviewed already`);
  const release = verifyRelease(files, trust, { slug: request.slug, version: request.version });
  if (release.publisher.key === request.key.publicKey) {
    throw new MarketplaceRefusal(`${label} is your own release: another approver must review it`);
  }
  const high = release.statement.scan.high;
  if (request.decision === 'approve' && high > 0 && !request.scanOverride) {
    throw new MarketplaceRefusal(
      `${label} has ${high} high-severity scan finding(s); approve it only with --override --reason saying why they are acceptable`,
    );
  }
  const statement = reviewStatementSchema.parse({
    kind: 'cws-template-review',
    slug: request.slug,
    version: request.version,
    template_sha256: release.statement.template_sha256,
    release_signature_sha256: sha256Hex(files.signature),
    decision: request.decision,
    reason: request.reason,
    reviewer_name: request.reviewerName,
    reviewed_at: request.now.toISOString(),
    ...(request.decision === 'approve' && high > 0 ? { scan_override: request.scanOverride } : {}),
  });
  const written = await store.put(
    registryKeys.review(request.slug, request.version),
    envelopeBytes(signStatement(statement, request.key)),
    { ifAbsent: true },
  );
  if (!written) throw new MarketplaceRefusal(`${label} was reviewed by someone else meanwhile`);
  await setReleaseStatus(
    store,
    request.slug,
    request.version,
    request.decision === 'approve' ? 'approved' : 'rejected',
  );
  return statement;
}
