/**
 * Where a registry keeps its files: an S3 prefix or a directory. Keys are `/`-separated paths below
 * the registry's root (see registryKeys). Adapters throw MarketplaceRefusal-free errors only for
 * transport problems; a missing object is `undefined`, never an error.
 */
export interface RegistryStore {
  /** `s3://bucket/prefix` or the directory, for messages. */
  readonly location: string;
  get(key: string): Promise<Buffer | undefined>;
  /**
   * Writes an object. With `ifAbsent`, an existing object is left as it is and `false` returned:
   * how a release stays immutable.
   */
  put(key: string, bytes: Uint8Array, options?: { ifAbsent?: boolean }): Promise<boolean>;
  /** Keys below a prefix. */
  list(prefix: string): Promise<string[]>;
}

/** Opens the store of a registry location; the account decides which adapter serves which scheme. */
export type RegistryStoreOpener = (location: string) => RegistryStore;
