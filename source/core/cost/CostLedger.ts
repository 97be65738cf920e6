import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { jsonArrayInLines, readJsonArrayInLines } from '../fs/jsonArrayInLines.js';
import { readJsonFileOrSetAside } from '../fs/readJsonFileOrSetAside.js';
import { uniqueBackupPath } from '../fs/uniqueBackupPath.js';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import { INSTANCE_STATES } from '../ports.js';
import { lazySchema } from '../schema/lazySchema.js';
import { TimeSlicer } from '../slicing/TimeSlicer.js';
import { shareEqualStrings } from '../text/shareEqualStrings.js';
import type { CostResource } from './CostResource.js';

const transitionSchema = lazySchema(() =>
  z.object({ at: z.string(), state: z.enum([...INSTANCE_STATES, 'hibernated']) }),
);
const quoteSchema = lazySchema(() =>
  z.object({
    usd_per_hour: z.number(),
    source: z.enum(['snapshot', 'api', 'spot']),
    as_of: z.string(),
    note: z.string().optional(),
  }),
);
const ledgerEntrySchema = lazySchema(() =>
  z.object({
    last_seen: z.string(),
    resource: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('instance'),
        id: z.string(),
        name: z.string(),
        region: z.string(),
        instance_type: z.string(),
        root_volume_gb: z.number(),
        root_volume_type: z.string(),
        spot: z.boolean().optional(),
        spot_price: quoteSchema.optional(),
        transitions: z.array(transitionSchema),
        history_note: z.string().optional(),
      }),
      z.object({
        kind: z.literal('metered'),
        service: z.string(),
        id: z.string(),
        name: z.string(),
        region: z.string(),
        usd_per_hour: z.number(),
        usd_per_hour_stopped: z.number().optional(),
        price_source: z.enum(['snapshot', 'api', 'spot']),
        transitions: z.array(transitionSchema),
        charges: z.array(z.object({ at: z.string(), usd: z.number(), what: z.string() })).optional(),
        notes: z.array(z.string()).optional(),
      }),
      z.object({
        kind: z.literal('file-system'),
        id: z.string(),
        name: z.string(),
        region: z.string(),
        size_gb: z.number(),
        created_at: z.string(),
        deleted_at: z.string().optional(),
      }),
    ]),
  }),
);
const ledgerFileSchema = lazySchema(() =>
  z.object({ version: z.literal(1), entries: z.array(ledgerEntrySchema) }),
);
type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/** Spend of last month is still shown early in this one; anything older is dropped. */
const RETENTION_MS = 62 * 86_400_000;

/** One ledger per profile (and account kind), so that resources of different accounts never mix. */
export function costLedgerFile(stateDir: string, ledgerKey: string): string {
  return join(stateDir, 'cost-ledger', `${ledgerKey.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`);
}

export interface LedgerMerge {
  /** The listed resources, with their observed histories, plus those AWS no longer lists. */
  resources: CostResource[];
  warning?: string;
}

function entryKey(resource: CostResource): string {
  return `${resource.kind}:${resource.region}:${resource.id}`;
}

function lastState(resource: CostResource & { kind: 'instance' | 'metered' }): string | undefined {
  return resource.transitions.at(-1)?.state;
}

/** When a resource stopped costing: its termination, deletion, or when it was last seen. */
function endOf(entry: LedgerEntry): number {
  const resource = entry.resource;
  if (resource.kind === 'file-system') return Date.parse(resource.deleted_at ?? entry.last_seen);
  const last = resource.transitions.at(-1);
  return last?.state === 'terminated' ? Date.parse(last.at) : Date.parse(entry.last_seen);
}

/**
 * What the app has seen of its resources, kept in the state dir, so that the month's spend survives
 * AWS forgetting a terminated instance (after about an hour) or a deleted file system, and so that
 * state changes seen by refreshes build a history where AWS reports only the current state.
 */
export class CostLedger {
  readonly file: string;
  /**
   * The entries this process last wrote (or read), with the file's size and mtime then: the next
   * refresh parses and validates 10,000 entries again only when another process changed the file.
   */
  private kept: { entries: LedgerEntry[]; size: number; mtimeMs: number } | undefined;

  constructor(file: string) {
    this.file = file;
  }

  private async read(): Promise<{ entries: LedgerEntry[]; warning?: string }> {
    const now = await fileStamp(this.file);
    const kept = this.kept;
    if (kept && now && now.size === kept.size && now.mtimeMs === kept.mtimeMs)
      return { entries: kept.entries };
    this.kept = undefined;
    const inLines = await readLedgerInLines(this.file);
    if (inLines === 'missing') return { entries: [] };
    if (inLines) {
      if (now) this.kept = { entries: inLines, ...now };
      return { entries: inLines };
    }
    const read = await readJsonFileOrSetAside(this.file, ledgerFileSchema, uniqueBackupPath(this.file));
    if (read.status === 'read') {
      if (now) this.kept = { entries: read.data.entries, ...now };
      return { entries: read.data.entries };
    }
    if (read.status === 'missing') return { entries: [] };
    return {
      entries: [],
      warning: `The cost ledger ${this.file} was unreadable (${read.reason}); it was kept as ${read.backup}, and spend of resources AWS no longer lists is missing this month.`,
    };
  }

  /**
   * Records the resources listed at `now` in `regions` and returns them with those no longer listed
   * (a resource of a region not listed this time is kept as it was, neither closed nor returned).
   */
  async merge(
    listed: readonly CostResource[],
    regions: readonly string[],
    now: Date,
    slicer = new TimeSlicer(),
  ): Promise<LedgerMerge> {
    const { entries, warning } = await this.read();
    const seenAt = now.toISOString();
    const previous = new Map<string, LedgerEntry>();
    await slicer.forEach(entries, (entry) => previous.set(entryKey(entry.resource), entry));
    const merged: LedgerEntry[] = [];
    // The entries are changed in place below: until the file holds them, none are kept.
    this.kept = undefined;
    await slicer.forEach(listed, (resource) => {
      const key = entryKey(resource);
      const known = previous.get(key);
      previous.delete(key);
      const observed = withObservedHistory(resource, known?.resource, seenAt);
      // An unchanged resource (the same object, as listings of unchanged instances give) keeps its
      // entry, seen now: 10,000 new entries every cost refresh were garbage a refresh later.
      if (known?.resource === observed) {
        known.last_seen = seenAt;
        merged.push(known);
      } else {
        merged.push({ last_seen: seenAt, resource: observed });
      }
    });
    const elsewhere: LedgerEntry[] = [];
    for (const entry of previous.values()) {
      if (regions.includes(entry.resource.region)) {
        merged.push({ last_seen: entry.last_seen, resource: closed(entry) });
      } else {
        elsewhere.push(entry);
      }
    }
    const recent = (entry: LedgerEntry) => now.getTime() - endOf(entry) <= RETENTION_MS;
    const kept = merged.filter(recent);
    const entriesToKeep = [...kept, ...elsewhere.filter(recent)];
    await writeFileAtomic(this.file, ledgerFileText(entriesToKeep));
    const written = await fileStamp(this.file);
    this.kept = written ? { entries: entriesToKeep, ...written } : undefined;
    const result: LedgerMerge = { resources: kept.map((entry) => entry.resource) };
    if (warning) result.warning = warning;
    return result;
  }
}

/**
 * Entries serialized per piece of the ledger file's text: about 30 KB, so that few pieces and their
 * bytes stand in memory at once while the cost refresh runs.
 */
const ENTRIES_PER_PIECE = 100;

/**
 * The ledger file's text, one entry per line, written as it comes: the 3 MB text of 10,000 entries
 * never stands in memory whole beside the report being built, and the next session reads it back
 * entry by entry (`readLedgerInLines`).
 */
function ledgerFileText(entries: readonly LedgerEntry[]): AsyncGenerator<string> {
  return jsonArrayInLines({ version: 1 }, 'entries', entries, ENTRIES_PER_PIECE);
}

/**
 * The entries of a ledger in the line layout, each checked on its own and kept as parsed (its strings
 * shared with the entries before it): the text, the parsed tree and a checked copy of 10,000 entries
 * never stand in memory at once, which at 10,000 workstations set the session's peak. Undefined for
 * a file in another layout or not valid, which is then read whole (and set aside if broken).
 */
async function readLedgerInLines(file: string): Promise<LedgerEntry[] | 'missing' | undefined> {
  const strings = new Map<string, string>();
  const read = await readJsonArrayInLines(file, 'entries', (record) =>
    ledgerEntrySchema.safeParse(record).success
      ? shareEqualStrings(record as LedgerEntry, strings)
      : undefined,
  ).catch(() => undefined);
  if (read === 'missing' || read === undefined) return read;
  return ledgerFileSchema.safeParse(read.head).success ? read.records : undefined;
}

async function fileStamp(file: string): Promise<{ size: number; mtimeMs: number } | undefined> {
  return stat(file).then(
    ({ size, mtimeMs }) => ({ size, mtimeMs }),
    () => undefined,
  );
}

/**
 * A listed instance whose history AWS did not give (only its current state) continues the history
 * the ledger observed, with the current state from now if it changed.
 */
function withObservedHistory(
  resource: CostResource,
  known: CostResource | undefined,
  seenAt: string,
): CostResource {
  if (resource.kind === 'metered')
    return known?.kind === 'metered' ? withKeptCharges(resource, known) : resource;
  if (resource.kind !== 'instance' || !resource.history_note || known?.kind !== 'instance') return resource;
  const current = resource.transitions.at(-1);
  if (!current || lastState(known) === current.state) return { ...resource, transitions: known.transitions };
  return { ...resource, transitions: [...known.transitions, { at: seenAt, state: current.state }] };
}

/**
 * A service lists only its recent charges (Athena's query history ages out): the ones the ledger
 * saw before and the listing no longer has stay counted.
 */
function withKeptCharges(
  resource: CostResource & { kind: 'metered' },
  known: CostResource & { kind: 'metered' },
): CostResource {
  if (!known.charges?.length) return resource;
  const key = (charge: { at: string; what: string }) => `${charge.at}\u0000${charge.what}`;
  const listed = new Set((resource.charges ?? []).map(key));
  const kept = known.charges.filter((charge) => !listed.has(key(charge)));
  return kept.length === 0 ? resource : { ...resource, charges: [...kept, ...(resource.charges ?? [])] };
}

/** A resource AWS no longer lists: it stopped costing when it was last seen, at the latest. */
function closed(entry: LedgerEntry): CostResource {
  const resource = entry.resource;
  if (resource.kind === 'file-system') {
    return resource.deleted_at ? resource : { ...resource, deleted_at: entry.last_seen };
  }
  if (lastState(resource) === 'terminated') return resource;
  return {
    ...resource,
    transitions: [...resource.transitions, { at: entry.last_seen, state: 'terminated' }],
  };
}
