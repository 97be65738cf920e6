import type { TeamItem, TeamKey, TeamUpdate } from './TeamStore.js';

/** The item after an update (a new item when it was absent): the local store's twin of UpdateItem. */
export function applyTeamUpdate(key: TeamKey, item: TeamItem | undefined, update: TeamUpdate): TeamItem {
  const next: TeamItem = { ...(item ?? {}), pk: key.pk, sk: key.sk };
  for (const [attribute, value] of Object.entries(update.set ?? {})) next[attribute] = value;
  for (const [attribute, amount] of Object.entries(update.add ?? {})) {
    const current = next[attribute];
    next[attribute] = (typeof current === 'number' ? current : 0) + amount;
  }
  for (const [attribute, members] of Object.entries(update.add_to_set ?? {})) {
    const current = next[attribute];
    const set = new Set(Array.isArray(current) ? current.map(String) : []);
    for (const member of members) set.add(member);
    next[attribute] = [...set].sort();
  }
  for (const [attribute, members] of Object.entries(update.remove_from_set ?? {})) {
    const current = next[attribute];
    if (!Array.isArray(current)) continue;
    const kept = current.map(String).filter((member) => !members.includes(member));
    if (kept.length > 0) next[attribute] = kept;
    else delete next[attribute];
  }
  for (const attribute of update.remove ?? []) delete next[attribute];
  return next;
}
