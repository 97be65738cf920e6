import type { TeamCondition, TeamItem, TeamValue } from './TeamStore.js';

/**
 * Whether a condition holds on an item (undefined: absent), with DynamoDB's meaning of each clause,
 * so that the local store decides exactly as the table does.
 */
export function teamConditionHolds(item: TeamItem | undefined, condition: TeamCondition): boolean {
  const value = (attribute: string): TeamValue | undefined => item?.[attribute];
  if ('exists' in condition) return (item !== undefined) === condition.exists;
  if ('equals' in condition) return value(condition.equals[0]) === condition.equals[1];
  if ('below' in condition) {
    const current = value(condition.below[0]);
    return current === undefined || (typeof current === 'number' && current < condition.below[1]);
  }
  if ('size_below' in condition) {
    const current = value(condition.size_below[0]);
    return current === undefined || (Array.isArray(current) && current.length < condition.size_below[1]);
  }
  if ('contains' in condition) {
    const current = value(condition.contains[0]);
    return Array.isArray(current) && current.includes(condition.contains[1]);
  }
  if ('all' in condition) return condition.all.every((part) => teamConditionHolds(item, part));
  return condition.any.some((part) => teamConditionHolds(item, part));
}
