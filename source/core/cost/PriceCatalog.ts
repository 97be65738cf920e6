import type { PriceQuote, StoragePriceQuote } from './PriceQuote.js';

export const STORAGE_KINDS = ['gp3', 'gp2', 'io2', 'efs'] as const;
/** An EBS volume type, or `efs` for EFS standard storage. */
export type StorageKind = (typeof STORAGE_KINDS)[number];

/**
 * Prices the app can look up synchronously while it renders or builds a report. The shipped snapshot
 * implements it; the Price List API catalog layers fresher EC2 prices over the snapshot.
 */
export interface PriceCatalog {
  /** $/hour of an EC2 type or a SageMaker `ml.*` type in a region; undefined when not known there. */
  instanceHourly(instanceType: string, region: string): PriceQuote | undefined;
  /** $/GB-month of an EBS volume type or EFS standard storage in a region. */
  storageMonthly(kind: StorageKind, region: string): StoragePriceQuote | undefined;
}

export function isStorageKind(value: string): value is StorageKind {
  return (STORAGE_KINDS as readonly string[]).includes(value);
}
