/**
 * Where an installed template came from and whether that still holds, as re-checked at every load.
 *  - builtin: shipped with cws-tui, its file matching the built-in set's signature (by the release
 *    key, or the development key of a checkout, which attests nothing)
 *  - local: a file of the user's own, unsigned
 *  - approved / submitted / rejected: a verified marketplace release and its review state
 *  - refused: it claims to be a marketplace release but does not verify (the reason says why)
 */
export type TemplateProvenance =
  | { state: 'builtin'; signer: 'release' | 'development'; fingerprint: string }
  | { state: 'local' }
  | {
      state: 'approved' | 'submitted' | 'rejected';
      registry: string;
      slug: string;
      version: string;
      publisher: string;
      publisher_fingerprint: string;
      approver?: string;
      approver_fingerprint?: string;
      reviewed_at?: string;
      pinned: boolean;
      installed_at: string;
    }
  | { state: 'refused'; reason: string; registry?: string };

export function describeProvenance(provenance: TemplateProvenance): string {
  switch (provenance.state) {
    case 'builtin':
      return provenance.signer === 'release'
        ? `built-in, signed with the cws-tui release key (${provenance.fingerprint})`
        : `built-in, signed with the DEVELOPMENT key (${provenance.fingerprint}): a checkout's build, not a release`;
    case 'local':
      return 'local file, unsigned';
    case 'refused':
      return `REFUSED: ${provenance.reason}`;
    default: {
      const review =
        provenance.state === 'approved'
          ? `approved by ${provenance.approver ?? '?'}`
          : provenance.state === 'rejected'
            ? `rejected by ${provenance.approver ?? '?'}`
            : 'awaiting approval';
      const pin = provenance.pinned ? ', pinned' : '';
      return `${provenance.registry}: ${provenance.slug}@${provenance.version} signed by ${provenance.publisher} (${provenance.publisher_fingerprint}), ${review}${pin}`;
    }
  }
}
