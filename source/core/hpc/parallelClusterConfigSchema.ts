import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';

/**
 * The part of ParallelCluster 3's cluster configuration file the app writes, checked strictly: the
 * key names, required keys, enums and limits from the "Cluster configuration file" reference of
 * the version the app targets (PARALLELCLUSTER_VERSION). No npm package publishes ParallelCluster's
 * own JSON schema (it lives in the Python package), so this is the schema test of what we emit.
 */
export const PARALLELCLUSTER_VERSION = '3.16.1';

const name = lazySchema(() => z.string().regex(/^[a-z][a-z0-9-]{0,24}$/));
const tag = lazySchema(() =>
  z.strictObject({
    Key: z
      .string()
      .min(1)
      .max(128)
      .refine((key) => !key.startsWith('parallelcluster:'), 'parallelcluster: tags are reserved'),
    Value: z.string().max(256),
  }),
);

const computeResource = lazySchema(() =>
  z.strictObject({
    Name: name,
    Instances: z.array(z.strictObject({ InstanceType: z.string().min(1) })).length(1),
    MinCount: z.number().int().min(0),
    MaxCount: z.number().int().min(1),
    Efa: z.strictObject({ Enabled: z.boolean() }).optional(),
  }),
);

const slurmQueue = lazySchema(() =>
  z.strictObject({
    Name: name,
    CapacityType: z.enum(['ONDEMAND', 'SPOT']),
    Networking: z.strictObject({
      SubnetIds: z.array(z.string().regex(/^subnet-[0-9a-f]+$/)).length(1),
      PlacementGroup: z.strictObject({ Enabled: z.boolean() }).optional(),
    }),
    ComputeResources: z.array(computeResource).min(1).max(40),
    // Scheduling/SlurmQueues/CustomActions: a script URL (S3 or HTTPS) run after the node's bootstrap.
    CustomActions: z
      .strictObject({
        OnNodeConfigured: z.strictObject({
          Script: z.string().regex(/^(s3|https):\/\/\S+$/),
          Args: z.array(z.string()).optional(),
        }),
      })
      .optional(),
    Iam: z
      .strictObject({
        S3Access: z
          .array(
            z.strictObject({
              BucketName: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/),
              KeyName: z.string().min(1).optional(),
              EnableWriteAccess: z.boolean().optional(),
            }),
          )
          .min(1),
      })
      .optional(),
  }),
);

const sharedStorage = lazySchema(() =>
  z.discriminatedUnion('StorageType', [
    z.strictObject({
      MountDir: z.string().startsWith('/'),
      Name: z.string().min(1).max(30),
      StorageType: z.literal('Efs'),
      EfsSettings: z.strictObject({ FileSystemId: z.string().regex(/^fs-[0-9a-f]+$/) }).optional(),
    }),
    z.strictObject({
      MountDir: z.string().startsWith('/'),
      Name: z.string().min(1).max(30),
      StorageType: z.literal('FsxLustre'),
      FsxLustreSettings: z.strictObject({ FileSystemId: z.string().regex(/^fs-[0-9a-f]+$/) }),
    }),
  ]),
);

export const parallelClusterConfigSchema = lazySchema(() =>
  z.strictObject({
    Region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
    Image: z.strictObject({
      Os: z.enum(['alinux2023', 'alinux2', 'ubuntu2204', 'ubuntu2404', 'rhel9', 'rocky9']),
    }),
    HeadNode: z.strictObject({
      InstanceType: z.string().min(1),
      Networking: z.strictObject({ SubnetId: z.string().regex(/^subnet-[0-9a-f]+$/) }),
      Ssh: z.strictObject({ KeyName: z.string().min(1) }).optional(),
      LocalStorage: z
        .strictObject({ RootVolume: z.strictObject({ Size: z.number().int().min(35) }) })
        .optional(),
      Iam: z.strictObject({
        AdditionalIamPolicies: z.array(z.strictObject({ Policy: z.string().startsWith('arn:') })),
      }),
    }),
    Scheduling: z.strictObject({
      Scheduler: z.literal('slurm'),
      SlurmSettings: z.strictObject({
        ScaledownIdletime: z.number().int().min(1),
        QueueUpdateStrategy: z.enum(['COMPUTE_FLEET_STOP', 'DRAIN', 'TERMINATE']),
      }),
      SlurmQueues: z.array(slurmQueue).min(1).max(50),
    }),
    SharedStorage: z.array(sharedStorage).max(20).optional(),
    Tags: z.array(tag).max(40).optional(),
  }),
);

export type ParallelClusterConfig = z.infer<typeof parallelClusterConfigSchema>;
