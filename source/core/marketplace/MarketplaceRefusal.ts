/**
 * A template, signature, review or index the marketplace will not trust, with the reason in words a
 * user can act on. Commands print it as it stands and exit 3 (denied).
 */
export class MarketplaceRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MarketplaceRefusal';
  }
}
