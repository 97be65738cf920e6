import type { FsxFileSystem } from '../../core/fsx/FsxFileSystem.js';
import { regionStoragePrices } from '../../core/fsx/regionStoragePrices.js';
import type { StoragePrices } from '../../core/fsx/storagePrices.js';
import {
  type AccessPoint,
  type CloudAccount,
  type FileSystem,
  type InstanceState,
  TAG,
} from '../../core/ports.js';
import {
  leftByStudioDomain,
  type StudioHomeFileSystem,
  studioHomeFileSystems,
} from '../../core/services/studioHomeFileSystems.js';
import { isRootVolume } from '../../core/volumes/volumeRules.js';
import { describeError } from '../describeError.js';

/** An EFS file system with the access points (one per research user) on it. */
export interface FileSystemWithAccessPoints extends FileSystem {
  access_points: AccessPoint[];
  /** A Studio home EFS a deleted domain left (SageMaker retains it): the domain's id. */
  left_by_domain?: string;
  /** What to know about it, with the command that deletes it. */
  note?: string;
}

/** A workstation's root EBS volume, as its instance describes it. */
export interface RootVolume {
  instance_id: string;
  instance_name: string;
  region: string;
  size_gb: number;
  volume_type: string;
  instance_state: InstanceState;
  /** Stopped by hibernation: its RAM is kept on this volume. */
  hibernated: boolean;
}

/** An EBS data volume the app made (`volumes create`), attached or not. */
export interface DataVolume {
  id: string;
  name: string;
  region: string;
  size_gb: number;
  volume_type: string;
  /** available, in-use, ... */
  state: string;
  /** The instance it is attached to, if any. */
  attached_to?: string;
}

/** The storage screen's view: managed file systems and the root volumes of managed instances. */
export interface StorageListing {
  file_systems: FileSystemWithAccessPoints[];
  /** The instances' root volumes. */
  volumes: RootVolume[];
  /** The app's data volumes (made with `volumes create`), from EBS. */
  data_volumes: DataVolume[];
  /** The home EFS SageMaker made for the app's Studio domain (SageMaker owns it; it is not tagged). */
  studio_homes: StudioHomeFileSystem[];
  /** The app's FSx for Lustre and OpenZFS file systems. */
  fsx: FsxFileSystem[];
  /** The FSx file systems' regions' prices (the Price List API's, else the snapshot's). */
  fsx_prices?: Record<string, StoragePrices>;
  /** What could not be listed (SageMaker without permission), while the rest was. */
  notes: string[];
}

/** Lists the app's storage in the regions, from the account's ports. */
export async function listStorage(
  account: CloudAccount,
  regions: readonly string[],
): Promise<StorageListing> {
  const notes: string[] = [];
  const [fileSystems, instances, studioHomes, ebsVolumes, fsx] = await Promise.all([
    account.storage.listFileSystems([...regions]),
    account.compute.listInstances({ regions: [...regions], tags: { [TAG.managed]: 'true' } }),
    studioHomeFileSystems(account.studio, regions).catch((error: unknown) => {
      notes.push(`SageMaker Studio's home file systems could not be listed: ${describeError(error).message}`);
      return [];
    }),
    account.blockStorage.listVolumes([...regions]).catch((error: unknown) => {
      notes.push(`EBS data volumes could not be listed: ${describeError(error).message}`);
      return [];
    }),
    account.fsx.listFileSystems(regions).catch((error: unknown) => {
      notes.push(`FSx file systems could not be listed: ${describeError(error).message}`);
      return [];
    }),
  ]);
  const live = fileSystems.filter(
    (fileSystem) => fileSystem.tags[TAG.managed] === 'true' && fileSystem.state !== 'deleted',
  );
  const withAccessPoints = await Promise.all(
    live.map(async (fileSystem): Promise<FileSystemWithAccessPoints> => {
      const withPoints: FileSystemWithAccessPoints = {
        ...fileSystem,
        access_points: await account.storage.listAccessPoints(fileSystem.region, fileSystem.id),
      };
      const domainId = leftByStudioDomain(fileSystem);
      if (domainId) {
        withPoints.left_by_domain = domainId;
        withPoints.note = `left by a deleted domain (${domainId}): delete with cws-tui storage delete ${fileSystem.id} --region ${fileSystem.region} --yes`;
      }
      return withPoints;
    }),
  );
  const volumes = instances.items
    .filter((instance) => instance.state !== 'terminated')
    .map(
      (instance): RootVolume => ({
        instance_id: instance.id,
        instance_name: instance.name,
        region: instance.region,
        size_gb: instance.root_volume_gb,
        volume_type: instance.root_volume_type,
        instance_state: instance.state,
        hibernated: instance.hibernated,
      }),
    );
  const dataVolumes = ebsVolumes
    .filter((volume) => !isRootVolume(volume) && volume.state !== 'deleted')
    .map(
      (volume): DataVolume => ({
        id: volume.id,
        name: volume.name,
        region: volume.region,
        size_gb: volume.size_gb,
        volume_type: volume.type,
        state: volume.state,
        ...(volume.attachments[0] ? { attached_to: volume.attachments[0].instance_id } : {}),
      }),
    );
  const fsxPrices: Record<string, StoragePrices> = {};
  for (const region of new Set(fsx.map((fs) => fs.region))) {
    fsxPrices[region] = await regionStoragePrices(account.storagePrices, region);
  }
  return {
    file_systems: withAccessPoints,
    volumes,
    data_volumes: dataVolumes,
    studio_homes: studioHomes,
    fsx,
    fsx_prices: fsxPrices,
    notes,
  };
}
