import type { InstanceTypeInfo } from '../../core/catalog/InstanceTypeInfo.js';
import { findInstanceType, listInstanceTypes } from '../../core/catalog/instanceTypes.js';
import type { PriceCatalog } from '../../core/cost/PriceCatalog.js';
import type { StoragePrices } from '../../core/fsx/storagePrices.js';
import { type TemplateStorageAdvice, templateStorageAdvice } from '../../core/fsx/templateStorageAdvice.js';
import { chooseInstanceType } from '../../core/launch/chooseInstanceType.js';
import { DEFAULT_ROOT_VOLUME_GB } from '../../core/launch/launchChecks.js';
import type { FileSystem } from '../../core/ports.js';
import type { ResolvedTemplate } from '../../core/templates/templateSchema.js';
import { templateSizes } from '../../core/templates/templateSizes.js';

/** One size or instance type the wizard offers, with what it is and what it costs. */
export interface InstanceChoice {
  /** The template's size name; absent for a type picked from the catalog. */
  size?: string;
  instance_type: string;
  info?: InstanceTypeInfo;
  /** On-demand $/h in the launch region; absent when no price is known. */
  hourly?: number;
}

/** What a template may be launched with: the wizard's size and storage steps. */
export interface LaunchChoices {
  region: string;
  /** The template's sizes, in its order: its own, else the global sizes from its minimum up. */
  sizes: InstanceChoice[];
  /** Every catalog type of the template's architecture, cheapest first (EC2 templates only). */
  instance_types: InstanceChoice[];
  /** What the pipeline picks when neither a size nor a type is given. */
  default_instance_type: string;
  /** The template's root volume, or the pipeline's default. */
  default_root_volume_gb: number;
  /** EFS file systems in the launch region that can be mounted now. */
  file_systems: FileSystem[];
  /** The advisor on the file system the template declares (its `storage:` section), if any. */
  storage_advice?: TemplateStorageAdvice;
}

/**
 * What the catalog says of a type. SageMaker's `ml.*` types are listed under their own name; one
 * the catalog lists only without the prefix is described by its EC2 twin.
 */
function describeType(instanceType: string): InstanceTypeInfo | undefined {
  return (
    findInstanceType(instanceType) ??
    (instanceType.startsWith('ml.') ? findInstanceType(instanceType.slice(3)) : undefined)
  );
}

/** The sizes, types and file systems a template can be launched with in `region`, each priced. */
export function launchChoices(
  template: ResolvedTemplate,
  region: string,
  prices: PriceCatalog,
  fileSystems: readonly FileSystem[],
  /** The launch region's FSx and EFS prices for the storage advice; the snapshot's by default. */
  storagePrices?: StoragePrices,
): LaunchChoices {
  const priced = (instanceType: string, size?: string): InstanceChoice => {
    const info = describeType(instanceType);
    const hourly = prices.instanceHourly(instanceType, region)?.usd_per_hour;
    return {
      ...(size === undefined ? {} : { size }),
      instance_type: instanceType,
      ...(info ? { info } : {}),
      ...(hourly === undefined ? {} : { hourly }),
    };
  };
  const managedService = template.service_config !== undefined;
  const instanceTypes = managedService
    ? []
    : listInstanceTypes()
        // SageMaker's ml.* types are not EC2 types.
        .filter((info) => !info.name.startsWith('ml.'))
        .filter((info) => !template.architecture || info.architecture === template.architecture)
        .map((info) => priced(info.name))
        .sort(
          (a, b) =>
            (a.hourly ?? Number.POSITIVE_INFINITY) - (b.hourly ?? Number.POSITIVE_INFINITY) ||
            a.instance_type.localeCompare(b.instance_type),
        );
  return {
    region,
    sizes: Object.entries(templateSizes(template)).map(([size, type]) => priced(type, size)),
    instance_types: instanceTypes,
    default_instance_type: managedService
      ? (template.instance_defaults?.type ?? Object.values(template.sizes ?? {})[0] ?? '')
      : chooseInstanceType(template, {}),
    default_root_volume_gb: template.instance_defaults?.root_volume_gb ?? DEFAULT_ROOT_VOLUME_GB,
    file_systems: fileSystems.filter((fs) => fs.region === region && fs.state === 'available'),
    ...(template.storage
      ? { storage_advice: templateStorageAdvice(template.slug, template.storage, {}, storagePrices) }
      : {}),
  };
}
