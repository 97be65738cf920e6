import { z } from 'zod';
import { lazySchema } from '../../../core/schema/lazySchema.js';
import { DemoStateFile } from '../DemoStateFile.js';

const stateSchema = lazySchema(() =>
  z.object({
    users: z.array(
      z.object({
        name: z.string(),
        role: z.enum(['ADMIN', 'AUTHOR', 'READER', 'ADMIN_PRO', 'AUTHOR_PRO', 'READER_PRO']),
        email: z.string(),
      }),
    ),
    assets: z.array(
      z.object({
        kind: z.enum(['datasource', 'dataset', 'dashboard']),
        id: z.string(),
        name: z.string(),
        region: z.string(),
        created_at: z.string(),
      }),
    ),
  }),
);

export type DemoQuickSightState = z.infer<typeof stateSchema>;

/** The demo QuickSight's registered users and created assets, in `demo-quicksight.json`. */
export const demoQuickSightStore = (stateDir: string) =>
  new DemoStateFile(
    stateDir,
    'demo-quicksight.json',
    stateSchema,
    (): DemoQuickSightState => ({
      users: [],
      assets: [],
    }),
  );
