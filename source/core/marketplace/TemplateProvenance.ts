/**
 * Where an installed template came from and whether that still holds, as re-checked at every load.
 *  - builtin: shipped with cws-tui
 *  - local: a file of the user's own, unsigned
 *  - approved / submitted / rejected: a verified marketplace release and its review state
 *  - refused: it claims to be a marketplace release but does not verify (the reason says why)
 */
export type TemplateProvenance =
  | { state: 'builtin' }
  | { state: 'local' }
  | {
      state: 'approved' | 'submitted' | 'rejected';
      registry: string;
      slug: string;
      version: string;
      publisher: string;
      publisher_fingerprint: string;
      approver?: string;
      reviewed_at?: string;
      pinned: boolean;
      installed_at: string;
    }
  | { state: 'refused'; reason: string; registry?: string };

export function describeProvenance(provenance: TemplateProvenance): string {
  switch (provenance.state) {
    case 'builtin':
      return 'built-in';
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
