import { z } from 'zod';
import { fsxListingJsonSchema } from './fsxJsonSchema.js';

const listed = z.array(z.record(z.string(), z.unknown()));

/** `storage list --json`: EFS file systems with access points, root and data volumes, Studio homes, FSx. */
export const storageListingJsonSchema = z
  .object({
    file_systems: listed,
    volumes: listed,
    data_volumes: listed,
    studio_homes: listed,
    notes: z.array(z.string()),
    fsx: fsxListingJsonSchema,
  })
  .meta({ id: 'StorageListing' });
