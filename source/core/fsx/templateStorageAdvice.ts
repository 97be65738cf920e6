import type { TemplateStorage } from '../templates/templateStorageSchema.js';
import { FSX_SHAPE_RULES } from './fsxShapeRules.js';
import { formatGib } from './parseStorageAmounts.js';
import { recommendStorage, type StorageRecommendation } from './recommendStorage.js';
import { STORAGE_PRICES, type StoragePrices } from './storagePrices.js';

/** The advisor's word on the file system a template declares, as the wizard's storage step shows it. */
export interface TemplateStorageAdvice {
  /** What the template asks for: `lustre scratch2, 1200 GiB, 200 MB/s/TiB`. */
  declared: string;
  recommendation: StorageRecommendation;
  /** The command that creates what the template declares (launch then mounts it with --fsx). */
  create_command: string;
}

const DAYS_A_MONTH = 30;

/**
 * Runs the advisor on a template's `storage:` section, as `storage recommend` would with its
 * figures: shared access (a file system), the template's pattern, and its lifetime in months.
 */
export function templateStorageAdvice(
  slug: string,
  storage: TemplateStorage,
  measured: Record<string, number> = {},
  prices: StoragePrices = STORAGE_PRICES,
): TemplateStorageAdvice {
  const deployment = storage.type === 'openzfs' ? 'single-az-1' : (storage.deployment ?? 'scratch2');
  const rule = FSX_SHAPE_RULES[deployment];
  const capacity = storage.capacity_gib ?? rule.default_capacity_gib;
  const throughput = storage.throughput ?? rule.default_throughput;
  const totalMbps = storage.type === 'lustre' ? Math.round((throughput * capacity) / 1024) : throughput;
  const recommendation = recommendStorage(
    {
      capacity_gib: capacity,
      throughput_mbps: totalMbps,
      access: 'shared',
      pattern: storage.pattern ?? (storage.type === 'lustre' ? 'hpc-scratch' : 'home'),
      months: Math.max(1, Math.ceil((storage.lifetime_days ?? DAYS_A_MONTH) / DAYS_A_MONTH)),
    },
    measured,
    prices,
  );
  const flags = [
    `--type ${storage.type}`,
    ...(storage.type === 'lustre' ? [`--deployment ${deployment}`] : []),
    `--capacity ${capacity}`,
    ...(rule.throughput_settable ? [`--throughput ${throughput}`] : []),
    ...(storage.s3 ? [`--s3 ${storage.s3}`] : []),
    ...(storage.import ? ['--import'] : []),
    ...(storage.export ? ['--export'] : []),
    ...(storage.compression ? [`--compression ${storage.compression}`] : []),
  ];
  return {
    declared: `${storage.type} ${deployment}, ${formatGib(capacity)}, ${throughput} ${rule.throughput_unit}`,
    recommendation,
    create_command: `cws-tui storage create ${slug}-data ${flags.join(' ')}`,
  };
}
