import type { ComputePort, Instance, ResourceTags } from '../ports.js';
import { TAG } from '../ports.js';
import type { LaunchRecord } from './LaunchRecordStore.js';

/** The tags that say whose a workstation is and that the app manages it: fixed at launch. */
export const OWNERSHIP_TAGS = [TAG.managed, TAG.profile, TAG.researchUser, TAG.owner, TAG.template] as const;

/** The ownership tags of a launch's tag set, to keep in its launch record. */
export function ownershipTagsOf(tags: ResourceTags): Record<string, string> {
  return Object.fromEntries(
    OWNERSHIP_TAGS.flatMap((key) => (tags[key] !== undefined ? [[key, tags[key]]] : [])),
  );
}

/**
 * The ownership tags an instance no longer carries as it was launched with (its launch record
 * says what they were): one `key: launched 'a', now 'b'` per change. Empty when nothing changed, or
 * when the record is not this instance's or predates recorded tags.
 */
export function ownershipTampering(
  instance: Pick<Instance, 'id' | 'tags'>,
  record: LaunchRecord | undefined,
): string[] {
  if (!record?.ownership_tags || record.instance_id !== instance.id) return [];
  return Object.entries(record.ownership_tags).flatMap(([key, launched]) => {
    const now = instance.tags[key];
    return now === launched
      ? []
      : [`${key}: launched '${launched}', now ${now === undefined ? 'removed' : `'${now}'`}`];
  });
}

/** The research user a workstation counts against: its launcher as recorded, else its tag. */
export function launcherOf(
  instance: Pick<Instance, 'id' | 'tags'>,
  record: LaunchRecord | undefined,
): string | undefined {
  const recorded =
    record?.instance_id === instance.id ? record.ownership_tags?.[TAG.researchUser] : undefined;
  return recorded ?? instance.tags[TAG.researchUser];
}

/**
 * The instances this installation launched that a tag filter no longer finds (their cws:managed or
 * cws:profile tag was changed), fetched by id, so that a retagged workstation stays listed.
 */
export async function retaggedInstances(
  compute: Pick<ComputePort, 'listInstances'>,
  records: readonly LaunchRecord[],
  found: readonly Instance[],
): Promise<Instance[]> {
  const owned = records.filter((record) => record.instance_id && record.ownership_tags);
  // Most refreshes have no such record: no set of 10,000 listed ids is built for them.
  if (owned.length === 0) return [];
  const seen = new Set(found.map((instance) => instance.id));
  const missing = owned.filter((record) => !seen.has(record.instance_id ?? ''));
  if (missing.length === 0) return [];
  const { items } = await compute.listInstances({
    regions: [...new Set(missing.map((record) => record.region))],
    ids: missing.flatMap((record) => (record.instance_id ? [record.instance_id] : [])),
  });
  return items.filter((instance) => instance.state !== 'terminated');
}
