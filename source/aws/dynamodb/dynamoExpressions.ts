import type { TeamCondition, TeamUpdate, TeamValue } from '../../core/team/TeamStore.js';

/** A DynamoDB expression with its placeholders, ready for the document client. */
export interface DynamoExpressions {
  condition?: string;
  update?: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** Builds placeholders as it goes, so one request's condition and update never collide. */
class Placeholders {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  private count = 0;

  name(attribute: string): string {
    const found = Object.entries(this.names).find(([, value]) => value === attribute);
    if (found) return found[0];
    const placeholder = `#a${Object.keys(this.names).length}`;
    this.names[placeholder] = attribute;
    return placeholder;
  }

  value(value: unknown): string {
    const placeholder = `:v${this.count++}`;
    this.values[placeholder] = value;
    return placeholder;
  }
}

function conditionText(condition: TeamCondition, p: Placeholders): string {
  if ('exists' in condition) return condition.exists ? 'attribute_exists(pk)' : 'attribute_not_exists(pk)';
  if ('equals' in condition) return `${p.name(condition.equals[0])} = ${p.value(condition.equals[1])}`;
  if ('below' in condition) {
    const name = p.name(condition.below[0]);
    return `(attribute_not_exists(${name}) OR ${name} < ${p.value(condition.below[1])})`;
  }
  if ('size_below' in condition) {
    const name = p.name(condition.size_below[0]);
    return `(attribute_not_exists(${name}) OR size(${name}) < ${p.value(condition.size_below[1])})`;
  }
  if ('contains' in condition) {
    return `contains(${p.name(condition.contains[0])}, ${p.value(condition.contains[1])})`;
  }
  const [parts, joiner] = 'all' in condition ? [condition.all, ' AND '] : [condition.any, ' OR '];
  if (parts.length === 0)
    return 'all' in condition
      ? 'attribute_exists(pk) OR attribute_not_exists(pk)'
      : 'attribute_exists(pk) AND attribute_not_exists(pk)';
  return `(${parts.map((part) => conditionText(part, p)).join(joiner)})`;
}

function updateText(update: TeamUpdate, p: Placeholders): string {
  const clauses: string[] = [];
  const set = Object.entries(update.set ?? {}).map(([key, value]) => `${p.name(key)} = ${p.value(value)}`);
  if (set.length > 0) clauses.push(`SET ${set.join(', ')}`);
  const add = [
    ...Object.entries(update.add ?? {}).map(([key, amount]) => `${p.name(key)} ${p.value(amount)}`),
    ...Object.entries(update.add_to_set ?? {}).map(
      ([key, members]) => `${p.name(key)} ${p.value(new Set(members))}`,
    ),
  ];
  if (add.length > 0) clauses.push(`ADD ${add.join(', ')}`);
  const remove = Object.entries(update.remove_from_set ?? {}).map(
    ([key, members]) => `${p.name(key)} ${p.value(new Set(members))}`,
  );
  if (remove.length > 0) clauses.push(`DELETE ${remove.join(', ')}`);
  if (update.remove && update.remove.length > 0) {
    clauses.push(`REMOVE ${update.remove.map((key) => p.name(key)).join(', ')}`);
  }
  return clauses.join(' ');
}

/** The expressions of one conditional write: the core's condition and update in DynamoDB's language. */
export function dynamoExpressions(condition?: TeamCondition, update?: TeamUpdate): DynamoExpressions {
  const p = new Placeholders();
  const updateExpression = update ? updateText(update, p) : undefined;
  const conditionExpression = condition ? conditionText(condition, p) : undefined;
  return {
    ...(conditionExpression ? { condition: conditionExpression } : {}),
    ...(updateExpression ? { update: updateExpression } : {}),
    names: p.names,
    values: p.values,
  };
}

/** An item as the core sees it: string sets as sorted arrays, nothing else changed. */
export function fromDynamoValue(value: unknown): TeamValue {
  if (value instanceof Set) return [...value].map(String).sort();
  if (Array.isArray(value)) return value.map(fromDynamoValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, fromDynamoValue(inner)]));
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}
