import type { ResourceTags } from '../core/ports.js';

/** AWS's `[{ Key, Value }]` tag lists to and from the app's tag record. */
export function fromTagList(tags: { Key?: string; Value?: string }[] | undefined): ResourceTags {
  const result: ResourceTags = {};
  for (const tag of tags ?? []) {
    if (tag.Key !== undefined) result[tag.Key] = tag.Value ?? '';
  }
  return result;
}

export function toTagList(tags: ResourceTags): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}
