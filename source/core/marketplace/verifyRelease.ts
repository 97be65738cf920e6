import { MarketplaceRefusal } from './MarketplaceRefusal.js';
import { type KeyRole, type RegistryTrust, type TrustedKey, trustedKeyFor } from './RegistryTrust.js';
import {
  parseStatement,
  type ReleaseStatement,
  type ReviewStatement,
  releaseStatementSchema,
  reviewStatementSchema,
} from './releaseStatement.js';
import { sha256Hex } from './sha256Hex.js';
import { openEnvelope } from './signatureEnvelope.js';

/** The largest template file the marketplace reads. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

export interface ReleaseFiles {
  template: Uint8Array;
  signature: Uint8Array;
  /** The approver's review (approve or reject), when there is one. */
  review?: Uint8Array;
}

export interface VerifiedRelease {
  statement: ReleaseStatement;
  publisher: TrustedKey;
  review?: { statement: ReviewStatement; approver: TrustedKey };
}

/** What the index (or the installer) expects the release to be; a mismatch means a tampered index. */
export interface ExpectedRelease {
  slug: string;
  version: string;
  template_sha256?: string;
}

function trusted(trust: RegistryTrust, role: KeyRole, opened: { publicKey: string; fingerprint: string }) {
  const result = trustedKeyFor(trust, role, opened.publicKey, opened.fingerprint);
  if ('refusal' in result) throw new MarketplaceRefusal(result.refusal);
  return result.key;
}

/**
 * Checks a release the way every use does: the signature envelope first (signature, then trusted
 * and unrevoked signer), only then its statement, then the template's digest, then the review's
 * countersignature. Nothing of the template is parsed here: a caller parses it only once this
 * returns. Throws MarketplaceRefusal naming the first thing that does not hold.
 */
export function verifyRelease(
  files: ReleaseFiles,
  trust: RegistryTrust,
  expected: ExpectedRelease,
): VerifiedRelease {
  const label = `${expected.slug}@${expected.version}`;
  const opened = openEnvelope(files.signature, `the signature of ${label}`);
  const publisher = trusted(trust, 'publisher', opened);
  const parsed = parseStatement(releaseStatementSchema, opened.payload, `the signature of ${label}`);
  if ('refusal' in parsed) throw new MarketplaceRefusal(parsed.refusal);
  const statement = parsed.statement;
  if (statement.slug !== expected.slug || statement.version !== expected.version) {
    throw new MarketplaceRefusal(
      `${label} is signed as ${statement.slug}@${statement.version}: the index or the files were altered`,
    );
  }
  if (expected.template_sha256 !== undefined && expected.template_sha256 !== statement.template_sha256) {
    throw new MarketplaceRefusal(
      `${label}: the index lists other bytes than the publisher signed (altered index)`,
    );
  }
  if (files.template.length > MAX_TEMPLATE_BYTES) {
    throw new MarketplaceRefusal(`${label}: the template is larger than ${MAX_TEMPLATE_BYTES} bytes`);
  }
  if (
    sha256Hex(files.template) !== statement.template_sha256 ||
    files.template.length !== statement.template_bytes
  ) {
    throw new MarketplaceRefusal(
      `${label}: the template's bytes are not the ones its publisher signed (the template was altered)`,
    );
  }
  if (files.review === undefined) return { statement, publisher };
  return {
    statement,
    publisher,
    review: verifyReview(files.review, files.signature, statement, trust, label),
  };
}

function verifyReview(
  bytes: Uint8Array,
  signature: Uint8Array,
  release: ReleaseStatement,
  trust: RegistryTrust,
  label: string,
): { statement: ReviewStatement; approver: TrustedKey } {
  const opened = openEnvelope(bytes, `the review of ${label}`);
  const approver = trusted(trust, 'approver', opened);
  const parsed = parseStatement(reviewStatementSchema, opened.payload, `the review of ${label}`);
  if ('refusal' in parsed) throw new MarketplaceRefusal(parsed.refusal);
  const statement = parsed.statement;
  const covers =
    statement.slug === release.slug &&
    statement.version === release.version &&
    statement.template_sha256 === release.template_sha256 &&
    statement.release_signature_sha256 === sha256Hex(signature);
  if (!covers) {
    throw new MarketplaceRefusal(`the review of ${label} countersigns another release, not this one`);
  }
  return { statement, approver };
}

/** approved | rejected | submitted, from a verified release. */
export function releaseStatus(
  release: Pick<VerifiedRelease, 'review'>,
): 'approved' | 'rejected' | 'submitted' {
  if (!release.review) return 'submitted';
  return release.review.statement.decision === 'approve' ? 'approved' : 'rejected';
}
