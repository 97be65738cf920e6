import { FSX_SHAPE_RULES, nearestCapacities } from './fsxShapeRules.js';
import { STORAGE_PRICES, type StoragePrices } from './storagePrices.js';

export const STORAGE_PATTERNS = ['hpc-scratch', 'ml-training', 'home', 'archive'] as const;
export type StoragePattern = (typeof STORAGE_PATTERNS)[number];

export interface StorageNeed {
  capacity_gib: number;
  throughput_mbps: number;
  access: 'shared' | 'single';
  pattern: StoragePattern;
  months: number;
}

/** One storage option the advisor weighed, with why it fits or does not. */
export interface StorageOption {
  option: string;
  fits: boolean;
  /** What rules it out, or what was sized up to fit. */
  notes: string[];
  provisioned_gib: number;
  throughput_mbps: number;
  latency: 'sub-ms' | 'ms' | 'tens of ms';
  durability: 'replicated' | 'one zone' | 'not replicated';
  monthly_usd: number;
  total_usd: number;
  /** A measured figure from `storage bench` for this kind of storage, when there is one. */
  measured_mbps?: number;
}

export interface StorageRecommendation {
  pick?: StorageOption;
  options: StorageOption[];
  explanation: string;
}

/**
 * Hours a month the workload streams at its throughput, by pattern: EFS's elastic throughput bills
 * each GB moved (80 % reads, 20 % writes assumed), so a busy workload pays for its bytes there.
 */
const ACTIVE_HOURS: Record<StoragePattern, number> = {
  'hpc-scratch': 200,
  'ml-training': 240,
  home: 20,
  archive: 1,
};
const READ_SHARE = 0.8;

function lustreSized(deployment: 'scratch2' | 'persistent2', need: StorageNeed, perTib: number) {
  const forThroughput = Math.ceil((need.throughput_mbps / perTib) * 1024);
  const wanted = Math.max(need.capacity_gib, forThroughput);
  const rule = FSX_SHAPE_RULES[deployment];
  const gib = nearestCapacities(rule, wanted).find((value) => value >= wanted) ?? rule.max_capacity_gib;
  return { gib, sizedUp: gib > need.capacity_gib, throughput: (gib / 1024) * perTib };
}

/**
 * Weighs EBS gp3/io2, EFS (standard elastic, infrequent access), FSx for Lustre (scratch,
 * persistent SSD, persistent HDD) and FSx for OpenZFS against a need, prices each from the
 * region's prices (the snapshot unless given) over the months asked, and picks the cheapest that fits the access, capacity,
 * throughput and durability the pattern needs.
 */
export function recommendStorage(
  need: StorageNeed,
  measured: Record<string, number> = {},
  prices: StoragePrices = STORAGE_PRICES,
): StorageRecommendation {
  const options: StorageOption[] = [];
  const p = prices;
  const add = (option: Omit<StorageOption, 'total_usd' | 'fits'> & { blockers: string[] }) => {
    const { blockers, ...rest } = option;
    const measuredMbps = measured[option.option];
    options.push({
      ...rest,
      notes: [...blockers, ...rest.notes],
      fits: blockers.length === 0,
      total_usd: rest.monthly_usd * need.months,
      ...(measuredMbps !== undefined ? { measured_mbps: measuredMbps } : {}),
    });
  };
  const shared = need.access === 'shared';
  const durable = need.pattern === 'home' || need.pattern === 'archive';
  const tooSlow = (max: number) => (need.throughput_mbps > max ? [`at most ${max} MB/s`] : []);
  const tooBig = (max: number) => (need.capacity_gib > max ? [`at most ${max} GiB`] : []);
  const singleOnly = shared ? ['one instance only (not shared)'] : [];

  const gp3Throughput = Math.min(Math.max(125, need.throughput_mbps), 1000);
  add({
    option: 'EBS gp3',
    blockers: [...singleOnly, ...tooBig(16_384), ...tooSlow(1000)],
    notes: [],
    provisioned_gib: need.capacity_gib,
    throughput_mbps: gp3Throughput,
    latency: 'sub-ms',
    durability: 'one zone',
    monthly_usd: need.capacity_gib * p.ebs.gp3_gb_month + (gp3Throughput - 125) * p.ebs.gp3_mbps_month,
  });
  // io2 at 256 KiB per I/O: four IOPS per MB/s.
  const io2Iops = Math.min(64_000, Math.max(100, need.throughput_mbps * 4));
  add({
    option: 'EBS io2',
    blockers: [...singleOnly, ...tooBig(65_536), ...tooSlow(4000)],
    notes: [`${io2Iops} IOPS provisioned`],
    provisioned_gib: need.capacity_gib,
    throughput_mbps: Math.min(4000, need.throughput_mbps),
    latency: 'sub-ms',
    durability: 'one zone',
    monthly_usd: need.capacity_gib * p.ebs.io2_gb_month + io2Iops * p.ebs.io2_iops_month,
  });
  const movedGb = (need.throughput_mbps * 3600 * ACTIVE_HOURS[need.pattern]) / 1000;
  const transfer = movedGb * (READ_SHARE * p.efs.elastic_read_gb + (1 - READ_SHARE) * p.efs.elastic_write_gb);
  add({
    option: 'EFS standard (elastic)',
    blockers: tooSlow(10_000),
    notes: [
      `elastic throughput: ${Math.round(movedGb)} GB moved in ${ACTIVE_HOURS[need.pattern]} busy hours a month`,
    ],
    provisioned_gib: need.capacity_gib,
    throughput_mbps: Math.min(10_000, need.throughput_mbps),
    latency: 'ms',
    durability: 'replicated',
    monthly_usd: need.capacity_gib * p.efs.standard_gb_month + transfer,
  });
  add({
    option: 'EFS infrequent access',
    blockers: need.pattern === 'archive' ? [] : ['for data read rarely (archive)'],
    notes: ['per-GB retrieval charges on each read'],
    provisioned_gib: need.capacity_gib,
    throughput_mbps: need.throughput_mbps,
    latency: 'tens of ms',
    durability: 'replicated',
    monthly_usd: need.capacity_gib * (p.efs.infrequent_access_gb_month + p.efs.elastic_read_gb),
  });
  const scratch = lustreSized('scratch2', need, 200);
  add({
    option: 'FSx Lustre scratch',
    blockers: [
      ...(durable ? ['not replicated: a lost server loses its data'] : []),
      ...(scratch.throughput < need.throughput_mbps
        ? [`at most ${Math.round(scratch.throughput)} MB/s`]
        : []),
    ],
    notes: scratch.sizedUp
      ? [`sized up to ${scratch.gib} GiB for ${Math.round(scratch.throughput)} MB/s`]
      : [],
    provisioned_gib: scratch.gib,
    throughput_mbps: scratch.throughput,
    latency: 'sub-ms',
    durability: 'not replicated',
    monthly_usd: scratch.gib * p.lustre.scratch2_gb_month,
  });
  const tiers = [125, 250, 500, 1000].map((perTib) => ({
    perTib,
    sized: lustreSized('persistent2', need, perTib),
  }));
  const persistent = tiers
    .map((tier) => ({ ...tier, usd: tier.sized.gib * (p.lustre.persistent2_gb_month[tier.perTib] ?? 0) }))
    .sort((a, b) => a.usd - b.usd)[0];
  if (persistent) {
    add({
      option: 'FSx Lustre persistent SSD',
      blockers:
        persistent.sized.throughput < need.throughput_mbps
          ? [`at most ${Math.round(persistent.sized.throughput)} MB/s`]
          : [],
      notes: [
        `${persistent.perTib} MB/s/TiB${persistent.sized.sizedUp ? `, sized up to ${persistent.sized.gib} GiB` : ''}`,
      ],
      provisioned_gib: persistent.sized.gib,
      throughput_mbps: persistent.sized.throughput,
      latency: 'sub-ms',
      durability: 'one zone',
      monthly_usd: persistent.usd,
    });
  }
  const hddGib = Math.max(6000, Math.ceil(need.capacity_gib / 6000) * 6000);
  add({
    option: 'FSx Lustre persistent HDD',
    blockers:
      need.throughput_mbps > (hddGib / 1024) * 40
        ? [`${Math.round((hddGib / 1024) * 40)} MB/s at 40 MB/s/TiB`]
        : [],
    notes: ['6 TiB steps, 40 MB/s/TiB'],
    provisioned_gib: hddGib,
    throughput_mbps: (hddGib / 1024) * 40,
    latency: 'ms',
    durability: 'one zone',
    monthly_usd: hddGib * (p.lustre.persistent1_hdd_gb_month[40] ?? 0),
  });
  const zfsRule = FSX_SHAPE_RULES['single-az-1'];
  const zfsThroughput = zfsRule.throughputs.find((level) => level >= need.throughput_mbps);
  add({
    option: 'FSx OpenZFS',
    blockers: [
      ...tooBig(zfsRule.max_capacity_gib),
      ...(zfsThroughput === undefined ? ['at most 4096 MB/s'] : []),
      // One file server: many clients streaming at once need Lustre's scale-out.
      ...(!durable && need.throughput_mbps >= 1000
        ? ['one file server: parallel jobs at 1 GB/s and more need Lustre']
        : []),
    ],
    notes: ['NFS, snapshots and clones, per-user quotas'],
    provisioned_gib: Math.max(zfsRule.min_capacity_gib, need.capacity_gib),
    throughput_mbps: zfsThroughput ?? 4096,
    latency: 'sub-ms',
    durability: 'one zone',
    monthly_usd:
      Math.max(zfsRule.min_capacity_gib, need.capacity_gib) * p.openzfs.ssd_gb_month +
      (zfsThroughput ?? 4096) * p.openzfs.throughput_mbps_month,
  });
  const ranked = options.filter((option) => option.fits).sort((a, b) => a.monthly_usd - b.monthly_usd);
  const pick = ranked[0];
  const runnerUp = ranked[1];
  const explanation = pick
    ? `${pick.option} is the cheapest that fits ${need.access} ${need.pattern} at ${need.capacity_gib} GiB and ${need.throughput_mbps} MB/s: $${pick.monthly_usd.toFixed(2)}/month, $${pick.total_usd.toFixed(2)} over ${need.months} month(s), ${pick.latency} latency, ${pick.durability}${runnerUp ? `; next is ${runnerUp.option} at $${runnerUp.monthly_usd.toFixed(2)}/month` : ''}.`
    : 'Nothing fits: lower the throughput or the capacity, or split the data.';
  return { ...(pick ? { pick } : {}), options, explanation };
}
