import { describe, expect, it } from 'vitest';
import type { FsxFileSystem } from '../../../source/core/fsx/FsxFileSystem.js';
import { fsxCostContributor } from '../../../source/core/fsx/fsxCostContributor.js';
import { fsxListing } from '../../../source/core/fsx/fsxListing.js';
import { fsxMonthlyCost } from '../../../source/core/fsx/fsxMonthlyCost.js';
import { cachedStoragePrices } from '../../../source/core/fsx/loadStoragePrices.js';
import type { FsxPort, StoragePriceList, StoragePriceSource } from '../../../source/core/fsx/ports.js';
import { recommendStorage } from '../../../source/core/fsx/recommendStorage.js';
import {
  efsWithoutIaFindings,
  overProvisionedThroughputFindings,
} from '../../../source/core/fsx/storageCostFindings.js';
import { STORAGE_PRICES } from '../../../source/core/fsx/storagePrices.js';
import { templateStorageAdvice } from '../../../source/core/fsx/templateStorageAdvice.js';
import type { CloudAccount } from '../../../source/core/ports.js';

/** Frankfurt lists every storage price 20 % above us-east-1's (as the Price List API would). */
function listFor(region: string): StoragePriceList {
  const scale = region === 'eu-central-1' ? 1.2 : 1;
  const s = STORAGE_PRICES;
  const levels = (table: Record<number, number>) =>
    Object.fromEntries(Object.entries(table).map(([level, usd]) => [level, usd * scale]));
  return {
    region,
    lustre: {
      scratch2_gb_month: s.lustre.scratch2_gb_month * scale,
      persistent2_gb_month: levels(s.lustre.persistent2_gb_month),
      persistent1_hdd_gb_month: levels(s.lustre.persistent1_hdd_gb_month),
      backup_gb_month: s.lustre.backup_gb_month * scale,
    },
    openzfs: {
      ssd_gb_month: s.openzfs.ssd_gb_month * scale,
      throughput_mbps_month: s.openzfs.throughput_mbps_month * scale,
      backup_gb_month: s.openzfs.backup_gb_month * scale,
    },
    efs: {
      standard_gb_month: s.efs.standard_gb_month * scale,
      infrequent_access_gb_month: s.efs.infrequent_access_gb_month * scale,
      archive_gb_month: s.efs.archive_gb_month * scale,
    },
  };
}

function fakeSource() {
  const asked: string[] = [];
  const source: StoragePriceSource = {
    async fetchStoragePrices(region) {
      asked.push(region);
      return listFor(region);
    },
  };
  return { asked, source };
}

function fileSystem(id: string, region: string): FsxFileSystem {
  return {
    id,
    name: id,
    region,
    type: 'lustre',
    deployment: 'persistent2',
    state: 'available',
    capacity_gib: 2400,
    throughput: 250,
    dns_name: `${id}.fsx.${region}.amazonaws.com`,
    backup_retention_days: 0,
    created_at: '2026-12-01T00:00:00.000Z',
    tags: {},
  };
}

describe("a region's own storage prices", () => {
  it("prices the advisor in eu-central-1 at its prices, not us-east-1's", async () => {
    const { source } = fakeSource();
    const port = cachedStoragePrices({ source: async () => source });
    const frankfurt = await port.pricesFor('eu-central-1');
    expect(frankfurt).toMatchObject({ region: 'eu-central-1', source: 'api' });
    const need = {
      capacity_gib: 20 * 1024,
      throughput_mbps: 2000,
      access: 'shared' as const,
      pattern: 'hpc-scratch' as const,
      months: 3,
    };
    const home = recommendStorage(need, {}, await port.pricesFor('us-east-1'));
    const away = recommendStorage(need, {}, frankfurt);
    expect(away.pick?.option).toBe(home.pick?.option);
    expect(away.pick?.monthly_usd).toBeCloseTo((home.pick?.monthly_usd ?? 0) * 1.2, 6);
    expect(recommendStorage(need).pick?.monthly_usd).toBeCloseTo(home.pick?.monthly_usd ?? 0, 6);
  });

  it('asks the API once per region a session, and prices each FSx cost line at its region', async () => {
    const { asked, source } = fakeSource();
    const fileSystems = [
      fileSystem('fs-0aaa', 'us-east-1'),
      fileSystem('fs-0bbb', 'eu-central-1'),
      fileSystem('fs-0ccc', 'eu-central-1'),
    ];
    const fsx = { listFileSystems: async () => fileSystems } as unknown as FsxPort;
    const account = {
      fsx,
      storagePrices: cachedStoragePrices({ source: async () => source }),
    } as unknown as CloudAccount;
    const { resources } = await fsxCostContributor.list(account, ['us-east-1', 'eu-central-1']);
    expect(asked.sort()).toEqual(['eu-central-1', 'us-east-1']);
    const hourly = Object.fromEntries(
      resources.map((resource) => [resource.id, resource.kind === 'metered' ? resource.usd_per_hour : 0]),
    );
    expect(hourly['fs-0bbb']).toBeCloseTo((hourly['fs-0aaa'] ?? 0) * 1.2, 9);
    expect(resources.map((resource) => resource.kind === 'metered' && resource.price_source)).toEqual([
      'api',
      'api',
      'api',
    ]);
    const frankfurtLine = resources.find((resource) => resource.id === 'fs-0bbb');
    expect(frankfurtLine?.kind === 'metered' && frankfurtLine.notes?.[0]).toContain(
      "from the Price List API's eu-central-1 prices",
    );
    await account.storagePrices?.pricesFor('eu-central-1');
    expect(asked).toHaveLength(2);
  });

  it('prices FSx at the snapshot when the account has no price port, saying so', async () => {
    const fsx = {
      listFileSystems: async () => [fileSystem('fs-0ddd', 'eu-central-1')],
    } as unknown as FsxPort;
    const { resources } = await fsxCostContributor.list({ fsx } as unknown as CloudAccount, ['eu-central-1']);
    const line = resources[0];
    expect(line?.kind === 'metered' && line.price_source).toBe('snapshot');
    expect(line?.kind === 'metered' && line.notes?.[0]).toContain(
      "AWS's published us-east-1 prices (snapshot",
    );
    expect(fsxMonthlyCost(fileSystem('fs-0ddd', 'eu-central-1')).total_usd).toBeCloseTo(2400 * 0.21, 6);
  });

  it('falls back to the snapshot with a note when the Pricing SDK cannot even load', async () => {
    const port = cachedStoragePrices({ source: () => Promise.reject(new Error('module not found')) });
    const prices = await port.pricesFor('eu-central-1');
    expect(prices).toMatchObject({ source: 'snapshot', region: 'us-east-1' });
    expect(prices.note).toBe(
      "Price List API unavailable for eu-central-1 (module not found); snapshot prices, not eu-central-1's",
    );
  });

  it("prices storage findings' savings at each file system's region", async () => {
    const { source } = fakeSource();
    const port = cachedStoragePrices({ source: async () => source });
    const loaded = new Map([
      ['us-east-1', await port.pricesFor('us-east-1')],
      ['eu-central-1', await port.pricesFor('eu-central-1')],
    ]);
    const pricesOf = (region: string) => loaded.get(region) ?? STORAGE_PRICES;
    const throughput = overProvisionedThroughputFindings(
      [
        { file_system: fileSystem('fs-0aaa', 'us-east-1'), peak_mbps: 100 },
        { file_system: fileSystem('fs-0bbb', 'eu-central-1'), peak_mbps: 100 },
      ],
      pricesOf,
    );
    const saving = (id: string) => throughput.find((f) => f.file_system_id === id)?.monthly_saving_usd ?? 0;
    // 2400 GiB from 250 to 125 MB/s/TiB: (0.21 - 0.145) a GB-month, 20 % more in Frankfurt.
    expect(saving('fs-0aaa')).toBeCloseTo(2400 * 0.065, 2);
    expect(saving('fs-0bbb')).toBeCloseTo(2400 * 0.065 * 1.2, 2);
    const efs = efsWithoutIaFindings(
      [
        {
          file_system: {
            id: 'fs-0eee',
            name: 'home',
            region: 'eu-central-1',
            state: 'available',
            size_bytes: 100 * 1024 ** 3,
            created_at: '2026-12-01T00:00:00.000Z',
            tags: {},
          },
          ia_days: undefined,
        },
      ],
      pricesOf,
    );
    expect(efs[0]?.monthly_saving_usd).toBeCloseTo(100 * (0.3 - 0.016) * 1.2, 2);
  });

  it("gives the wizard's storage advice at the launch region's prices", async () => {
    const { source } = fakeSource();
    const port = cachedStoragePrices({ source: async () => source });
    const storage = { type: 'lustre' as const, capacity_gib: 2400, pattern: 'hpc-scratch' as const };
    const home = templateStorageAdvice('hpc', storage).recommendation.pick;
    const away = templateStorageAdvice('hpc', storage, {}, await port.pricesFor('eu-central-1'))
      .recommendation.pick;
    expect(away?.option).toBe(home?.option);
    expect(away?.monthly_usd).toBeCloseTo((home?.monthly_usd ?? 0) * 1.2, 6);
  });

  it("lists each FSx file system's monthly price at its region's prices", async () => {
    const { source } = fakeSource();
    const port = cachedStoragePrices({ source: async () => source });
    const listed = fsxListing(
      [fileSystem('fs-0aaa', 'us-east-1'), fileSystem('fs-0bbb', 'eu-central-1')],
      [],
      {
        'eu-central-1': await port.pricesFor('eu-central-1'),
      },
    );
    expect(listed.map((fs) => fs.monthly_usd)).toEqual([504, 604.8]);
  });
});
