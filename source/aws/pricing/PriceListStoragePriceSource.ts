import { PricingClient, type PricingClientConfig } from '@aws-sdk/client-pricing';
import type { StoragePriceList, StoragePriceSource } from '../../core/fsx/ports.js';
import { guardAwsReplies } from '../guardAwsReplies.js';
import { getPriceListProducts, PRICING_ENDPOINT_REGION, termMatch } from './getPriceListProducts.js';
import type { PriceListProduct } from './parsePriceListProduct.js';

/** `Persistent_2`, `Scratch_2`, `Single-AZ` as one comparable word: persistent2, scratch2, singleaz. */
function deployment(product: PriceListProduct): string {
  return (product.attributes.deploymentOption ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The MB/s/TiB level a Lustre price is for: `throughputCapacity`, else the level in `usagetype`. */
function throughputLevel(product: PriceListProduct): number | undefined {
  const stated = Number(product.attributes.throughputCapacity);
  if (Number.isFinite(stated) && stated > 0) return stated;
  const inUsage = /(\d+)\s*-?MB(?:ps|\/s)/i.exec(product.attributes.usagetype ?? '');
  return inUsage ? Number(inUsage[1]) : undefined;
}

const isGbMonth = (product: PriceListProduct) => /^GB-?Mo(nth)?$/i.test(product.unit);
const isStorage = (product: PriceListProduct) => product.product_family === 'Storage';
/** FSx lists backups as `Storage Snapshot` or `Backup`, by file system type. */
const isBackup = (product: PriceListProduct) => /backup|snapshot/i.test(product.product_family ?? '');
const storageType = (product: PriceListProduct) => (product.attributes.storageType ?? '').toUpperCase();

/** The first price each key is given wins: AWS lists one on-demand price per SKU. */
function keep<T extends object>(target: T, key: keyof T, usd: number): void {
  if (target[key] === undefined) target[key] = usd as T[keyof T];
}

function lustrePrices(products: PriceListProduct[], list: StoragePriceList): void {
  for (const product of products) {
    if (!isGbMonth(product)) continue;
    if (isBackup(product)) {
      keep(list.lustre, 'backup_gb_month', product.usd);
      continue;
    }
    if (!isStorage(product)) continue;
    const kind = deployment(product);
    const type = storageType(product);
    if (kind === 'scratch2' && type === 'SSD') keep(list.lustre, 'scratch2_gb_month', product.usd);
    const level = throughputLevel(product);
    if (level === undefined) continue;
    if (kind === 'persistent2' && type === 'SSD') list.lustre.persistent2_gb_month[level] ??= product.usd;
    if ((kind === 'persistent' || kind === 'persistent1') && type === 'HDD') {
      list.lustre.persistent1_hdd_gb_month[level] ??= product.usd;
    }
  }
}

function openZfsPrices(products: PriceListProduct[], list: StoragePriceList): void {
  for (const product of products) {
    // The advisor and `storage create` use Single-AZ 1; Single-AZ 2 and Multi-AZ price differently.
    const kind = deployment(product);
    if (kind !== 'singleaz' && kind !== 'singleaz1') continue;
    if (isGbMonth(product) && isBackup(product)) keep(list.openzfs, 'backup_gb_month', product.usd);
    else if (isGbMonth(product) && isStorage(product) && storageType(product) === 'SSD') {
      keep(list.openzfs, 'ssd_gb_month', product.usd);
    } else if (/throughput/i.test(product.product_family ?? '') && /^MBps/i.test(product.unit)) {
      keep(list.openzfs, 'throughput_mbps_month', product.usd);
    }
  }
}

/** EFS Regional storage classes (One Zone classes are not what the app creates). */
const EFS_CLASSES = {
  'General Purpose': 'standard_gb_month',
  'Infrequent Access': 'infrequent_access_gb_month',
  Archive: 'archive_gb_month',
} as const;

function efsPrices(products: PriceListProduct[], list: StoragePriceList): void {
  for (const product of products) {
    const storageClass = product.attributes.storageClass as keyof typeof EFS_CLASSES | undefined;
    const key =
      storageClass && Object.hasOwn(EFS_CLASSES, storageClass) ? EFS_CLASSES[storageClass] : undefined;
    if (key && isGbMonth(product) && isStorage(product)) keep(list.efs, key, product.usd);
  }
}

/**
 * FSx for Lustre, FSx for OpenZFS and EFS prices of a region from the AWS Price List API
 * (GetProducts for AmazonFSx and AmazonEFS), through the same paged reader as the EC2 prices.
 */
export class PriceListStoragePriceSource implements StoragePriceSource {
  constructor(private readonly client: PricingClient) {}

  async fetchStoragePrices(region: string): Promise<StoragePriceList> {
    const inRegion = (products: PriceListProduct[]) =>
      products.filter((p) => p.attributes.regionCode === undefined || p.attributes.regionCode === region);
    const fsx = (fileSystemType: string) =>
      getPriceListProducts(this.client, 'AmazonFSx', [
        termMatch('regionCode', region),
        termMatch('fileSystemType', fileSystemType),
      ]).then(inRegion);
    const lustre = await fsx('Lustre');
    const openZfs = await fsx('OpenZFS');
    const efs = inRegion(
      await getPriceListProducts(this.client, 'AmazonEFS', [
        termMatch('regionCode', region),
        termMatch('productFamily', 'Storage'),
      ]),
    );
    const list: StoragePriceList = {
      region,
      lustre: { persistent2_gb_month: {}, persistent1_hdd_gb_month: {} },
      openzfs: {},
      efs: {},
    };
    lustrePrices(lustre, list);
    openZfsPrices(openZfs, list);
    efsPrices(efs, list);
    if (lustre.length + openZfs.length + efs.length === 0) {
      throw new Error(`the Price List API lists no FSx or EFS prices for ${region}`);
    }
    return list;
  }
}

/** The storage price source of a session's client configuration, on the us-east-1 endpoint. */
export function createPriceListStoragePriceSource(config: PricingClientConfig): PriceListStoragePriceSource {
  return new PriceListStoragePriceSource(
    guardAwsReplies(new PricingClient({ ...config, region: PRICING_ENDPOINT_REGION })),
  );
}
