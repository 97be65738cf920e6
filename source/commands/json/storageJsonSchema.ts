import { z } from 'zod';

const listed = z.array(z.record(z.string(), z.unknown()));

/** `storage list --json`: EFS file systems with access points, root and data volumes, Studio homes. */
export const storageListingJsonSchema = z
  .object({
    file_systems: listed,
    volumes: listed,
    data_volumes: listed,
    studio_homes: listed,
    notes: z.array(z.string()),
  })
  .meta({ id: 'StorageListing' });
